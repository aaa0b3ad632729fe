import { describe, expect, it } from 'vitest';

import { coerceEquals, hasFilters, matchesLiveFilters, toListInput } from './webhook-filters';

const entry = { source: 'clockify', sourceId: null, eventType: 'NEW_PROJECT', outcome: 'queued', receivedAt: 1000 };

describe('webhook filters', () => {
  it('sends the payload search only with both a path and a value', () => {
    expect(toListInput({ path: '$.name', equals: 'Acme', cursor: 'c1' })).toEqual({
      payload: { path: '$.name', equals: 'Acme' },
      cursor: 'c1',
      limit: 50,
    });
    expect(toListInput({ path: '$.name' }).payload).toBeUndefined();
    expect(toListInput({ path: '$.billable', equals: 'true' }).payload).toEqual({ path: '$.billable', equals: true });
    expect(toListInput({ path: '$.n', equals: 3 }).payload).toEqual({ path: '$.n', equals: 3 });
  });

  it('reads true/false as booleans', () => {
    expect([coerceEquals('true'), coerceEquals('false'), coerceEquals('True'), coerceEquals(1)]).toEqual([true, false, 'True', 1]);
  });

  it('applies every filter but the payload search to live entries', () => {
    expect(matchesLiveFilters(entry, { eventType: 'NEW_PROJECT', outcome: 'queued', from: 500, to: 1500, path: '$.x', equals: 'y' })).toBe(
      true,
    );
    expect(matchesLiveFilters(entry, { source: 'custom' })).toBe(false);
    expect(matchesLiveFilters(entry, { to: 999 })).toBe(false);
  });

  it('does not count the cursor as a filter', () => {
    expect(hasFilters({ cursor: 'x' })).toBe(false);
    expect(hasFilters({ outcome: 'rejected' })).toBe(true);
  });
});
