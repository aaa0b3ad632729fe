import { describe, expect, it } from 'vitest';

import { newId } from '../src';

describe('newId', () => {
  it('makes unique, time-ordered version-7 UUIDs, also many within one millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('puts the given time in the first 48 bits', () => {
    const at = Date.UTC(2026, 10, 29, 12, 0, 0);
    expect(parseInt(newId(at).replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });
});
