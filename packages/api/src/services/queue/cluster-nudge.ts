import type { TSignals } from '@uw/db';

import { coalesce } from '../batching/coalesce';
import { createNudge, type TNudge } from './nudge';

type TWarn = { warn(o: unknown, m?: string): void };

/** At most one NOTIFY per window, however many commits queued executions in it. */
const COALESCE_MS = 2;

/**
 * The worker nudge across processes: executions queued by any process (a `web` one included) wake every
 * worker listening on the same PostgreSQL within milliseconds, instead of at its next poll. Local listeners
 * are called at once, as with the in-process nudge; a reconnect of the listening connection wakes them too,
 * since notifications may have been missed meanwhile.
 */
export function createClusterNudge(signals: TSignals, opts: { origin: string; logger: TWarn }): TNudge {
  const local = createNudge();
  const send = coalesce({
    ms: COALESCE_MS,
    flush: () => {
      signals.notify('uw_nudge', opts.origin).catch((err: unknown) => opts.logger.warn({ err }, 'cluster nudge: NOTIFY failed'));
    },
  });

  signals.on('uw_nudge', (origin) => {
    if (origin !== opts.origin) local.notify();
  });
  signals.onResync(() => local.notify());

  return {
    notify() {
      local.notify();
      send();
    },
    listen: (listener) => local.listen(listener),
  };
}
