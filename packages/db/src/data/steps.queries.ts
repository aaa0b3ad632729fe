import type { TDatabase } from '../database';
import type { TStepRow } from './rows';
import { TABLE } from './tables';

export type { TStepRow };

/** An execution's journal in order (raw rows: JSON columns parsed on PostgreSQL, text on SQLite). */
export function listSteps(db: TDatabase, workspaceId: string, executionId: string): Promise<Record<string, unknown>[]> {
  return db.knex()(TABLE.step).where({ workspace_id: workspaceId, execution_id: executionId }).orderBy('seq', 'asc');
}
