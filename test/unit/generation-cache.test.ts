import { GenerationCache } from '../../src/db/change-generation';

describe('GenerationCache', () => {
  it('returns a value only at the generation it was computed at', () => {
    const cache = new GenerationCache();
    cache.set('k', '7', 42);
    expect(cache.get('k', '7')).toBe(42);
    expect(cache.get('k', '8')).toBeUndefined(); // a change committed since
    expect(cache.get('k', '6')).toBeUndefined();
    expect(cache.get('other', '7')).toBeUndefined();
    cache.set('k', '8', 43);
    expect(cache.get('k', '7')).toBeUndefined();
    expect(cache.get('k', '8')).toBe(43);
  });

  it('never keeps a value without a generation (no generation row)', () => {
    const cache = new GenerationCache();
    cache.set('k', null, 1);
    cache.set('j', undefined, 1);
    expect(cache.size).toBe(0);
    expect(cache.has('k')).toBe(false);
    cache.set('k', '1', 1);
    expect(cache.get('k', null)).toBeUndefined();
  });

  it('is bounded: the least recently used key leaves first', () => {
    const cache = new GenerationCache(3);
    for (const k of ['a', 'b', 'c']) cache.set(k, '1', k);
    expect(cache.get('a', '1')).toBe('a'); // a used: b is now the oldest
    cache.set('d', '1', 'd');
    expect(cache.size).toBe(3);
    expect(cache.has('b')).toBe(false);
    expect(['a', 'c', 'd'].map((k) => cache.get(k, '1'))).toEqual(['a', 'c', 'd']);
  });
});
