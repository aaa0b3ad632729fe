import { describe, expect, it } from 'vitest';

import { ExpressionError } from '../errors';
import { ALLOWED_FUNCTIONS } from './allowed-functions';
import { createEvaluator } from './create-evaluator';

/** Generous slack over the 100 ms budget: a shared 2-core CI box, never an unbounded run. */
const BUDGET_MS = 100;
const SLACK_MS = 150;

async function failure(run: Promise<unknown>): Promise<{ error: ExpressionError; elapsedMs: number }> {
  const startedAt = performance.now();
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);

    return { error: error as ExpressionError, elapsedMs: performance.now() - startedAt };
  }
  throw new Error('expected the evaluation to fail');
}

describe('createEvaluator: ordinary evaluation', () => {
  const evaluator = createEvaluator();

  it('reads the context and returns plain JSON (no null prototypes, no sequence flag)', async () => {
    const result = await evaluator.evaluate('payload.items[price > 5].{ "name": name }', {
      payload: {
        items: [
          { name: 'a', price: 10 },
          { name: 'b', price: 1 },
          { name: 'c', price: 7 },
        ],
      },
    });
    expect(result).toEqual([{ name: 'a' }, { name: 'c' }]);
    expect(Object.keys(result as object)).toEqual(['0', '1']);
    expect(Object.getPrototypeOf((result as object[])[0])).toBe(Object.prototype);
  });

  it('returns undefined for nothing and drops functions from results', async () => {
    expect(await evaluator.evaluate('payload.missing', { payload: {} })).toBeUndefined();
    expect(await evaluator.evaluate('{ "f": function($x){ $x }, "n": 1 }', {})).toEqual({ n: 1 });
    expect(await evaluator.evaluate('$string', {})).toBeUndefined();
  });

  it('keeps $pad working below the cap, with JSONata semantics', async () => {
    expect(await evaluator.evaluate('$pad("ab", 5, "-")', {})).toBe('ab---');
    expect(await evaluator.evaluate('$pad("ab", -5, "xy")', {})).toBe('xyxab');
    expect(await evaluator.evaluate('$pad("abcdef", 3)', {})).toBe('abcdef');
  });

  it('maps runtime failures to EXPRESSION_ERROR with JSONata’s code', async () => {
    const { error } = await failure(evaluator.evaluate('1 + "a"', {}));
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.jsonataCode).toBe('T2002');
  });
});

describe('E1: runaway recursion ends within the budget', () => {
  const evaluator = createEvaluator({ timeLimitMs: BUDGET_MS });

  it.each([
    ['tail recursion', '($f := function($x){ $f($x + 1) }; $f(0))'],
    ['mutual recursion', '($a := function($x){ $b($x + 1) }; $b := function($x){ $a($x + 1) }; $a(0))'],
  ])('%s → EXPRESSION_TIMEOUT', async (_name, expression) => {
    const { error, elapsedMs } = await failure(evaluator.evaluate(expression, {}));
    expect(error.code).toBe('EXPRESSION_TIMEOUT');
    expect(elapsedMs).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    expect(elapsedMs).toBeLessThan(BUDGET_MS + SLACK_MS);
  });

  it('non-tail recursion → EXPRESSION_TOO_DEEP, long before the time budget', async () => {
    const { error, elapsedMs } = await failure(evaluator.evaluate('($f := function($x){ 1 + $f($x + 1) }; $f(0))', {}));
    expect(error.code).toBe('EXPRESSION_TOO_DEEP');
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  });

  it('$eval recursion cannot start: $eval is switched off', async () => {
    const expression = '$eval("($f := function($x){ $f($x + 1) }; $f(0))")';
    const { error, elapsedMs } = await failure(evaluator.evaluate(expression, {}));
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toMatch(/\$eval is not available/);
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
    expect(evaluator.check(expression)).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION' });
  });
});

