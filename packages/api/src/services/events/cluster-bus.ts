import type { TSignals } from '@uw/db';

import { coalesce } from '../batching/coalesce';
import type { TBusEvent, TEventBus } from './event-bus';

type TWarn = { warn(o: unknown, m?: string): void };

/** A NOTIFY payload must stay under 8,000 bytes: batches are cut before that. */
const MAX_PAYLOAD = 7_000;
/**
 * Events published within this window go out in one NOTIFY (one statement and commit per window, not per
 * webhook): live views are for people, so 20 ms more is unseen, and under load it is one NOTIFY per ~20 webhooks
 * at 1,000/s instead of one per ~5. (Workers are woken by their own, quicker nudge.)
 */
const COALESCE_MS = 20;

/**
 * The process's event bus, shared with every other process on the same PostgreSQL: events published here reach
 * local subscribers at once and other processes through one NOTIFY per few milliseconds; events from other
 * processes are published on the local bus (never sent back). SQLite runs one process and keeps the plain bus.
 */
export function createClusterBus(local: TEventBus, signals: TSignals, opts: { origin: string; logger: TWarn }): TEventBus {
  const send = coalesce<TBusEvent>({
    ms: COALESCE_MS,
    flush: (events) => {
      for (const chunk of chunks(events)) {
        signals.notify('uw_bus', JSON.stringify({ o: opts.origin, e: chunk })).catch((err: unknown) => {
          opts.logger.warn({ err }, 'cluster bus: NOTIFY failed; other processes miss these live events');
        });
      }
    },
  });

  signals.on('uw_bus', (payload) => {
    let message: { o?: string; e?: TBusEvent[] };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.o === opts.origin || !Array.isArray(message.e)) return;
    for (const event of message.e) local.publish(event);
  });

  return {
    publish(event) {
      local.publish(event);
      send(event);
    },
    subscribe: (workspaceId, type, signal) => local.subscribe(workspaceId, type, signal),
    listen: (type, listener) => local.listen(type, listener),
  };
}

function chunks(events: TBusEvent[]): TBusEvent[][] {
  const out: TBusEvent[][] = [];
  let current: TBusEvent[] = [];
  let size = 0;
  for (const event of events) {
    const length = JSON.stringify(event).length + 1;
    if (current.length > 0 && size + length > MAX_PAYLOAD) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(event);
    size += length;
  }
  if (current.length > 0) out.push(current);

  return out;
}
