import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Logger } from 'pino';

import type { TCatalogueHolder } from '@uw/api';
import { loadCatalogue } from '@uw/clockify';

import { REPO_ROOT } from './repo-root';
import type { TEnv } from './env';

/** The committed snapshot of Clockify's document (prose stripped): the offline default, never fetched. */
export const OPENAPI_SNAPSHOT = resolve(REPO_ROOT, 'openapi.json');

/**
 * The documents to try, in order: UW_CLOCKIFY_OPENAPI when set, else the full copy `npm run openapi:sync` keeps in
 * the data folder when it is there; then the committed snapshot. Nothing is downloaded at start.
 */
export function openApiSources(env: Pick<TEnv, 'UW_CLOCKIFY_OPENAPI' | 'UW_DATA_DIR'>, snapshot = OPENAPI_SNAPSHOT): string[] {
  const synced = join(env.UW_DATA_DIR, 'openapi.json');
  const preferred = env.UW_CLOCKIFY_OPENAPI ?? (existsSync(synced) ? synced : undefined);

  return preferred && resolve(preferred) !== resolve(snapshot) ? [preferred, snapshot] : [snapshot];
}

/**
 * Loads the first usable of `sources`, warning about each one that is not. If none is usable the server still
 * starts and the explorer explains how to sync.
 */
export async function createCatalogueHolder(sources: readonly string[], logger: Logger): Promise<TCatalogueHolder> {
  const problems: string[] = [];
  for (const source of sources) {
    try {
      const catalogue = await loadCatalogue(source);
      logger.info({ source, operations: catalogue.operations.length }, 'Clockify API catalogue loaded');

      return { get: () => catalogue, error: () => null };
    } catch (err) {
      problems.push((err as Error).message);
      logger.warn({ source, err }, 'Clockify OpenAPI document unusable');
    }
  }
  const error = `${problems.join('; ')}. Run \`npm run openapi:sync\` (or set UW_CLOCKIFY_OPENAPI to a copy) and restart.`;

  return { get: () => null, error: () => error };
}
