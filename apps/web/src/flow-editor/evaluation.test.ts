import { describe, expect, it } from 'vitest';

import { ZFlowContextSchema } from '@uw/flow-engine';

import { buildContext, evaluateForDisplay, previewValue } from './evaluation';

const sample = {
  id: 'log1',
  eventType: 'NEW_PROJECT',
  source: 'clockify',
  receivedAt: 0,
  payload: { name: 'Acme', billable: true },
  headers: { 'x-a': '1' },
};

describe('editor evaluation', () => {
  it('builds the same context shape the engine runs with', () => {
    const ctx = buildContext(sample, 'w1', { call: { status: 201, body: { id: 'p' }, headers: {} } });

    expect(ZFlowContextSchema.safeParse(ctx).success).toBe(true);
    expect(ctx.event).toEqual({ type: 'NEW_PROJECT', source: 'clockify', receivedAt: '1970-01-01T00:00:00.000Z', id: 'log1' });
    expect(ZFlowContextSchema.safeParse(buildContext(null, 'w1')).success).toBe(true);
  });

  it('shows a result, a syntax error with its position, or idle for empty input', async () => {
    const ctx = buildContext(sample, 'w1', { call: { status: 201, body: { id: 'p' }, headers: {} } });

    expect(await evaluateForDisplay('payload.name & "!"', ctx)).toEqual({ state: 'ok', value: 'Acme!' });
    expect(await evaluateForDisplay('steps.call.body.id', ctx)).toEqual({ state: 'ok', value: 'p' });
    expect(await evaluateForDisplay('payload.(', ctx)).toMatchObject({ state: 'error' });
    expect(await evaluateForDisplay('  ', ctx)).toEqual({ state: 'idle' });
  });

  it('previews values on one line', () => {
    expect(previewValue(undefined)).toBe('undefined (no match)');
    expect(previewValue('x'.repeat(400)).length).toBe(301);
  });
});
