/**
 * A least-recently-used cache bounded by bytes and by entries, for what never changes once published
 * (pages, snapshots, diffs of publications). It lives on globalThis under `name`, so that every bundle of
 * the server (Next builds route handlers and server actions separately) shares one.
 */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  /** Keeps `value` as costing `bytes`, evicting the least recently used entries past the bounds. */
  set(key: string, value: V, bytes: number): void;
  delete(key: string): void;
}

export function boundedCache<V>(name: string, maxBytes: number, maxEntries: number): BoundedCache<V> {
  const store = ((globalThis as { [key: symbol]: unknown })[Symbol.for(`factmark.${name}`)] ??= {
    entries: new Map(),
    bytes: 0,
  }) as {
    entries: Map<string, { value: V; bytes: number }>;
    bytes: number;
  };
  const remove = (key: string) => {
    const old = store.entries.get(key);
    if (!old) return;
    store.entries.delete(key);
    store.bytes -= old.bytes;
  };
  return {
    get(key) {
      const hit = store.entries.get(key);
      if (!hit) return undefined;
      store.entries.delete(key);
      store.entries.set(key, hit);
      return hit.value;
    },
    set(key, value, bytes) {
      remove(key);
      // Larger than the whole budget: not kept, so it cannot push everything else out.
      if (bytes > maxBytes) return;
      store.entries.set(key, { value, bytes });
      store.bytes += bytes;
      for (const oldKey of store.entries.keys()) {
        if ((store.bytes <= maxBytes && store.entries.size <= maxEntries) || oldKey === key) break;
        remove(oldKey);
      }
    },
    delete: remove,
  };
}
