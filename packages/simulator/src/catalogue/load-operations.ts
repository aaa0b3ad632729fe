import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadCatalogue } from '@uw/clockify';

import type { SimOperation } from './types';

const REPO_ROOT_DOC = fileURLToPath(new URL('../../../../openapi.json', import.meta.url));
const SHARED_DOC = fileURLToPath(new URL('../../../../../shared/clockify/openapi.json', import.meta.url));

/** The repo-root openapi.json (written by `npm run openapi:sync`), else the shared research copy, else none. */
export function defaultOpenapiPath(): string | undefined {
  return [REPO_ROOT_DOC, SHARED_DOC].find((p) => existsSync(p));
}

export type LoadedOperations = { operations?: readonly SimOperation[]; source?: string; notices: string[] };

/** Loads Clockify's operations through @uw/clockify; without a document, routing uses the built-in handlers only. */
export async function loadOperations(openapiPath: string | false | undefined): Promise<LoadedOperations> {
  const source = openapiPath === false ? undefined : (openapiPath ?? defaultOpenapiPath());
  if (!source) {
    return {
      notices: [
        'no OpenAPI document found (repo-root openapi.json or ../shared/clockify/openapi.json): only simulated operations are routed and request/response validation is off',
      ],
    };
  }
  const catalogue = await loadCatalogue(source);

  return { operations: catalogue.operations, source, notices: catalogue.warnings.map((w) => `catalogue: ${w}`) };
}
