import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadCatalogue } from '@uw/clockify';

import type { TSimOperation } from './types';

const SYNCED_DOC = fileURLToPath(new URL('../../../../data/openapi.json', import.meta.url));
const SNAPSHOT_DOC = fileURLToPath(new URL('../../../../openapi.json', import.meta.url));

/** The full document `npm run openapi:sync` wrote into data/, else the committed snapshot (openapi.json), else none. */
export function defaultOpenapiPath(): string | undefined {
  return [SYNCED_DOC, SNAPSHOT_DOC].find((p) => existsSync(p));
}

export type TLoadedOperations = { operations?: readonly TSimOperation[]; source?: string; notices: string[] };

/** Loads Clockify's operations through @uw/clockify; without a document, routing uses the built-in handlers only. */
export async function loadOperations(openapiPath: string | false | undefined): Promise<TLoadedOperations> {
  const source = openapiPath === false ? undefined : (openapiPath ?? defaultOpenapiPath());
  if (!source) {
    return {
      notices: [
        "no OpenAPI document found (data/openapi.json or the repository's openapi.json): only simulated operations are routed and request/response validation is off",
      ],
    };
  }
  const catalogue = await loadCatalogue(source);

  return { operations: catalogue.operations, source, notices: catalogue.warnings.map((w) => `catalogue: ${w}`) };
}
