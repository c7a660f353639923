import { ReferenceKind, type EntityMetadata, type Platform } from '@mikro-orm/core';
import { batchColumns, RowReader } from '../../src/db/rows';

/** RowReader's mapper: the columns each read names, converted as the ORM would, whichever read came before. */
describe('RowReader.map', () => {
  const prop = (name: string, field: string, extra: Record<string, unknown> = {}) => ({ name, fieldNames: [field], kind: ReferenceKind.SCALAR, columnTypes: ['varchar(255)'], ...extra });
  const meta = {
    tableName: 'thing',
    className: 'Thing',
    props: [
      prop('id', 'id', { primary: true, columnTypes: ['uuid'] }),
      prop('createdAt', 'created_at', { runtimeType: 'Date', columnTypes: ['timestamptz'] }),
      prop('owner', 'owner_id', { kind: ReferenceKind.MANY_TO_ONE }),
      prop('text', 'text', { columnTypes: ['text'] }),
      prop('bytes', 'bytes', { columnTypes: ['bytea'], lazy: true }),
      prop('odd"name\\', 'odd_col', {}),
      prop('items', 'items', { kind: ReferenceKind.ONE_TO_MANY }),
    ],
  } as unknown as EntityMetadata<Record<string, unknown>>;
  const platform = { parseDate: (v: string) => new Date(v) } as unknown as Platform;
  const raw = { id: 'a', created_at: '2026-11-28T10:00:00.000Z', owner_id: 'u1', text: '全文', bytes: 'xx', odd_col: 'q' };

  it('short columns always, a long one only when named, in any order of reads', () => {
    const r = new RowReader(meta, platform);
    const withText = new Set(['text']);
    for (const wanted of [withText, new Set<string>(), withText, undefined, new Set(['bytes'])]) {
      const row = r.map({ ...raw }, wanted) as Record<string, unknown>;
      expect(row.id).toBe('a');
      expect(row.createdAt).toEqual(new Date('2026-11-28T10:00:00.000Z'));
      expect(row.owner).toEqual({ id: 'u1' });
      expect(row['odd"name\\']).toBe('q');
      expect('items' in row).toBe(false);
      if (wanted === undefined || wanted.has('text')) expect(row.text).toBe('全文');
      else expect(() => row.text).toThrow(/Thing.text was not read/);
      expect(row.bytes).toBe(wanted?.has('bytes') ? 'xx' : undefined);
    }
    expect(r.select('t', withText)).toBe('t."id", t."created_at", t."owner_id", t."text", t."odd_col"');
  });

  it('null and missing values read null', () => {
    const r = new RowReader(meta, platform);
    const row = r.map({ id: 'b', created_at: null, owner_id: undefined, odd_col: null }, new Set()) as Record<string, unknown>;
    expect([row.createdAt, row.owner, row['odd"name\\']]).toEqual([null, null, null]);
  });

  it('batch keys name the long columns of each caller; a batch reads the columns of all its callers', () => {
    const r = new RowReader(meta, platform);
    const withText = new Set(['text']);
    const keys = [r.batchKey(withText, 'a'), r.batchKey(new Set(), 'b'), r.batchKey(withText, 'c'), r.batchKey(new Set(['bytes', 'text']), 'd'), r.batchKey(withText, 'e')];
    expect(keys).toEqual(['text,|a', '|b', 'text,|c', 'text,bytes,|d', 'text,|e']);
    expect([...batchColumns(keys)!].sort()).toEqual(['bytes', 'text']);
    expect([...batchColumns(['|x', '|y'])!]).toEqual([]);
  });
});
