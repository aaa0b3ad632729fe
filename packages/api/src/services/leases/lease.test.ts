import { describe, expect, it } from 'vitest';

import { LeaseLostError, startHeartbeat } from './lease';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('lease heartbeat', () => {
  it('extends every third of the lease until stopped', async () => {
    let calls = 0;
    const beat = startHeartbeat({ leaseMs: 150, minIntervalMs: 10, extend: async () => ++calls > 0 });
    await sleep(180);
    beat.stop();
    const seen = calls;
    expect(seen).toBeGreaterThanOrEqual(2);
    await sleep(120);
    expect(calls).toBe(seen);
  });

  it('stops and reports once when the lease is lost, and keeps beating through a failed extension', async () => {
    const answers: (boolean | Error)[] = [new Error('database down'), true, false, true];
    let lost = 0;
    let calls = 0;
    startHeartbeat({
      leaseMs: 60,
      minIntervalMs: 10,
      extend: async () => {
        const answer = answers[calls++] ?? true;
        if (answer instanceof Error) throw answer;

        return answer;
      },
      onLost: () => lost++,
    });
    await sleep(200);
    expect(lost).toBe(1);
    expect(calls).toBe(3);
  });

  it('names what was lost, with a stable code', () => {
    const err = new LeaseLostError('execution ex_1');
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('LEASE_LOST');
    expect(err.message).toContain('execution ex_1');
  });
});
