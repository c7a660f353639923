import { decodeCursor, encodeCursor, pageOfList, pageSize } from '../../src/core/page';
import { toConnection } from '../../src/graphql/connection';
import { AppError } from '../../src/core/errors';

describe('pagination helpers', () => {
  const limits = { defaultPageSize: 20, maxPageSize: 100 };

  it('round-trips cursors', () => {
    const id = '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab';
    expect(decodeCursor(encodeCursor('DZB', id))).toEqual(['DZB', id]);
    expect(decodeCursor(encodeCursor(7, '12345'))).toEqual([7, '12345']);
  });

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it.each([
    '',
    'garbage',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from("'; drop table app_user; --").toString('base64url'),
    // Forged: an id that is not one, a sort value PostgreSQL cannot store, a separator, not base64url.
    b64(['DZB', 'not-a-uuid']),
    b64(['DZB', "1; drop table app_user"]),
    b64(['a\u0000', '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab']),
    b64(['\ud800', '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab']),
    b64([1e308, '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab']),
    b64([{}, '0b6f3c1e-2a4d-4c8e-9f10-1234567890ab']),
    'a|b|c',
    '%%%',
  ])(
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

  it('encodes cursors only when a client reads edges or page cursors', () => {
    const ids = ['0b6f3c1e-2a4d-4c8e-9f10-1234567890a1', '0b6f3c1e-2a4d-4c8e-9f10-1234567890a2', '0b6f3c1e-2a4d-4c8e-9f10-1234567890a3'];
    const page = pageOfList(ids, { first: 2 }, limits, (x) => x);
    const cursor = jest.spyOn(page, 'cursor');
    const connection = toConnection(page);
    expect(connection.nodes).toEqual(ids.slice(0, 2));
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(cursor).not.toHaveBeenCalled();
    expect(connection.edges.map((e) => e.node)).toEqual(ids.slice(0, 2));
    expect(decodeCursor(connection.pageInfo.endCursor!)).toEqual([1, ids[1]]);
    expect(connection.edges[0]!.cursor).toBe(connection.pageInfo.startCursor);
  });
});
