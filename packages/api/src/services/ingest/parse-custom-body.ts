import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { UserError } from '../../errors';
import { MAX_DEPTH, parseJsonBody, unstorablePart } from './parse-body';
import { isJsonContentType } from './types';

export type TBodyFormat = 'json' | 'form' | 'text' | 'xml';

/** A custom source's body: the parsed view flows see as `payload`, and the text as received when it was not JSON. */
export type TParsedBody = { format: TBodyFormat; payload: unknown; rawText: string | null };

const MAX_FORM_FIELDS = 1_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });
export const ACCEPTED_TYPES = 'application/json, application/x-www-form-urlencoded, text/plain or application/xml';

/**
 * Reads a custom source's body by its content type. JSON as ever; form-encoded fields become an object (a lone
 * `payload` field holding JSON, as GitHub sends by default, is unwrapped); text/plain becomes `{ text }`; XML
 * becomes its element tree (attributes under `@name`, text under `#text`). Signatures were checked on the raw
 * bytes before this, so the parsed view never has to reproduce them.
 */
export function parseCustomBody(raw: Buffer, contentType: string | undefined): TParsedBody {
  const type = mediaType(contentType);
  if (isJsonContentType(type)) return { format: 'json', payload: parseJsonBody(raw), rawText: null };
  if (type === 'application/x-www-form-urlencoded') {
    const text = decode(raw);

    return { format: 'form', payload: parseForm(text), rawText: text };
  }
  if (type === 'text/plain') {
    const text = decode(raw);

    return { format: 'text', payload: { text }, rawText: text };
  }
  if (type === 'application/xml' || type === 'text/xml' || /^application\/[a-z0-9.+-]+\+xml$/.test(type)) {
    const text = decode(raw);

    return { format: 'xml', payload: parseXml(text), rawText: text };
  }
  const given = type ? `content-type ${type} is not accepted` : 'the request has no content-type';
  throw new UserError('UNSUPPORTED_MEDIA_TYPE', `${given}; send ${ACCEPTED_TYPES}`);
}

function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function decode(raw: Buffer): string {
  if (raw.length === 0) throw new UserError('INVALID_BODY', 'the body is empty');
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw new UserError('INVALID_BODY', 'the body is not valid UTF-8');
  }
  const bad = unstorablePart(text);
  if (bad) throw new UserError('INVALID_BODY', `the body holds ${bad}, which is not storable text; remove or replace it`);

  return text;
}

function parseForm(text: string): unknown {
  const fields = new URLSearchParams(text);
  const out: Record<string, string | string[]> = Object.create(null);
  let count = 0;
  for (const [key, value] of fields) {
    if (++count > MAX_FORM_FIELDS) throw new UserError('INVALID_BODY', `the form has more than ${MAX_FORM_FIELDS} fields`);
    const bad = unstorablePart(key) ?? unstorablePart(value);
    if (bad) throw new UserError('INVALID_BODY', `a form field holds ${bad}, which is not storable text`);
    if (FORBIDDEN_KEYS.has(key)) continue;
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const keys = Object.keys(out);
  if (keys.length === 1 && keys[0] === 'payload' && typeof out.payload === 'string') {
    return parseJsonBody(Buffer.from(out.payload, 'utf8'));
  }

  return { ...out };
}

const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

function parseXml(text: string): unknown {
  // No DTD at all (OWASP's advice against entity expansion and external entities): webhooks never need one.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new UserError('INVALID_BODY', 'XML bodies with a DOCTYPE or entity declarations are refused');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line } = valid.err;
    throw new UserError('INVALID_BODY', `the body is not well-formed XML: ${msg} (line ${line})`);
  }
  let tree: unknown;
  try {
    tree = XML.parse(text);
  } catch (err) {
    throw new UserError('INVALID_BODY', `the body could not be read as XML: ${(err as Error).message}`);
  }

  return stripForbidden(tree);
}

function stripForbidden(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripForbidden);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!FORBIDDEN_KEYS.has(k)) out[k] = stripForbidden(v);

  return out;
}
