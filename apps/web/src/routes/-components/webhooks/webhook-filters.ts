import type { TWebhookSearch } from '../search-schemas';

type TSummary = { source: string; sourceId: string | null; eventType: string; outcome: string; receivedAt: number };

/** The webhooks.list input for the current search params (payload search only with both path and value). */
export function toListInput(search: TWebhookSearch, limit = 50) {
  const { path, equals, cursor, ...rest } = search;
  const payload = path && equals !== undefined && equals !== '' ? { path, equals: coerceEquals(equals) } : undefined;

  return { ...rest, payload, cursor, limit };
}

/** "true"/"false" typed in the box mean booleans; anything else is compared as text. */
export function coerceEquals(value: string | number | boolean): string | number | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;

  return value;
}

/** Live entries carry no payload: the payload filter cannot apply to them; every other filter does. */
export function matchesLiveFilters(entry: TSummary, search: TWebhookSearch): boolean {
  if (search.source && entry.source !== search.source) return false;
  if (search.sourceId && entry.sourceId !== search.sourceId) return false;
  if (search.eventType && entry.eventType !== search.eventType) return false;
  if (search.outcome && entry.outcome !== search.outcome) return false;
  if (search.from !== undefined && entry.receivedAt < search.from) return false;

  return !(search.to !== undefined && entry.receivedAt > search.to);
}

export function hasFilters(search: TWebhookSearch): boolean {
  const { cursor: _c, ...rest } = search;

  return Object.values(rest).some((v) => v !== undefined && v !== '');
}
