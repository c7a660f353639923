import { canonicalJson, eventHash, findChainBreak, GENESIS_HASH, type StoredEvent } from '../../src/audit/chain';

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
