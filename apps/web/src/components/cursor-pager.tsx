import type { TCursorPages } from '../hooks/use-cursor-pages';

/** Newer / Older buttons under a cursor-paged list (`useCursorPages`); Older is off on the last page. */
export function CursorPager({ pages, nextCursor }: { pages: TCursorPages; nextCursor: string | null | undefined }) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button" disabled={!pages.hasNewer} onClick={() => pages.newer()}>
        Newer
      </button>
      <button type="button" className="button" disabled={!nextCursor} onClick={() => pages.older(nextCursor ?? undefined)}>
        Older
      </button>
    </nav>
  );
}
