import { describe, expect, it } from 'vitest';

import { type AppError } from '../../errors';
import { parseCustomBody } from './parse-custom-body';

const parse = (body: string, type?: string) => parseCustomBody(Buffer.from(body, 'utf8'), type);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return `${(err as AppError).code}: ${(err as Error).message}`;
  }

  return 'no error';
};

describe('parseCustomBody', () => {
  it('reads JSON (any +json type) as before and keeps no text copy', () => {
    expect(parse('{"a":1}', 'application/json; charset=utf-8')).toEqual({ format: 'json', payload: { a: 1 }, rawText: null });
    expect(parse('{"a":2}', 'application/vnd.api+json').payload).toEqual({ a: 2 });
  });

  it("unwraps GitHub's form-encoded `payload` field into JSON and keeps the form as received", () => {
    const form = `payload=${encodeURIComponent(JSON.stringify({ action: 'opened', issue: { number: 7 } }))}`;
    expect(parse(form, 'application/x-www-form-urlencoded')).toEqual({
      format: 'form',
      payload: { action: 'opened', issue: { number: 7 } },
      rawText: form,
    });
  });

  it('turns other forms into an object: repeated keys become arrays, prototype keys are dropped', () => {
    const { payload } = parse('From=%2B15551234&Body=hi+there&tag=a&tag=b&__proto__=x', 'application/x-www-form-urlencoded');
    expect(payload).toEqual({ From: '+15551234', Body: 'hi there', tag: ['a', 'b'] });
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
  });

  it('reads text/plain as { text } and XML as its element tree with attributes', () => {
    expect(parse('hello\nworld', 'text/plain; charset=utf-8')).toEqual({
      format: 'text',
      payload: { text: 'hello\nworld' },
      rawText: 'hello\nworld',
    });
    const xml = '<?xml version="1.0"?><event type="paid"><id>007</id><amount currency="EUR">12.50</amount><note>a &amp; b</note></event>';
    expect(parse(xml, 'application/xml').payload).toEqual({
      event: { '@type': 'paid', id: '007', amount: { '@currency': 'EUR', '#text': '12.50' }, note: 'a & b' },
    });
    expect(parse('<a><b>1</b><b>2</b></a>', 'text/xml').payload).toEqual({ a: { b: ['1', '2'] } });
  });

  it('refuses what it cannot store or should not parse, with clear errors', () => {
    expect(codeOf(() => parse('x', 'image/png'))).toMatch(
      /^UNSUPPORTED_MEDIA_TYPE: content-type image\/png is not accepted; send application\/json/,
    );
    expect(codeOf(() => parse('x'))).toMatch(/^UNSUPPORTED_MEDIA_TYPE: the request has no content-type/);
    expect(codeOf(() => parse('', 'text/plain'))).toBe('INVALID_BODY: the body is empty');
    expect(codeOf(() => parseCustomBody(Buffer.from([0xff, 0xfe]), 'text/plain'))).toBe('INVALID_BODY: the body is not valid UTF-8');
    expect(codeOf(() => parse('a\u0000b', 'text/plain'))).toMatch(/^INVALID_BODY: the body holds a NUL character/);
    expect(codeOf(() => parse('a=%00', 'application/x-www-form-urlencoded'))).toMatch(/^INVALID_BODY: a form field holds a NUL/);
    expect(codeOf(() => parse('payload=%7Bnot-json', 'application/x-www-form-urlencoded'))).toMatch(/^INVALID_JSON/);
    expect(codeOf(() => parse('<a><b></a>', 'application/xml'))).toMatch(/^INVALID_BODY: the body is not well-formed XML/);
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>';
    expect(codeOf(() => parse(bomb, 'application/xml'))).toBe('INVALID_BODY: XML bodies with a DOCTYPE or entity declarations are refused');
    const fields = Array.from({ length: 1_001 }, (_, i) => `f${i}=1`).join('&');
    expect(codeOf(() => parse(fields, 'application/x-www-form-urlencoded'))).toBe('INVALID_BODY: the form has more than 1000 fields');
  });

  it('holds the nesting limit for XML as for JSON', () => {
    const deep = (n: number) => '<a>'.repeat(n) + '1' + '</a>'.repeat(n);
    expect(parse(deep(30), 'application/xml').format).toBe('xml');
    expect(codeOf(() => parse(deep(5_000), 'application/xml'))).toMatch(/^INVALID_BODY/);
  });
});
