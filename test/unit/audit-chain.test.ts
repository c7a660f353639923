import { canonicalJson, ChainWalker, eventHash, eventHmac, findChainBreak, GENESIS_HASH, type StoredEvent } from '../../src/audit/chain';
import { readCheckpoint, signCheckpoint } from '../../src/audit/checkpoint';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      occurredAt: new Date(Date.UTC(2026, 2, 5, 0, 0, i)),
      actorId: null,
      actorUsername: 'system',
      action: 'identity.user.create',
      subjectType: 'User',
      subjectId: `u${i}`,
      before: null,
      after: { username: `user${i}`, roles: ['DRAFTER'], nested: { b: 1, a: 2 } },
    };
    const hash = eventHash(prev, content);
    events.push({ ...content, id: String(i), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('is independent of key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('accepts an intact chain', () => {
    expect(findChainBreak(GENESIS_HASH, chain(5))).toBeNull();
  });

  it('reports the first event whose content was altered', () => {
    const events = chain(5);
    events[2]!.after = { username: 'mallory' };
    expect(findChainBreak(GENESIS_HASH, events)).toEqual({ eventId: '3', reason: 'HASH_MISMATCH' });
  });

  it('reports a removed event as a broken link', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(GENESIS_HASH, events)).toEqual({ eventId: '3', reason: 'PREV_HASH_MISMATCH' });
  });

  it('reports a rewritten hash as a broken link of the next event', () => {
    const events = chain(4);
    events[1]!.after = { username: 'mallory' };
    events[1]!.hash = eventHash(events[1]!.prevHash, events[1]!);
    expect(findChainBreak(GENESIS_HASH, events)).toEqual({ eventId: '3', reason: 'PREV_HASH_MISMATCH' });
  });
});

describe('keyed audit chain (issue #10)', () => {
  const k1 = { id: 'k1', secret: 'first-secret-'.padEnd(40, 'x') };
  const k2 = { id: 'k2', secret: 'second-secret-'.padEnd(40, 'y') };
  const keys = new Map([k1, k2].map((k) => [k.id, k.secret]));

  /** `legacy` plain events, then keyed ones, switching from k1 to k2 at `rotateAt`. */
  function keyed(legacy: number, signed: number, rotateAt = Infinity): StoredEvent[] {
    const events = chain(legacy);
    let prev = events.length ? events[events.length - 1]!.hash : GENESIS_HASH;
    for (let i = 1; i <= signed; i++) {
      const id = legacy + i;
      const key = i >= rotateAt ? k2 : k1;
      const content = {
        occurredAt: new Date(Date.UTC(2026, 2, 6, 0, 0, i)),
        actorId: null,
        actorUsername: 'system',
        action: 'identity.department.update',
        subjectType: 'Department',
        subjectId: `d${id}`,
        before: null,
        after: { name: `部门${id}` },
      };
      const hash = eventHmac(key, prev, content);
      events.push({ ...content, id: String(id), prevHash: prev, hash, keyId: key.id });
      prev = hash;
    }
    return events;
  }

  it('accepts plain events from before the keys followed by keyed ones, across a key rotation', () => {
    expect(findChainBreak(GENESIS_HASH, keyed(3, 4, 3), keys)).toBeNull();
  });

  it('is not a plain SHA-256: the seal depends on the key', () => {
    const [e] = keyed(0, 1);
    expect(e!.hash).not.toBe(eventHash(e!.prevHash, e!));
    expect(eventHmac(k2, e!.prevHash, e!)).not.toBe(e!.hash);
  });

  it('reports altered content, an unknown key, and a plain event after keyed ones', () => {
    const altered = keyed(2, 3);
    altered[3]!.after = { name: 'mallory' };
    expect(findChainBreak(GENESIS_HASH, altered, keys)).toEqual({ eventId: '4', reason: 'HASH_MISMATCH' });
    expect(findChainBreak(GENESIS_HASH, keyed(2, 3), new Map([[k2.id, k2.secret]]))).toEqual({ eventId: '3', reason: 'UNKNOWN_KEY' });
    const resealed = keyed(2, 3);
    const last = resealed[4]!;
    last.after = { name: 'mallory' };
    last.keyId = null;
    last.hash = eventHash(last.prevHash, last);
    expect(findChainBreak(GENESIS_HASH, resealed, keys)).toEqual({ eventId: '5', reason: 'UNSIGNED_AFTER_SIGNED' });
  });

  it('seals the plain prefix with the first keyed event: re-chaining it breaks the link', () => {
    const events = keyed(3, 2);
    events[1]!.after = { username: 'mallory' };
    events[1]!.hash = eventHash(events[1]!.prevHash, events[1]!);
    events[2]!.prevHash = events[1]!.hash;
    events[2]!.hash = eventHash(events[2]!.prevHash, events[2]!);
    expect(findChainBreak(GENESIS_HASH, events, keys)).toEqual({ eventId: '4', reason: 'PREV_HASH_MISMATCH' });
  });

  it('compares the chain with checkpoints: a removed tail, a re-chained history', () => {
    const events = keyed(2, 4);
    const head = events[4]!;
    const cp = signCheckpoint(k1, { headId: head.id, headHash: head.hash, count: 5 }, new Date('2026-03-06T00:00:00Z'));

    const intact = new ChainWalker(keys, [cp]);
    expect(intact.push(events)).toBeNull();
    expect(intact.finish()).toBeNull();

    const truncated = new ChainWalker(keys, [cp]);
    expect(truncated.push(events.slice(0, 4))).toBeNull();
    expect(truncated.finish()).toMatchObject({ eventId: '5', reason: 'CHECKPOINT_HEAD_MISSING' });

    // every event re-chained as plain SHA-256 from the start: internally consistent, but not what was signed
    let prev = GENESIS_HASH;
    const rechained = events.map((e, i) => {
      const copy = { ...e, keyId: null, prevHash: prev, after: i === 0 ? { username: 'mallory' } : e.after };
      copy.hash = eventHash(prev, copy);
      prev = copy.hash;
      return copy;
    });
    expect(findChainBreak(GENESIS_HASH, rechained, keys)).toBeNull();
    expect(new ChainWalker(keys, [cp]).push(rechained)).toMatchObject({ eventId: '5', reason: 'CHECKPOINT_MISMATCH' });
  });

  it('signs checkpoints so that an altered or foreign one is refused', () => {
    const cp = signCheckpoint(k1, { headId: '7', headHash: 'a'.repeat(64), count: 7 }, new Date('2026-03-06T00:00:00Z'));
    expect(readCheckpoint(JSON.parse(JSON.stringify(cp)), keys)).toEqual({ checkpoint: cp });
    expect(readCheckpoint({ ...cp, count: 6 }, keys)).toEqual({ problem: expect.stringContaining('签名不符') });
    expect(readCheckpoint({ ...cp, headHash: 'b'.repeat(64) }, keys)).toEqual({ problem: expect.stringContaining('签名不符') });
    expect(readCheckpoint(cp, new Map([[k2.id, k2.secret]]))).toEqual({ problem: expect.stringContaining('未知的密钥编号') });
    expect(readCheckpoint({ ...cp, count: 'seven' }, keys)).toEqual({ problem: expect.any(String) });
    expect(readCheckpoint(null, keys)).toEqual({ problem: expect.any(String) });
  });
});
