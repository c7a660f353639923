import { lazyMembers } from '../../src/core/lazy';

describe('lazyMembers', () => {
  it('builds a member on its first read, once, from the object’s own scope', () => {
    const built: string[] = [];
    const members = {
      a: (scope: { n: number }) => (built.push(`a${scope.n}`), { n: scope.n }),
      b: (scope: { n: number }) => (built.push(`b${scope.n}`), scope.n * 2),
    };
    const make = lazyMembers<{ n: number }, typeof members>(members);
    const one = make({ n: 1 });
    const two = make({ n: 2 });
    expect(built).toEqual([]);
    expect(one.a).toBe(one.a);
    expect(two.b).toBe(4);
    expect(one.a.n).toBe(1);
    expect(built).toEqual(['a1', 'b2']);
  });
});
