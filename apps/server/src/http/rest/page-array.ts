import { UserError } from '@uw/api';

type TItem = { id: string; createdAt: number };

/**
 * One page of a whole, newest-first list (`pageArray` routes). The cursor names the last item seen by its
 * creation time and id, so a page still follows on when that item was deleted in between.
 */
export function pageArray(all: readonly TItem[], query: { cursor?: string; limit: number }) {
  const sorted = [...all].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = query.cursor ? readCursor(query.cursor) : null;
  const rest = after ? sorted.filter((i) => i.createdAt < after.createdAt || (i.createdAt === after.createdAt && i.id < after.id)) : sorted;
  const items = rest.slice(0, query.limit);
  const last = items.at(-1);

  return { items, nextCursor: rest.length > query.limit && last ? `${last.createdAt}.${last.id}` : null };
}

function readCursor(cursor: string): TItem {
  const match = /^(\d+)\.(.+)$/.exec(cursor);
  if (!match) throw new UserError('VALIDATION_FAILED', 'cursor: pass the nextCursor of the previous page as it was given');

  return { createdAt: Number(match[1]), id: match[2]! };
}
