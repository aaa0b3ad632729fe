#!/usr/bin/env node
/**
 * node scripts/strip-openapi.mjs <input.json> [output.json]
 *
 * Writes the facts of an OpenAPI document (paths, methods, operation ids, tags, summaries, parameters, schemas,
 * examples) without its prose: every `description` keyword, `externalDocs`, `info` prose and logos. A response's
 * `description` is required by OpenAPI 3, so it is kept as an empty string. Names that happen to equal a keyword
 * (a schema property called `description`) and data (`example`, `default`, `enum`…) are left untouched.
 * The output defaults to openapi.json at the repository root; the result is the committed offline snapshot.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_OUTPUT = fileURLToPath(new URL('../openapi.json', import.meta.url));

/** Values that are data, not document structure: copied as they are. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-tagGroups']);
/** Keys whose object value maps names (of properties, paths, status codes…) to document objects. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  'paths',
  'schemas',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'content',
  'callbacks',
  'links',
  'variables',
]);
/** Prose or decoration, dropped wherever they are keywords. */
const PROSE_KEYS = new Set(['description', 'externalDocs', 'x-logo', 'termsOfService', 'contact']);

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A document object (schema, operation, parameter…): keywords are filtered, children walked. */
function stripNode(node) {
  if (Array.isArray(node)) return node.map(stripNode);
  if (!isObject(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (PROSE_KEYS.has(key)) continue;
    if (DATA_KEYS.has(key)) out[key] = value;
    else if (key === 'responses' && isObject(value)) out[key] = stripResponses(value);
    else if (NAME_MAPS.has(key) && isObject(value)) out[key] = stripNameMap(value);
    else out[key] = stripNode(value);
  }

  return out;
}

/** `{ name: documentObject }`: the names are kept whatever they are, each value is a document object. */
function stripNameMap(map) {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, stripNode(value)]));
}

/** Responses by status code; each keeps an empty `description` (required by OpenAPI 3) unless it is a $ref. */
function stripResponses(map) {
  return Object.fromEntries(
    Object.entries(map).map(([status, response]) => {
      const stripped = stripNode(response);

      return [status, isObject(stripped) && stripped.$ref === undefined ? { description: '', ...stripped } : stripped];
    }),
  );
}

/** The whole document (`responses` in operations and in components alike go through stripResponses). */
export function stripOpenApi(document) {
  return stripNode(document);
}

function main() {
  const [input, output = DEFAULT_OUTPUT] = process.argv.slice(2);
  if (!input || input === '--help' || input === '-h') {
    console.log(`usage: node scripts/strip-openapi.mjs <input.json> [output.json]\n  default output ${DEFAULT_OUTPUT}`);
    process.exitCode = input ? 0 : 2;

    return;
  }
  const document = JSON.parse(readFileSync(resolve(input), 'utf8'));
  if (!isObject(document) || !isObject(document.paths)) throw new Error(`${input}: not an OpenAPI document (no paths)`);
  const text = `${JSON.stringify(stripOpenApi(document), null, 2)}\n`;
  writeFileSync(resolve(output), text);
  console.log(`strip-openapi wrote ${resolve(output)} (${Object.keys(document.paths).length} paths, ${text.length} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
