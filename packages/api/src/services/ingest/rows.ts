/** Plain rows written by the ingest path (snake_case, JSON pre-serialised): no unit of work on the hot path. */
export type { TExecutionRow, TLogRow } from '@uw/db';
