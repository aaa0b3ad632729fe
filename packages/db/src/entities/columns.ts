import { p } from '@mikro-orm/core';

/** Shared column builders. Every timestamp is epoch milliseconds in a bigint: portable and cheap to compare in SQL. */
export const idColumn = () => p.string().length(36).primary();
export const workspaceColumn = () => p.string().length(64);
export const epochMs = () => p.bigint('number');
