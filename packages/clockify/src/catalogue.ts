import type { TCatalogue, TOperation } from './catalogue-types';
import { indexOperations } from './index-operations';
import { readSource, SourceReadError, type TReadSourceOptions } from './read-source';
import { createRefResolver } from './resolve-refs';

export type * from './catalogue-types';

export const SYNC_HINT = "Run `npm run openapi:sync` to download Clockify's OpenAPI document (or point the server at a copy).";

/** The OpenAPI document is missing, unreadable or not an OpenAPI document. */
export class CatalogueError extends Error {
  readonly code = 'CATALOGUE_UNAVAILABLE';
  readonly kind = 'operational';

  constructor(
    message: string,
    readonly source?: string,
  ) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** Loads Clockify's OpenAPI document from a file path or an http(s) URL and indexes its operations. */
export async function loadCatalogue(source: string, opts: TReadSourceOptions = {}): Promise<TCatalogue> {
  let text: string;
  try {
    text = await readSource(source, opts);
  } catch (err) {
    const what =
      err instanceof SourceReadError && err.notFound ? 'Clockify OpenAPI document not found' : 'Clockify OpenAPI document unreadable';

    throw new CatalogueError(`${what}: ${(err as Error).message}. ${SYNC_HINT}`, source);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(`Clockify OpenAPI document at ${source} is not valid JSON (${(err as Error).message}). ${SYNC_HINT}`, source);
  }
  try {
    return catalogueFromDocument(doc);
  } catch (err) {
    throw new CatalogueError(`${(err as Error).message} (source: ${source}). ${SYNC_HINT}`, source);
  }
}

/** Checks the shape every caller relies on; returns the reason it is not an OpenAPI 3 document, if any. */
export function openApiProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'the document is not a JSON object';
  const d = doc as Record<string, unknown>;
  if (typeof d.openapi !== 'string' || !d.openapi.startsWith('3.')) return 'the document is not OpenAPI 3 (no "openapi": "3.x" field)';
  if (!d.paths || typeof d.paths !== 'object' || Array.isArray(d.paths)) return 'the document has no "paths" object';

  return undefined;
}

/** Indexes an already parsed OpenAPI 3 document. */
export function catalogueFromDocument(doc: unknown): TCatalogue {
  const problem = openApiProblem(doc);
  if (problem) throw new CatalogueError(`Clockify OpenAPI document is unusable: ${problem}`);
  const d = doc as Record<string, unknown>;
  const warnings: string[] = [];
  const resolve = createRefResolver(d, (m) => warnings.push(m));
  const operations = indexOperations(d, resolve, (m) => warnings.push(m));
  const byId = new Map<string, TOperation>();
  for (const op of operations) {
    if (byId.has(op.operationId)) warnings.push(`operationId ${op.operationId} is used twice; the first one wins`);
    else byId.set(op.operationId, op);
  }

  return { operations, get: (id) => byId.get(id), tags: countTags(d.tags, operations), warnings };
}

/** Tags with operations: declared ones in their order, then any used but undeclared, in order of use. */
function countTags(declared: unknown, operations: TOperation[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const op of operations) counts.set(op.tag, (counts.get(op.tag) ?? 0) + 1);
  const order = (Array.isArray(declared) ? declared : [])
    .map((t) => (t as { name?: unknown })?.name)
    .filter((n): n is string => typeof n === 'string');
  const names = [...new Set([...order.filter((n) => counts.has(n)), ...counts.keys()])];

  return names.map((name) => ({ name, count: counts.get(name) ?? 0 }));
}
