import { describe, expect, it } from 'vitest';

import { createRateLimiter } from './rate-limit';
import { countPerSecond, redactHeaders } from './recorder';

describe('recorder and rate limiter', () => {
  it('counts the busiest aligned second per workspace', () => {
    const r = (at: number, workspaceId = 'w') => ({ at, method: 'GET', path: '/', query: {}, status: 200, headers: {}, workspaceId });
    expect(countPerSecond([r(1000), r(1999), r(2000), r(2500), r(2999), r(2100, 'other')], 'w')).toBe(3);
  });

  it('redacts tokens', () => {
    expect(redactHeaders({ 'x-addon-token': 'secret', accept: ['a', 'b'] })).toEqual({ 'x-addon-token': '[token]', accept: 'a, b' });
  });

  it('allows N per workspace per aligned second', () => {
    const limiter = createRateLimiter(2);
    expect([
      limiter.take('w', 5000),
      limiter.take('w', 5500),
      limiter.take('w', 5999),
      limiter.take('x', 5999),
      limiter.take('w', 6000),
    ]).toEqual([true, true, false, true, true]);
    expect(createRateLimiter(0).take('w', 1)).toBe(true);
  });
});
