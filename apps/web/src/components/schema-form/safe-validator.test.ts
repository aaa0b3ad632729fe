import { describe, expect, it } from 'vitest';

import { checkValue, safeValidator } from './safe-validator';

const schema = {
  type: 'object' as const,
  required: ['name'],
  properties: {
    name: { type: 'string' as const, minLength: 2 },
    count: { type: 'integer' as const, minimum: 0 },
    kind: { enum: ['a', 'b'] },
    tags: { type: 'array' as const, items: { $ref: '#/definitions/tag' } },
  },
  definitions: { tag: { type: 'string' as const } },
};

describe('safeValidator', () => {
  it('accepts valid data', () => {
    expect(checkValue(schema, { name: 'ab', count: 3, kind: 'a', tags: ['x'] })).toEqual([]);
  });

  it('reports required, type, bounds, enum and $ref item errors with RJSF property paths', () => {
    const errors = checkValue(schema, { count: -1.5, kind: 'z', tags: [1] }).map((e) => `${e.property} ${e.message}`);

    expect(errors).toEqual([
      '.name is a required property',
      '.count must be integer',
      '.kind must be one of the allowed values',
      '.tags.0 must be string',
    ]);
  });

  it('decides anyOf/oneOf matches (used by RJSF to pick the shown option)', () => {
    const oneOf = { oneOf: [{ type: 'string' as const }, { type: 'number' as const }] };

    expect(safeValidator.isValid(oneOf, 'x', oneOf)).toBe(true);
    expect(safeValidator.isValid(oneOf, true, oneOf)).toBe(false);
    expect(safeValidator.isValid({ type: 'number' }, 3, {})).toBe(true);
  });

  it('returns an error schema for the form', () => {
    const { errors, errorSchema } = safeValidator.validateFormData({ name: 'x' }, schema);

    expect(errors).toHaveLength(1);
    expect(errorSchema).toMatchObject({ name: { __errors: ['must have at least 2 characters'] } });
  });
});
