import { describe, expect, it } from 'vitest';

import { readMiniOpenApi } from '../test/support/fixtures';
import { catalogueFromDocument } from './catalogue';
import { exampleFromSchema } from './example-from-schema';
import { validateRequest } from './validate';

describe('exampleFromSchema', () => {
  it('prefers a fitting example, then default, then the first enum value', () => {
    expect(exampleFromSchema({ type: 'string', example: 'stripe' })).toBe('stripe');
    expect(exampleFromSchema({ type: 'integer', default: 50 })).toBe(50);
    expect(exampleFromSchema({ type: 'string', enum: ['A', 'B'] })).toBe('A');
  });

  it('ignores examples that do not fit the type (Clockify publishes some)', () => {
    expect(exampleFromSchema({ type: 'array', items: { type: 'string' }, example: '["a","b"]' })).toEqual(['string']);
    expect(exampleFromSchema({ type: 'string', enum: ['A', 'B'], example: 'C' })).toBe('A');
    expect(exampleFromSchema({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } }, example: ['x'] })).toEqual(
      [{ id: 'string' }],
    );
  });

  it('builds values from type, format and bounds', () => {
    expect(exampleFromSchema({ type: 'string', format: 'date-time' })).toBe('2024-01-15T09:00:00Z');
    expect(exampleFromSchema({ type: 'string', minLength: 10 })).toHaveLength(10);
    expect(exampleFromSchema({ type: 'string', maxLength: 3 })).toHaveLength(3);
    expect(exampleFromSchema({ type: 'integer', minimum: 5 })).toBe(5);
    expect(exampleFromSchema({ type: 'number', maximum: 0 })).toBe(0);
    expect(exampleFromSchema({ type: 'array', minItems: 2, items: { type: 'boolean' } })).toEqual([true, true]);
  });

  it('fills objects but leaves out read-only properties, and stops at recursion', () => {
    expect(exampleFromSchema({ type: 'object', properties: { id: { type: 'string', readOnly: true }, n: { type: 'integer' } } })).toEqual({
      n: 1,
    });
    const cat = catalogueFromDocument(readMiniOpenApi());
    const group = cat.get('detailedReport')!.responses['200']!.schema!;
    expect(exampleFromSchema(group)).toEqual({ name: 'string', children: [{}] });
  });

  it('produces a body that its own operation accepts', () => {
    const cat = catalogueFromDocument(readMiniOpenApi());
    for (const id of ['createProject', 'detailedReport']) {
      const op = cat.get(id)!;
      expect(validateRequest(op, { path: { workspaceId: 'w' }, body: exampleFromSchema(op.requestBody!.schema) }), id).toEqual([]);
    }
  });
});
