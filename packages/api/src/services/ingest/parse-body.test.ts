import { describe, expect, it } from 'vitest';

import { MAX_DEPTH, parseJsonBody, parseJsonText } from './parse-body';

const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text));

describe('parseJsonBody', () => {
  it('parses plain JSON as is', () => {
    expect(parse('{"id":"a","n":[1,{"b":null}]}')).toEqual({ id: 'a', n: [1, { b: null }] });
  });

  it.each([
    ['a plain __proto__ key', '{"a":1,"__proto__":{"polluted":true}}'],
    ['a constructor key', '{"a":1,"constructor":{"prototype":{"polluted":true}}}'],
    ['an escaped __proto__ key', '{"a":1,"__proto\\u005f_":{"polluted":true}}'],
  ])('drops prototype keys: %s', (_label, text) => {
    const value = parse(text) as Record<string, unknown>;
    expect(value).toEqual({ a: 1 });
    expect(Object.keys(value)).toEqual(['a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps other escapes intact', () => {
    expect(parse('{"name":"caf\\u00e9"}')).toEqual({ name: 'café' });
  });

  it.each([
    ['empty', Buffer.alloc(0), /empty/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), /UTF-8/],
    ['truncated', '{"id":', /not valid JSON/],
    ['too deep', `${'['.repeat(70)}${']'.repeat(70)}`, /deeper than 64/],
  ])('refuses %s with INVALID_JSON', (_label, body, message) => {
    expect(() => parse(body)).toThrow(message);
    try {
      parse(body);
    } catch (err) {
      expect((err as { code?: string }).code).toBe('INVALID_JSON');
    }
  });

  it.each([
    ['NUL in a value', '{"note":"a\\u0000b"}', /NUL/],
    ['NUL in a key', '{"a\\u0000":1}', /NUL/],
    ['NUL deep in an array', '{"a":[1,{"b":["\\u0000"]}]}', /NUL/],
    ['a lone high surrogate', '{"note":"x\\ud800y"}', /unpaired UTF-16 surrogate/],
    ['a lone low surrogate', '{"note":"\\udc00"}', /unpaired UTF-16 surrogate/],
    ['a reversed pair', '{"note":"\\udc00\\ud800"}', /unpaired UTF-16 surrogate/],
  ])('refuses text no database stores: %s', (_label, text, message) => {
    expect(() => parse(text)).toThrow(message);
    expect(() => parse(text)).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
  });

  it('keeps escaped surrogate pairs and other control escapes', () => {
    expect(parse('{"emoji":"\\ud83d\\ude00","tab":"\\u0009","one":"\\u0001"}')).toEqual({ emoji: '😀', tab: '\t', one: '\u0001' });
  });
});

describe('parseJsonText', () => {
  it('hands back the text as the payload JSON when nothing was dropped', () => {
    const text = '{ "id": "a",\n  "n": [1, {"b": null}] }';
    const out = parseJsonText(Buffer.from(text));
    expect(out).toEqual({ value: { id: 'a', n: [1, { b: null }] }, text, exact: true });
  });

  it('is not exact when a reviver ran (a prototype key dropped, an escape checked)', () => {
    const dropped = parseJsonText(Buffer.from('{"a":1,"__proto__":{"x":1}}'));
    expect(dropped.exact).toBe(false);
    expect(JSON.stringify(dropped.value)).toBe('{"a":1}');
    expect(parseJsonText(Buffer.from('{"a":"\\u00e9"}')).exact).toBe(false);
  });

  it.each(['{"a":1e999999}', '{"a":1.5E+3}', '{"a":12345678901234567890}'])(
    'is not exact for %s, a number the parsed value does not hold as written',
    (text) => {
      const out = parseJsonText(Buffer.from(text));
      expect(out.exact).toBe(false);
      expect(JSON.stringify(out.value)).not.toBe(text);
    },
  );

  it('still refuses nesting past the limit, wide bodies with many brackets included', () => {
    const nested = (n: number) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`);
    expect(() => parseJsonText(nested(MAX_DEPTH + 2))).toThrow(/nests deeper/);
    expect(parseJsonText(nested(MAX_DEPTH + 1)).exact).toBe(true);
    const wide = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ i, a: [i] })));
    expect(parseJsonText(Buffer.from(wide)).value).toHaveLength(200);
  });
});
