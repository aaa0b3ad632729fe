import { useState } from 'react';

/** Where a cursor-paged list is: Newer goes back one page, Older one page on, and a filter change starts over. */
export type TCursorPages = {
  /** Not on the first page (the list's search has a cursor). */
  hasNewer: boolean;
  newer(): void;
  older(next: string | undefined): void;
  /** Forgets the pages seen so far (a filter changed, the cursor goes too). */
  reset(): void;
};

/**
 * Paging over a list whose cursor lives in the URL's search params: `cursor` is the current one, `go` navigates
 * to another. The cursors of the pages before this one are kept in memory, so Newer retraces them.
 */
export function useCursorPages({ cursor, go }: { cursor: string | undefined; go: (cursor: string | undefined) => void }): TCursorPages {
  const [previous, setPrevious] = useState<(string | undefined)[]>([]);

  return {
    hasNewer: Boolean(cursor),
    newer() {
      setPrevious((p) => p.slice(0, -1));
      go(previous.at(-1));
    },
    older(next) {
      setPrevious((p) => [...p, cursor]);
      go(next);
    },
    reset: () => setPrevious([]),
  };
}
