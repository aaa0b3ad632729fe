/** A small least-recently-used map: reading an entry refreshes it; inserting past `capacity` evicts the oldest. */
export function createLruCache<TValue>(capacity: number) {
  const entries = new Map<string, TValue>();

  return {
    get(key: string): TValue | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }

      return value;
    },
    set(key: string, value: TValue): void {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) {
          break;
        }
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
