import { describe, expect, it } from 'vitest';

import type { TOperation } from '@uw/clockify';

import type { TCaller } from '../auth/caller';
import { applyBindings } from './bindings';
import { destructiveReason } from './destructive';
import { boundedBody, HISTORY_RESPONSE_LIMIT_BYTES } from './scrub';

const op = (method: TOperation['method'], path: string, summary = ''): TOperation => ({
  operationId: 'op',
  method,
  path,
  tag: 'T',
  summary,
  description: '',
  deprecated: false,
  host: 'api',
  responses: {},
  parameters: [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1]!,
    in: 'path' as const,
    required: true,
    schema: { type: 'string' },
    description: '',
  })),
});
const caller: TCaller = { workspaceId: 'ws1', userId: 'u1', role: 'admin', via: 'clockify' };

describe('destructiveReason', () => {
  it('asks for confirmation on DELETE, PUT, PATCH and removing POSTs only', () => {
    expect(destructiveReason(op('GET', '/x'))).toBeNull();
    expect(destructiveReason(op('POST', '/x', 'Add a new project'))).toBeNull();
    expect(destructiveReason(op('POST', '/x', 'Assign/remove users to/from the project'))).toMatch(/remove or replace/);
    for (const m of ['DELETE', 'PUT', 'PATCH'] as const) expect(destructiveReason(op(m, '/x'))).toBeTruthy();
  });
});

describe('applyBindings', () => {
  it('forces the workspace, defaults the user, refuses a foreign workspace', () => {
    const o = op('GET', '/w/{workspaceId}/u/{userId}');
    expect(applyBindings(o, caller, {})).toEqual({ path: { workspaceId: 'ws1', userId: 'u1' }, problems: [] });
    expect(applyBindings(o, caller, { userId: 'u2' }).path.userId).toBe('u2');
    expect(applyBindings(o, caller, { workspaceId: 'ws1' }).problems).toEqual([]);
    expect(applyBindings(o, caller, { workspaceId: 'ws2' }).problems).toEqual([expect.stringMatching(/bound to your own workspace/)]);
    expect(applyBindings(o, { ...caller, userId: null }, {}).path).toEqual({ workspaceId: 'ws1' });
  });
});

describe('boundedBody', () => {
  it('keeps bodies up to 64 KB and a preview beyond', () => {
    expect(boundedBody({ a: 1 })).toEqual({ body: { a: 1 } });
    const big = boundedBody('x'.repeat(HISTORY_RESPONSE_LIMIT_BYTES + 10));
    expect(big).toMatchObject({ truncated: true, bytes: HISTORY_RESPONSE_LIMIT_BYTES + 12 });
    expect((big as { preview: string }).preview).toHaveLength(HISTORY_RESPONSE_LIMIT_BYTES);
  });
});