describe('E2: CPU and memory bombs are bounded', () => {
  const evaluator = createEvaluator({ timeLimitMs: BUDGET_MS });

  it('a 10-million range → EXPRESSION_LIMIT at once (sequence cap)', async () => {
    const { error, elapsedMs } = await failure(evaluator.evaluate('$count([1..9999999])', {}));
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['sort with a comparator', '$sort([1..90000], function($l, $r){ $l < $r })'],
    ['nested mapping', '$count([1..300].([1..300].($ * 2)))'],
    ['reduce over a big range', '$reduce([1..99999], function($a, $i){ $a + $i }, 0)'],
  ])('%s → EXPRESSION_TIMEOUT within budget + slack, bounded memory', async (_name, expression) => {
    const rssBefore = process.memoryUsage().rss;
    const { error, elapsedMs } = await failure(evaluator.evaluate(expression, {}));
    expect(error.code).toBe('EXPRESSION_TIMEOUT');
    expect(elapsedMs).toBeLessThan(BUDGET_MS + SLACK_MS);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('a step budget stops work deterministically', async () => {
    const stepped = createEvaluator({ maxSteps: 1_000 });
    const { error } = await failure(stepped.evaluate('$sum([1..5000].($ * 2))', {}));
    expect(error.code).toBe('EXPRESSION_TIMEOUT');
    expect(error.message).toMatch(/1000 evaluation steps/);
  });
});

describe('E3: ReDoS with RE2 (re2js) as the default regex engine', () => {
  const evaluator = createEvaluator({ timeLimitMs: BUDGET_MS });
  const context = { payload: { s: `${'a'.repeat(40)}!` } };

  it.each([
    ['$match', '$match(payload.s, /(a+)+$/)'],
    ['$replace', '$replace(payload.s, /(a+)+$/, "x")'],
    ['$split', '$split(payload.s, /(a+)+$/)'],
    ['$contains', '$contains(payload.s, /(a+)+$/)'],
  ])('%s finishes in linear time', async (_name, expression) => {
    const startedAt = performance.now();
    await evaluator.evaluate(expression, context);
    expect(performance.now() - startedAt).toBeLessThan(BUDGET_MS);
  });

  it('rejects back-references at save time (RegExp, a backtracking engine, would accept them)', () => {
    expect(evaluator.check('$match(payload.s, /(a)\\1/)')).toMatchObject({ ok: false, code: 'UNSUPPORTED_REGEX' });
    expect(createEvaluator({ regexEngine: RegExp }).check('$match(payload.s, /(a)\\1/)')).toEqual({ ok: true });
  });
});

describe('E4: single-call allocations', () => {
  // A generous time budget, so the code shows the size check stopped the call (not the clock), even on a busy machine.
  const ALLOCATION_BUDGET_MS = 5_000;
  const evaluator = createEvaluator({ timeLimitMs: ALLOCATION_BUDGET_MS });

  it.each([
    ['$pad to 2e8', '$pad("x", 200000000)'],
    ['a huge $join', '$join([1..20].$pad("", 100000, "x"))'],
    ['string doubling', '$reduce([1..40], function($a, $i){ $a & $a }, "x")'],
    ['$pad with a 64-character filler', `$pad("a", 2000000, "${'0123456789abcdef'.repeat(4)}")`],
    ['$join of 5,000 references to one long string', '($s := $pad("", 900000, "x"); $join([1..5000].$s))'],
    ['$string of 5,000 references to one long string', '($s := $pad("", 900000, "x"); $string([1..5000].{"v": $s}))'],
    ['$replace whose output explodes', '$replace($pad("", 90000, "a"), /a/, $pad("", 1000, "b"))'],
    ['$replace of a string pattern whose output explodes', '$replace($pad("", 90000, "a"), "a", $pad("", 1000, "b"))'],
  ])('%s → EXPRESSION_LIMIT before anything is built', async (_name, expression) => {
    const { error, elapsedMs } = await failure(evaluator.evaluate(expression, {}));
    expect(error.code).toBe('EXPRESSION_LIMIT');
    expect(elapsedMs).toBeLessThan(ALLOCATION_BUDGET_MS);
  });

  it('the guarded builtins keep JSONata’s results below the limits', async () => {
    expect(await evaluator.evaluate('$pad("ab", 7, "xyz")', {})).toBe('abxyzxy');
    expect(await evaluator.evaluate('$pad("ab", -5, "😀")', {})).toBe('😀😀😀ab');
    expect(await evaluator.evaluate('$join(["a", "b", "c"], "-")', {})).toBe('a-b-c');
    expect(await evaluator.evaluate('$string({"a": [1, "x"]})', {})).toBe('{"a":[1,"x"]}');
    expect(await evaluator.evaluate('$string({"a": 1}, true)', {})).toBe('{\n  "a": 1\n}');
    expect(await evaluator.evaluate('$replace("2026-11-29", /(\\d+)-(\\d+)/, "$2/$1", 1)', {})).toBe('11/2026-29');
    expect(await evaluator.evaluate('$replace("a.b.c", ".", "::")', {})).toBe('a::b::c');
    expect(await evaluator.evaluate('$replace("abc", /b/, function($m){ $uppercase($m.match) })', {})).toBe('aBc');
  });

  it('a result above maxResultBytes → EXPRESSION_LIMIT', async () => {
    const small = createEvaluator({ maxResultBytes: 10_000 });
    expect(await small.evaluate('[1..100].{ "k": "0123456789" }', {})).toHaveLength(100);
    const { error } = await failure(small.evaluate('[1..1000].{ "k": "0123456789" }', {}));
    expect(error.code).toBe('EXPRESSION_LIMIT');
  });
});

describe('E5: prototype access and pollution', () => {
  const evaluator = createEvaluator();

  it.each(['$.constructor', '$.__proto__', 'payload.__proto__', '$lookup($, "constructor")', '$string.constructor'])(
    '%s is undefined',
    async (expression) => {
      expect(await evaluator.evaluate(expression, { payload: { a: 1 } })).toBeUndefined();
    },
  );

  it('a transform cannot pollute Object.prototype or the context', async () => {
    const context = { payload: { a: 1 } };
    await evaluator.evaluate('$ ~> | $ | {"__proto__": {"polluted": true}} |', context);
    await evaluator.evaluate('payload ~> | $ | {"constructor": {"prototype": {"polluted": true}}} |', context);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(context).toEqual({ payload: { a: 1 } });
  });
});

describe('E6: host bindings are absent (explicit allow-list)', () => {
  const evaluator = createEvaluator();

  it.each(['process', 'require', 'globalThis', 'global', 'fetch', 'console', 'Function', 'module', 'Buffer'])(
    '$%s is undefined',
    async (name) => {
      expect(await evaluator.evaluate(`$${name}`, {})).toBeUndefined();
    },
  );

  it('calling a host name is a clear error at run time and at save time', async () => {
    const { error } = await failure(evaluator.evaluate('$require("fs")', {}));
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(evaluator.check('$require("fs")')).toEqual({
      ok: false,
      code: 'UNKNOWN_FUNCTION',
      message: '$require is not an available function',
      position: 9,
    });
  });

  it('every allowed name is a real function and the list is the reviewed one', async () => {
    for (const name of ALLOWED_FUNCTIONS) {
      expect(await evaluator.evaluate(`$type($${name})`, {}), name).toBe('function');
    }
    // JSONata 2.2.2: 63 static built-ins + $now + $millis, minus $eval. A new JSONata version must be reviewed.
    expect(ALLOWED_FUNCTIONS).toHaveLength(64);
    expect(ALLOWED_FUNCTIONS).not.toContain('eval');
  });

  it('functions the expression defines itself are not unknown', () => {
    expect(evaluator.check('($twice := function($f, $x){ $f($f($x)) }; $twice(function($v){ $v + 1 }, 1))')).toEqual({ ok: true });
  });
});

describe('E7: every evaluation gets a fresh budget', () => {
  it('1,000 runs of one cached expression, each close to the step budget, all succeed', async () => {
    const evaluator = createEvaluator({ maxSteps: 200 });
    const probe = createEvaluator({ maxSteps: 100 });
    await expect(probe.evaluate('$sum([1..30].($ * 2))', {})).rejects.toMatchObject({ code: 'EXPRESSION_TIMEOUT' });
    for (let i = 0; i < 1_000; i++) {
      expect(await evaluator.evaluate('$sum([1..30].($ * 2))', {})).toBe(930);
    }
  });

  it('the clock restarts per evaluation', async () => {
    let tick = 0;
    const evaluator = createEvaluator({ timeLimitMs: 150, now: () => tick++ });
    await expect(evaluator.evaluate('$sum([1..100].($ * 2))', {})).rejects.toMatchObject({ code: 'EXPRESSION_TIMEOUT' });
    for (let i = 0; i < 50; i++) {
      expect(await evaluator.evaluate('$sum([1..30].($ * 2))', {})).toBe(930);
    }
    expect(tick).toBeGreaterThan(50 * 90);
  });

  it('concurrent evaluations of one cached expression keep separate step counts', async () => {
    const evaluator = createEvaluator({ maxSteps: 200 });
    const results = await Promise.all(Array.from({ length: 20 }, () => evaluator.evaluate('$sum([1..30].($ * 2))', {})));
    expect(results).toEqual(Array.from({ length: 20 }, () => 930));
  });
});

describe('E8: save-time checks', () => {
  const evaluator = createEvaluator();

  it('refuses a 10k-character expression with a clear code', async () => {
    const long = `"${'x'.repeat(10_000)}"`;
    expect(evaluator.check(long)).toMatchObject({ ok: false, code: 'EXPRESSION_TOO_LONG', position: 0 });
    await expect(evaluator.evaluate(long, {})).rejects.toMatchObject({ code: 'EXPRESSION_LIMIT' });
  });

  it('reports a syntax error with JSONata’s position', async () => {
    expect(evaluator.check('payload.a +')).toEqual({
      ok: false,
      code: 'EXPRESSION_SYNTAX',
      message: 'Unexpected end of expression',
      position: 11,
    });
    expect(evaluator.check('  ')).toMatchObject({ ok: false, code: 'EXPRESSION_SYNTAX' });
    await expect(evaluator.evaluate('payload.a +', {})).rejects.toMatchObject({ code: 'EXPRESSION_SYNTAX', position: 11 });
  });

  it('accepts a valid expression', () => {
    expect(evaluator.check('$uppercase(payload.name) & "!"')).toEqual({ ok: true });
  });
});
