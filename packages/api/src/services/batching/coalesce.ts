export type TCoalesceOptions<T> = {
  /** How long the first item waits for company before `flush` gets it and everything added meanwhile. */
  ms: number;
  flush: (items: T[]) => void;
};

/**
 * Collects what is added within `ms` of the first item and hands it to `flush` in one call (one NOTIFY per
 * window instead of one per event). Returns the function that adds an item; with no item type it is called
 * without arguments and `flush` only learns that something happened.
 */
export function coalesce<T = void>(opts: TCoalesceOptions<T>): (item: T) => void {
  let pending: T[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    timer = null;
    const items = pending;
    pending = [];
    opts.flush(items);
  };

  return (item) => {
    pending.push(item);
    timer ??= setTimeout(flush, opts.ms);
  };
}
