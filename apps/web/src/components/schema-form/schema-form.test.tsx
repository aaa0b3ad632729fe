import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { SchemaForm } from './schema-form';
import type { TJsonSchema, TLeafField } from './types';

const schema: TJsonSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', example: 'Software Development' },
    billable: { type: 'boolean', default: false },
    type: { type: 'string', enum: ['REGULAR', 'BREAK'] },
    tagIds: { type: 'array', items: { type: 'string' } },
  },
};

const render = (props: Partial<Parameters<typeof SchemaForm>[0]> = {}) =>
  renderToStaticMarkup(
    <SchemaForm schema={schema} value={{}} onChange={() => undefined} idPrefix="t" pickerFor={null} collapseOptional={false} {...props} />,
  );

describe('schema form rendering', () => {
  it('starts empty: examples are placeholders, booleans and enums start "Not set"', () => {
    const html = render();

    expect(html).toContain('placeholder="Software Development"');
    expect(html).not.toContain('value="Software Development"');
    expect(html).toMatch(/<select id="t-billable"[^>]*><option value="" selected="">Not set \(Clockify&#x27;s default: false\)<\/option>/);
    expect(html).toMatch(/<select id="t-type"[^>]*><option value="" selected="">Not set<\/option><option value="0">REGULAR/);
  });

  it('labels array controls with the field name and item number', () => {
    const html = render({ value: { tagIds: ['a', 'b'] } });

    expect(html).toContain('>Add tagIds item</button>');
    expect(html).toContain('aria-label="Remove tagIds item 1"');
    expect(html).toContain('aria-label="Remove tagIds item 2"');
  });

  it('marks required fields, and flags the missing ones only when asked', () => {
    expect(render()).toContain('aria-required="true"');
    expect(render()).not.toContain('aria-invalid');
    expect(render({ showMissing: true })).toMatch(/id="t-name"[^>]*aria-invalid="true"/);
  });

  it("hands every leaf to renderLeaf with its path, schema and the form's control", () => {
    const seen: TLeafField[] = [];
    const html = render({
      value: { tagIds: ['x'] },
      renderLeaf: (field, control) => {
        seen.push(field);

        return field.pathText === 'name' ? <span className="mapped">mapped {field.pathText}</span> : control;
      },
    });

    expect(seen.map((f) => [f.pathText, f.kind, f.required])).toEqual([
      ['name', 'string', true],
      ['billable', 'boolean', false],
      ['type', 'enum', false],
      ['tagIds[0]', 'string', false],
    ]);
    expect(html).toContain('<span class="mapped">mapped name</span>');
    expect(html).not.toContain('id="t-name"');
  });
});
