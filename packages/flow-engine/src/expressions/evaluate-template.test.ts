import { describe, expect, it } from 'vitest';

import { createEvaluator } from './create-evaluator';
import { evaluateTemplate, toExpressionLiteral } from './evaluate-template';

const evaluator = createEvaluator();
const context = { payload: { userId: 'u1', count: 3, ok: true, tags: ['a'] }, workspace: { id: 'w1' } };

describe('evaluateTemplate', () => {
  it('evaluates a computed URL', async () => {
    const url = '"https://example.com/w/" & workspace.id & "/users/" & $encodeUrlComponent(payload.userId)';
    expect(await evaluateTemplate(evaluator, url, context)).toBe('https://example.com/w/w1/users/u1');
  });

  it('turns numbers and booleans into text, nothing into undefined', async () => {
    expect(await evaluateTemplate(evaluator, 'payload.count', context)).toBe('3');
    expect(await evaluateTemplate(evaluator, 'payload.ok', context)).toBe('true');
    expect(await evaluateTemplate(evaluator, 'payload.missing', context)).toBeUndefined();
    expect(await evaluateTemplate(evaluator, 'null', context)).toBeUndefined();
  });

  it('refuses objects and arrays', async () => {
    await expect(evaluateTemplate(evaluator, 'payload.tags', context)).rejects.toMatchObject({ code: 'EXPRESSION_ERROR' });
    await expect(evaluateTemplate(evaluator, 'payload', context)).rejects.toMatchObject({ code: 'EXPRESSION_ERROR' });
  });

  it('a plain URL is not an expression: it must be written as a literal', async () => {
    expect(evaluator.check('https://example.com/hook')).toMatchObject({ ok: false, code: 'EXPRESSION_SYNTAX' });
    const literal = toExpressionLiteral('https://example.com/hook?q="x"&a=\\b');
    expect(await evaluateTemplate(evaluator, literal, context)).toBe('https://example.com/hook?q="x"&a=\\b');
  });
});
