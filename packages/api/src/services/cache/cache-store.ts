import { entityCacheQueries } from '@uw/db';

/**
 * The entity cache for the services, the routers and the ingest path; its SQL is in @uw/db
 * (`entityCacheQueries`). Every read and delete is scoped by workspace; every write names its workspace.
 */
export const { applyCacheWrites, clearWorkspaceCache, countCache, searchCache, upsertEntities, writeCache } = entityCacheQueries;
export type TCacheEntity = entityCacheQueries.TCacheEntity;
export type TCacheHit = entityCacheQueries.TCacheHit;
export type TCacheCount = entityCacheQueries.TCacheCount;
export type TCacheWrite = entityCacheQueries.TCacheWrite;

export const DAY_MS = 86_400_000;
