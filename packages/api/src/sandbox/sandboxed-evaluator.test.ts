import { afterAll, describe, expect, it } from 'vitest';

import { FlowError } from '@uw/flow-engine';

import { createSandboxedEvaluator } from './sandboxed-evaluator';

/** Keeps a new million-character string alive per element: 2 GB in all. */
const HEAP_BOMB = '$map([1..2000], function($i){ $uppercase($pad("", 999000, "x")) })';
/** Many cheap steps: slow, but under a generous cooperative budget, so only the hard kill can stop it. */
const SLOW = '$sum([1..100000].($sum([1..200])))';

async function failureOf(run: Promise<unknown>): Promise<FlowError> {
  const error = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FlowError);

  return error as FlowError;
}

describe('createSandboxedEvaluator', () => {
  // A generous cooperative clock, so the heap cap (not the 100 ms budget) is what stops the bomb.
  // These test the workers: every expression goes to them, bounded or not (`inline: false`).
  const sandbox = createSandboxedEvaluator({ size: 1, heapMb: 64, budgets: { timeLimitMs: 10_000 }, inline: false });
  const patient = createSandboxedEvaluator({
    size: 1,
    inline: false,
    hardTimeoutMs: 400,
    budgets: { timeLimitMs: 60_000, maxSteps: 1_000_000_000 },
  });
  afterAll(async () => {
    await sandbox.close();
    await patient.close();
  });

  it('evaluates in a worker and returns plain JSON; expression errors keep their code and position', async () => {
    expect(
      await sandbox.evaluate('payload.items[price > 5].name', {
        payload: {
          items: [
            { name: 'a', price: 9 },
            { name: 'b', price: 1 },
          ],
        },
      }),
    ).toBe('a');
    const error = await failureOf(sandbox.evaluate(`$pad("a", 1000000, "${'0123456789abcdef'.repeat(4)}")`, {}));
    expect(error.code).toBe('EXPRESSION_LIMIT');
    const syntax = await failureOf(sandbox.evaluate('payload.a +', {}));
    expect(syntax).toMatchObject({ code: 'EXPRESSION_SYNTAX', position: 11 });
    expect(sandbox.check('$match("x", /(a)\\1/)')).toMatchObject({ ok: false, code: 'UNSUPPORTED_REGEX' });
  });

  it('a worker killed by its heap limit is replaced: the evaluation fails with EXPRESSION_CRASHED, the next one works', async () => {
    const before = sandbox.stats();
    const error = await failureOf(sandbox.evaluate(HEAP_BOMB, {}));
    expect(error.code).toBe('EXPRESSION_CRASHED');
    // Transient: the execution is retried (counting an attempt), not failed at once.
    expect(error.kind).toBe('operational');
    expect(sandbox.stats().lost).toBe(before.lost + 1);
    expect(await sandbox.evaluate('1 + 1', {})).toBe(2);
    expect(sandbox.stats().started).toBe(before.started + 1);
  });

  it('evaluations queued beside a crashing one are not lost with it', async () => {
    const results = await Promise.allSettled([
      sandbox.evaluate('"before"', {}),
      sandbox.evaluate(HEAP_BOMB, {}),
      ...Array.from({ length: 5 }, (_, i) => sandbox.evaluate('$ * 10', i)),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'before' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'EXPRESSION_CRASHED' } });
    expect(results.slice(2)).toEqual([0, 10, 20, 30, 40].map((value) => ({ status: 'fulfilled', value })));
  });

  it('an evaluation past the hard limit is stopped (EXPRESSION_TIMEOUT) while this thread keeps running', async () => {
    await patient.evaluate('0', {});
    let longestGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 5);
    const startedAt = performance.now();
    const error = await failureOf(patient.evaluate(SLOW, {}));
    clearInterval(ticker);
    expect(error.code).toBe('EXPRESSION_TIMEOUT');
    expect(error.kind).toBe('operational');
    expect(error.message).toMatch(/hard limit of 400 ms/);
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    expect(longestGapMs).toBeLessThan(100);
    expect(await patient.evaluate('"next"', {})).toBe('next');
  });

  it('a closed sandbox refuses new work with an operational error (the run is retried later)', async () => {
    const closing = createSandboxedEvaluator({ size: 1 });
    expect(await closing.evaluate('1', {})).toBe(1);
    await closing.close();
    await expect(closing.evaluate('1', {})).rejects.toMatchObject({ code: 'SANDBOX_CLOSED', kind: 'operational' });
  });

  it('warms a thread before it takes tasks: a hostile first task meets the time budget, never the hard kill', async () => {
    const sandbox = createSandboxedEvaluator({ size: 1, heapMb: 64, inline: false, hardTimeoutMs: 1_000, budgets: { timeLimitMs: 100 } });
    try {
      // The first task this thread ever runs: endless recursion. Warm, it ends on the 100 ms budget (a user error,
      // not retried) long before the 1 s hard kill, which would replace the worker and make the run retry.
      const failure = await failureOf(sandbox.evaluate('($f := function($x){ $f($x+1) }; $f(0))', {}));
      expect(failure.code).toMatch(/^EXPRESSION_(TIMEOUT|TOO_DEEP)$/);
      expect(sandbox.stats()).toMatchObject({ started: 1, lost: 0 });
      // The same worker goes on with the next task.
      expect(await sandbox.evaluate('1 + 1', {})).toBe(2);
      expect(sandbox.stats()).toMatchObject({ started: 1, lost: 0 });
    } finally {
      await sandbox.close();
    }
  });
});
