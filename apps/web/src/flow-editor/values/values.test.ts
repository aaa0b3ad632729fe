import { describe, expect, it } from 'vitest';

import { createEvaluator, createRe2Engine } from '@uw/flow-engine';

import { applyCompletion, completionsAt } from './completions';
import { buildCondition, describeCondition, parseCondition, type TCondition } from './condition-rules';
import { fromExpression, hole, literalOf, toExpression } from './json-template';
import { missingPaths, referencesIn } from './paths';

const evaluator = createEvaluator({ timeLimitMs: 1000 });
/** The server's regexes (RE2): unmatched groups differ from JavaScript's. */
const re2Evaluator = createEvaluator({ timeLimitMs: 1000, regexEngine: createRe2Engine() });
const sample = {
  payload: { id: 'te1', description: 'Writing', project: { name: 'Acme' }, tagIds: ['t1'], timeInterval: { duration: 'PT9H30M' } },
  steps: { tag: { status: 200, body: { id: 'te1', tags: [{ id: 't1', name: 'overtime' }] }, headers: {} } },
  event: { type: 'TIMER_STOPPED' },
  headers: {},
  workspace: { id: 'w1' },
};

describe('literal ⇄ expression', () => {
  it('writes literals as JSONata and reads them back', () => {
    expect(toExpression('he said "hi"')).toBe('"he said \\"hi\\""');
    expect(literalOf(toExpression('he said "hi"'))).toBe('he said "hi"');
    expect(literalOf('42')).toBe(42);
    expect(literalOf('true')).toBe(true);
    expect(literalOf("'single quoted'")).toBe('single quoted');
    expect(literalOf('payload.description')).toBeUndefined();
    expect(literalOf('"a" & payload.b')).toBeUndefined();
    expect(fromExpression('')).toBeUndefined();
  });

  it('writes an object with computed parts and reads the same value back', async () => {
    const value = { start: hole('payload.timeInterval.start'), tagIds: ['t-over'], description: 'x, y', nested: { n: 1, b: false } };
    const expression = toExpression(value);
    expect(expression).toBe(
      '{"start": payload.timeInterval.start, "tagIds": ["t-over"], "description": "x, y", "nested": {"n": 1, "b": false}}',
    );
    expect(fromExpression(expression)).toEqual(value);
    expect(await evaluator.evaluate(expression, { payload: { timeInterval: { start: 'S' } } })).toEqual({
      start: 'S',
      tagIds: ['t-over'],
      description: 'x, y',
      nested: { n: 1, b: false },
    });
  });

  it('keeps hand-written parts with commas and brackets whole, and leaves unset parts out', () => {
    expect(fromExpression('{"a": $join([payload.x, "b"], ","), "c": {"d": payload.e}.d}')).toEqual({
      a: hole('$join([payload.x, "b"], ",")'),
      c: hole('{"d": payload.e}.d'),
    });
    expect(toExpression({ a: hole(''), b: undefined, c: [hole(' '), 1] })).toBe('{"c": [1]}');
    expect(fromExpression('payload.a, payload.b')).toBeUndefined();
    // Not a literal object: the whole text stays one expression (the validator names its syntax error).
    expect(fromExpression('{"a": }')).toEqual(hole('{"a": }'));
  });
});

describe('paths in expressions', () => {
  const known = new Set(['payload', 'steps', 'steps.tag']);

  it('finds references outside strings', () => {
    expect(referencesIn('payload.project.name & "payload.nope" & steps.tag.body.id & $item.x')).toEqual([
      ['payload', 'project', 'name'],
      ['steps', 'tag', 'body', 'id'],
      ['$item', 'x'],
    ]);
  });

  it('warns for a path the sample does not have, suggesting the near name', () => {
    const [warning, ...rest] = missingPaths('payload.projct.name = "Acme"', sample, known);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'payload.projct', missing: 'projct', suggestion: 'project' });
    expect(warning?.message).toContain('did you mean “project”');
  });

  it('accepts existing paths, keys of array items, and roots it knows nothing about', () => {
    expect(missingPaths('payload.project.name & steps.tag.body.tags.name & steps.later.body.x', sample, known)).toEqual([]);
    expect(missingPaths('steps.tag.body.nme', sample, known).map((w) => w.path)).toEqual(['steps.tag.body.nme']);
  });
});

