import { decodeCursor, encodeCursor, pageSize } from '../../src/core/page';
import { AppError } from '../../src/core/errors';

describe('pagination helpers', () => {
  const limits = { defaultPageSize: 20, maxPageSize: 100 };

  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor('DZB', 'a-b'))).toEqual(['DZB', 'a-b']);
  });

  it.each(['', 'garbage', Buffer.from('[1]').toString('base64url'), Buffer.from("'; drop table app_user; --").toString('base64url')])(
    'refuses a malformed cursor %j with BAD_USER_INPUT',
    (c) => {
      expect(() => decodeCursor(c)).toThrow(AppError);
      try {
        decodeCursor(c);
      } catch (e) {
        expect((e as AppError).code).toBe('BAD_USER_INPUT');
      }
    },
  );

  it('caps first', () => {
    expect(pageSize({}, limits)).toBe(20);
    expect(pageSize({ first: 100 }, limits)).toBe(100);
    expect(() => pageSize({ first: 101 }, limits)).toThrow(/最多 100/);
    expect(() => pageSize({ first: 0 }, limits)).toThrow(AppError);
  });
});
