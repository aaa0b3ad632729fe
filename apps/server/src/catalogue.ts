import { existsSync } from 'node:fs';

import type { Logger } from 'pino';

import type { TCatalogueHolder } from '@uw/api';
import { loadCatalogue, syncOpenApi, type Catalogue } from '@uw/clockify';

/**
 * Loads Clockify's OpenAPI document. A missing local file is synced once from Clockify; if that fails too,
 * the server still starts and the explorer explains how to sync.
 */
export async function createCatalogueHolder(source: string, logger: Logger): Promise<TCatalogueHolder> {
  let catalogue: Catalogue | null = null;
  let error: string | null = null;
  const isUrl = /^https?:\/\//.test(source);
  try {
    if (!isUrl && !existsSync(source)) {
      logger.info({ source }, 'Clockify OpenAPI document missing; syncing it');
      await syncOpenApi({ to: source });
    }
    catalogue = await loadCatalogue(source);
    logger.info({ operations: catalogue.operations.length }, 'Clockify API catalogue loaded');
  } catch (err) {
    error = `${(err as Error).message}. Run \`npm run openapi:sync\` (or set UW_CLOCKIFY_OPENAPI to a copy) and restart.`;
    logger.warn({ err: (err as Error).message }, 'Clockify API catalogue unavailable');
  }

  return { get: () => catalogue, error: () => error };
}