describe('completion candidates', () => {
  const input = { data: sample, stepIds: ['tag', 'post'] };
  const labels = (text: string, cursor = text.length) => completionsAt(text, cursor, input)?.options.map((o) => o.label);

  it('offers keys of the sample after payload. and a step’s output after steps.<id>.', () => {
    expect(labels('payload.')).toEqual(['id', 'description', 'project', 'tagIds', 'timeInterval']);
    expect(labels('payload.pro')).toEqual(['project']);
    expect(labels('payload.project.')).toEqual(['name']);
    expect(labels('steps.')).toEqual(['tag', 'post']);
    expect(labels('steps.tag.')).toEqual(['status', 'body', 'headers']);
    expect(completionsAt('payload.project.', 16, input)?.options[0]?.detail).toBe('string');
  });

  it('offers roots, $item and JSONata functions, not inside strings', () => {
    expect(labels('pay')).toEqual(['payload']);
    expect(labels('$it')).toEqual(['$item']);
    expect(labels('$uppe')).toEqual(['$uppercase()']);
    expect(labels('"payload.')).toBeUndefined();
    expect(labels('"a" & payload.desc')).toEqual(['description']);
  });

  it('replaces the typed prefix with the chosen candidate', () => {
    const range = completionsAt('$uppercase(payload.desc) ', 23, input);
    expect(range).not.toBeNull();
    const option = range?.options[0];
    expect(option && range ? applyCompletion('$uppercase(payload.desc) ', range, option) : null).toEqual({
      text: '$uppercase(payload.description) ',
      cursor: 30,
    });
  });
});

describe('condition builder', () => {
  it('writes rules as JSONata that the engine evaluates as intended', async () => {
    const over: TCondition = { join: 'and', rules: [{ field: 'payload.timeInterval.duration', operator: 'hoursOver', value: 8 }] };
    const expression = buildCondition(over);
    for (const ev of [evaluator, re2Evaluator]) {
      const at = (duration: string | null) => ev.evaluate(expression, { payload: { timeInterval: { duration } } });
      expect(await at('PT9H')).toBe(true);
      expect(await at('PT8H30M')).toBe(true);
      expect(await at('PT2H')).toBe(false);
      expect(await at('P1DT1H')).toBe(true);
      expect(await at('PT7H59M59S')).toBe(false);
      expect(await at('PT8H0M1S')).toBe(true);
      expect(await at(null)).toBe(false);
      expect(ev.check(expression).ok).toBe(true);
    }
  });

  it('joins rules and reads back what it wrote', () => {
    const condition: TCondition = {
      join: 'or',
      rules: [
        { field: 'payload.billable', operator: 'eq', value: true },
        { field: 'payload.description', operator: 'contains', value: 'and "quotes"' },
        { field: 'payload.projectId', operator: 'notExists', value: '' },
        { field: 'payload.timeInterval.duration', operator: 'hoursUnder', value: 2.5 },
      ],
    };
    const expression = buildCondition(condition);
    expect(expression.startsWith('(payload.billable = true) or ($contains(payload.description, "and \\"quotes\\""))')).toBe(true);
    expect(parseCondition(expression)).toEqual(condition);
    expect(buildCondition({ join: 'and', rules: [] })).toBe('true');
    expect(parseCondition('payload.count >= 3')).toEqual({ join: 'and', rules: [{ field: 'payload.count', operator: 'gte', value: 3 }] });
  });

  it('says a duration rule in words for the canvas, and leaves short expressions as code', () => {
    const over = buildCondition({
      join: 'and',
      rules: [
        { field: 'payload.timeInterval.duration', operator: 'hoursOver', value: 8 },
        { field: 'payload.billable', operator: 'eq', value: true },
      ],
    });
    expect(describeCondition(over)).toBe('payload.timeInterval.duration is a duration over 8 h and payload.billable is true');
    expect(describeCondition('payload.billable = true')).toBeNull();
    expect(describeCondition('$count(payload.tagIds) > 2')).toBeNull();
  });

  it('leaves expressions it did not write to raw mode', () => {
    expect(parseCondition('$count(payload.tagIds) > 2')).toBeUndefined();
    expect(parseCondition('(payload.a = 1) and (payload.b = 2) or (payload.c = 3)')).toBeUndefined();
    expect(parseCondition('payload.a = payload.b')).toBeUndefined();
  });
});
