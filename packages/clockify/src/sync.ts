import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { CatalogueError, catalogueFromDocument, openApiProblem } from './catalogue';
import { readSource } from './read-source';

export const CLOCKIFY_OPENAPI_URL = 'https://docs.clockify.me/openapi.json';

export type TSyncOptions = {
  /** File path or http(s) URL; default Clockify's published document. */
  from?: string;
  /** Where to write it. */
  to: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export type TSyncResult = { from: string; to: string; bytes: number; operations: number };

/**
 * Downloads (or copies) Clockify's OpenAPI document and writes it to `to`, but only after it parses
 * as JSON, is OpenAPI 3 with `paths`, and indexes to at least one operation. The write is atomic
 * (temporary file + rename), so a failed sync never leaves a broken or half-written file behind.
 */
export async function syncOpenApi(opts: TSyncOptions): Promise<TSyncResult> {
  const from = opts.from ?? CLOCKIFY_OPENAPI_URL;
  const to = resolve(opts.to);
  let text: string;
  try {
    text = await readSource(from, { fetch: opts.fetch, timeoutMs: opts.timeoutMs ?? 60_000 });
  } catch (err) {
    throw new CatalogueError(`openapi:sync could not read ${from}: ${(err as Error).message}`, from);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(`openapi:sync refused ${from}: not valid JSON (${(err as Error).message}); ${to} was left unchanged`, from);
  }
  const problem = openApiProblem(doc);
  if (problem) throw new CatalogueError(`openapi:sync refused ${from}: ${problem}; ${to} was left unchanged`, from);
  const operations = catalogueFromDocument(doc).operations.length;
  if (operations === 0) throw new CatalogueError(`openapi:sync refused ${from}: it has no operations; ${to} was left unchanged`, from);

  await mkdir(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, to);
  } catch (err) {
    await rm(tmp, { force: true });

    throw new CatalogueError(`openapi:sync could not write ${to}: ${(err as Error).message}`, from);
  }

  return { from, to, bytes: Buffer.byteLength(text), operations };
}
