import { describe, expect, it } from 'vitest';

import { ExpressionError } from '../errors';
import { createEvaluator } from './create-evaluator';
import { createRe2Engine } from './re2-engine';

const Re2 = createRe2Engine();

function timeOf(run: () => unknown): number {
  const startedAt = performance.now();
  run();

  return performance.now() - startedAt;
}

describe('createRe2Engine: RegExp-compatible results', () => {
  it('returns index, groups and advances lastIndex like a global RegExp', () => {
    const re = new Re2(/(a)(b)?/g);
    const first = re.exec('xxab a')!;
    expect([...first]).toEqual(['ab', 'a', 'b']);
    expect(first.index).toBe(2);
    expect(re.lastIndex).toBe(4);
    const second = re.exec('xxab a')!;
    expect([...second]).toEqual(['a', 'a', undefined]);
    expect(second.index).toBe(5);
    expect(re.exec('xxab a')).toBeNull();
    expect(re.lastIndex).toBe(0);
  });

  it('honours the i and m flags, JavaScript syntax (named groups) and UTF-16 indexes', () => {
    expect(new Re2(/abc/gi).exec('xABC')?.index).toBe(1);
    expect(new Re2(/^b$/gm).exec('a\nb')?.index).toBe(2);
    expect([...new Re2(/(?<year>\d{4})-\d{2}/g).exec('on 2026-11!')!]).toEqual(['2026-11', '2026']);
    expect(new Re2(/b/g).exec('😀b')?.index).toBe(2);
  });

  it('refuses back-references and look-arounds when compiled', () => {
    expect(() => new Re2(/(a)\1/g)).toThrow();
    expect(() => new Re2(/a(?=b)/g)).toThrow();
  });
});

describe('createRe2Engine: the ReDoS guarantee', () => {
  it.each([
    ['(a+)+$', 'a', '!'],
    ['(a|aa)*c', 'a', ''],
    ['(\\w+\\s?)+$', 'ab ', '!'],
    ['(x+x+)+y', 'x', ''],
  ])('/%s/ grows linearly with the input (RegExp would backtrack exponentially)', (source, unit, tail) => {
    const run = (n: number) =>
      timeOf(() => new Re2(new RegExp(source, 'g')).exec(unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail));
    run(2_000);
    const small = Math.max(run(10_000), 1);
    const large = run(80_000);
    // 8× the input: linear is ~8×; allow noise of a shared machine, far below the 64× of quadratic.
    expect(large / small).toBeLessThan(30);
    expect(large).toBeLessThan(1_000);
  });

  it('refuses input above the length cap with EXPRESSION_LIMIT, before searching', () => {
    const re = new Re2(/a/g);
    expect(() => re.exec('b'.repeat(100_001))).toThrow(ExpressionError);
    expect(() => re.exec('b'.repeat(100_001))).toThrow(/above the limit of 100000/);
    expect(re.exec(`${'b'.repeat(99_999)}a`)?.index).toBe(99_999);
  });

  it('refuses a costly program on long input (program size × length) instead of blocking', () => {
    const re = new Re2(/(.*a){20}/g);
    const elapsed = timeOf(() => expect(() => re.exec('a'.repeat(99_500))).toThrow(/too costly/));
    expect(elapsed).toBeLessThan(50);
    expect(new Re2(/(.*a){20}/g).exec('a'.repeat(1_000))?.index).toBe(0);
  });

  it('refuses counted repetitions above 1,000 in total before compiling them', () => {
    const elapsed = timeOf(() => expect(() => new Re2(/a{1,1000}a{1,1000}b/g)).toThrow(/repeats more than 1000 times/));
    expect(elapsed).toBeLessThan(20);
    expect(() => new Re2(/[{1,5000}]x\{1,5000}/g)).not.toThrow();
    expect(new Re2(/a{1,600}b{2,400}/g).exec('aab')).toBeNull();
  });

  it("the issue's expression fails fast with EXPRESSION_LIMIT through the evaluator", async () => {
    const evaluator = createEvaluator();
    const startedAt = performance.now();
    await expect(evaluator.evaluate('$contains($pad("",1000000,"a"), /a{1,1000}a{1,1000}b/)', {})).rejects.toMatchObject({
      code: 'EXPRESSION_LIMIT',
    });
    expect(performance.now() - startedAt).toBeLessThan(100);
    expect(evaluator.check('$contains(payload, /a{1,1000}a{1,1000}b/)')).toMatchObject({ ok: false, code: 'UNSUPPORTED_REGEX' });
    await expect(evaluator.evaluate('$contains("xaab", /a{1,500}a{1,500}b/)', {})).resolves.toBe(true);
  });
});
