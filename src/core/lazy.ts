/**
 * A factory of objects whose members are built on first read, from one argument, then kept: for
 * per-request registries (loaders) where a request uses a few of many members. The getters live on
 * one shared prototype, so making an object costs one allocation whatever the number of members.
 */
export function lazyMembers<S, F extends { [K in keyof F]: (scope: S) => unknown }>(factories: F): (scope: S) => { readonly [K in keyof F]: ReturnType<F[K]> } {
  const proto: object = {};
  for (const key of Object.keys(factories)) {
    const make = factories[key as keyof F];
    Object.defineProperty(proto, key, {
      enumerable: true,
      get(this: { scope: S; built: Map<string, unknown> }) {
        let v = this.built.get(key);
        if (v === undefined) this.built.set(key, (v = make(this.scope)));
        return v;
      },
    });
  }
  return (scope) => Object.assign(Object.create(proto) as object, { scope, built: new Map<string, unknown>() }) as never;
}
