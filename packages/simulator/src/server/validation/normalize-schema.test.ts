import { describe, expect, it } from 'vitest';

import { normalizeSchema } from './normalize-schema';

describe('normalizeSchema', () => {
  it('turns object-typed enums into string enums', () => {
    const status = { type: 'object', oneOf: [{ type: 'string', enum: ['ACTIVE', 'DONE'] }], properties: { ACTIVE: { type: 'string' } } };
    expect(normalizeSchema({ type: 'object', properties: { status } })).toEqual({
      type: 'object',
      properties: { status: { type: 'string', enum: ['ACTIVE', 'DONE'] } },
    });
  });

  it('accepts anything for Java Object, cycles and unresolved refs', () => {
    const plan: Record<string, unknown> = { type: 'object', properties: { a: { type: 'string' } } };
    plan.oneOf = [plan];
    expect(
      normalizeSchema({
        type: 'object',
        properties: { plan, value: { type: 'object' }, x: { $ref: '#/nowhere' }, y: { 'x-circular-ref': '#/a' } },
      }),
    ).toEqual({
      type: 'object',
      properties: { plan: {}, value: {}, x: {}, y: {} },
    });
  });
});
