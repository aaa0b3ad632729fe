import type { TDatabase } from '@uw/db';

import { finishExecutions, type TFinishItem } from './claim';

type Pending = { item: TFinishItem; resolve: (ok: boolean) => void; reject: (err: unknown) => void };

export type TFinishQueue = { submit(item: TFinishItem): Promise<boolean> };

/**
 * Group commit for execution outcomes: an outcome that arrives while another commit is in flight waits
 * and shares the next transaction, so under load many executions finish with one commit. Each caller
 * learns after the commit whether its own outcome was accepted (its lease was still held).
 */
export function createFinishQueue(db: TDatabase, maxBatch = 100): TFinishQueue {
  const pending: Pending[] = [];
  let inFlight = false;

  const pump = () => {
    if (inFlight || pending.length === 0) return;
    inFlight = true;
    const batch = pending.splice(0, maxBatch);
    void finishExecutions(
      db,
      batch.map((p) => p.item),
    )
      .then(
        (accepted) => batch.forEach((p, i) => p.resolve(accepted[i]!)),
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      )
      .finally(() => {
        inFlight = false;
        pump();
      });
  };

  return {
    submit(item) {
      return new Promise<boolean>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
