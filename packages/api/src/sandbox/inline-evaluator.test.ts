import { afterAll, describe, expect, it } from 'vitest';

import { isBoundedExpression } from './bounded-expression';
import { createInlineEvaluator } from './inline-evaluator';
import { createSandboxedEvaluator, type TSandboxedEvaluator } from './sandboxed-evaluator';

const context = {
  event: 'NEW_TIME_ENTRY',
  payload: {
    id: 'te-1',
    billable: true,
    amount: '12',
    hours: 3,
    name: '  Ada  Lovelace ',
    tags: ['a', 'b'],
    items: [
      { name: 'x', price: 9 },
      { name: 'y', price: 1 },
    ],
    nested: { deeper: { value: null } },
  },
  headers: { 'content-type': 'application/json' },
  workspace: { id: 'ws-1' },
  steps: { fetch: { body: { ok: true, list: [1, 2, 3] } } },
  loop: { item: { name: 'looped' }, index: 2 },
};

/** Bounded expressions with values and with every kind of expression error the inline path answers itself. */
const CASES = [
  'payload.billable = true and $length(payload.id) > 0',
  '{ "name": "e2e " & payload.id }',
  'payload.billable = false and $length(payload.id) > 0',
  '$length(payload.missing) > 0',
  'payload.missing.deeper',
  'payload.nested.deeper.value = null',
  'payload.items[1].name & "/" & payload.items.name[0]',
  '$sum(payload.items.price) + $max(payload.items.price) - $min(payload.items.price) + $count(payload.tags)',
  '{ "a": payload.items, "b": [payload.tags, steps.fetch.body.list], "c": payload.nested }',
  'payload.id in ["te-1", "te-2"] ? { "yes": $$.workspace } : "no"',
  '$uppercase($trim(payload.name)) & $substring(payload.id, 1, 2) & $string(payload.tags)',
  '$keys(payload.nested) & $lookup(payload.items, "name")',
  '$number(payload.amount) * 2 + $round(2.345, 2)',
  '1 / 0',
  '($item := loop.item; $index := loop.index; (\n$item.name & $string($index)\n))',
  // Expression errors: the same code, message, position and JSONata code as the workers give.
  'payload.amount + 1',
  'payload.hours < payload.id',
  '$length(payload.hours)',
  '{ payload.hours: 1 }',
  '-payload.id',
  '$power(10, 400)',
  '$sum(payload.tags)',
  '{ "a": 1, "a": 2 }',
];

type TSettled = { value: unknown } | { error: Record<string, unknown> };

async function settle(evaluator: TSandboxedEvaluator, expression: string, input: unknown): Promise<TSettled> {
  try {
    return { value: await evaluator.evaluate(expression, input) };
  } catch (thrown) {
    const { name, code, message, position, jsonataCode, kind } = thrown as Record<string, unknown>;

    return { error: { name, code, message, position, jsonataCode, kind } };
  }
}

describe('bounded expressions on the main thread', () => {
  const inline = createSandboxedEvaluator({ size: 1 });
  const workers = createSandboxedEvaluator({ size: 1, inline: false });
  afterAll(async () => {
    await inline.close();
    await workers.close();
  });

  it('answer exactly as the workers do, values and errors, without starting a worker or touching the context', async () => {
    const before = structuredClone(context);
    const failures: string[] = [];
    for (const expression of CASES) {
      expect(isBoundedExpression(expression), expression).toBe(true);
      const here = await settle(inline, expression, context);
      const there = await settle(workers, expression, context);
      expect(here, expression).toEqual(there);
      if ('error' in here) failures.push(String(here.error.code));
    }
    // The eight error cases failed, each with an expression error (not a resource code).
    expect(failures).toEqual(Array.from({ length: 8 }, () => 'EXPRESSION_ERROR'));
    expect(inline.stats().started).toBe(0);
    expect(workers.stats().started).toBe(1);
    expect(context).toEqual(before);
  });
});

describe('createInlineEvaluator', () => {
  it("runs evaluations started together one after the other, so none is charged for the others' time", async () => {
    const inline = createInlineEvaluator();
    const runs = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        inline.evaluate('payload.billable = true and $length(payload.id) > 0', { payload: { id: `te-${i}`, billable: true } }),
      ),
    );
    // Interleaved, all 500 would pass the 20 ms clock together and go to the workers; one by one, almost
    // none does (a garbage collection on a busy machine may still send a few).
    expect(runs.filter((run) => run === undefined).length).toBeLessThan(25);
    expect(runs.filter((run) => run?.value === true).length).toBeGreaterThan(475);
  });
});

describe('outcomes that depend on resources come from the workers', () => {
  it('a string past the size limit, or a result past it, fails as in the workers (who give the answer), promptly', async () => {
    const sandbox = createSandboxedEvaluator({ size: 1 });
    try {
      const doubling = '($a := payload.s; $b := $a & $a; $c := $b & $b; $d := $c & $c)';
      expect(isBoundedExpression(doubling)).toBe(true);
      await expect(sandbox.evaluate(doubling, { payload: { s: 'x'.repeat(300_000) } })).rejects.toMatchObject({ code: 'EXPRESSION_LIMIT' });
      expect(sandbox.stats().started).toBe(1);
      // 16 references to a 1 MB input (as many as a bounded expression may hold): 16 MB of JSON if printed;
      // refused by a walk that stops at the limit.
      const repeated = `[${Array.from({ length: 16 }, () => '$$').join(',')}]`;
      expect(isBoundedExpression(repeated)).toBe(true);
      const startedAt = performance.now();
      await expect(sandbox.evaluate(repeated, { text: 'y'.repeat(1_000_000) })).rejects.toMatchObject({ code: 'EXPRESSION_LIMIT' });
      expect(performance.now() - startedAt).toBeLessThan(1_000);
    } finally {
      await sandbox.close();
    }
  });

  it('a bounded expression slower than the inline clock is evaluated again by a worker, under the full budget', async () => {
    const sandbox = createSandboxedEvaluator({ size: 1, budgets: { timeLimitMs: 30_000 }, hardTimeoutMs: 30_000 });
    try {
      const items = Array.from({ length: 50_000 }, (_, i) => ({ price: i % 10 }));
      expect(await sandbox.evaluate('$sum(payload.items.price)', { payload: { items } })).toBe(225_000);
      expect(sandbox.stats().started).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('expressions that are not bounded, and array inputs, still go to the workers', async () => {
    const sandbox = createSandboxedEvaluator({ size: 1 });
    try {
      expect(await sandbox.evaluate('$sum($) * 10', [1, 2])).toBe(30);
      expect(sandbox.stats()).toEqual({ started: 1, lost: 0 });
      const heap = '$map([1..2000], function($i){ $uppercase($pad("", 999000, "x")) })';
      await expect(sandbox.evaluate(heap, {})).rejects.toMatchObject({
        code: expect.stringMatching(/^EXPRESSION_(TIMEOUT|CRASHED|LIMIT)$/),
      });
      await expect(sandbox.evaluate('$pad("a", 1000000, "0123456789abcdef0123456789abcdef")', {})).rejects.toMatchObject({
        code: 'EXPRESSION_LIMIT',
      });
    } finally {
      await sandbox.close();
    }
  });
});
