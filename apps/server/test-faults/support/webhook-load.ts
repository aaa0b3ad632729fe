import { timeEntryBody } from './clockify';

/** One request the generator made: its body id, and what came back (if anything). */
export type TSent = {
  bodyId: string;
  status: number;
  logId?: string;
  outcome?: string;
  code?: string;
  retryAfter?: string;
  error?: string;
  at: number;
  ms: number;
};

export type TLoad = {
  /** Ends the loops after their current request. */
  stop(): void;
  done: Promise<TSent[]>;
  /** How many 2xx answers so far. */
  acked(): number;
  /** Every request so far (finished ones). */
  sent(): TSent[];
};

export type TLoadOptions = {
  url: string;
  signature: string;
  workspaceId: string;
  eventType?: string;
  concurrency: number;
  /** Hard bounds: the load ends at whichever comes first. */
  maxRequests: number;
  maxMs: number;
  requestTimeoutMs?: number;
  /** Prefix of the body ids, so several loads in one test stay distinct. */
  prefix: string;
  extra?: Record<string, unknown>;
};

/**
 * A bounded closed-loop load of signed Clockify webhooks, each with a distinct body. It records, per
 * request, whether it was acknowledged (2xx) and the log id it was given: the history the fault suites
 * check against the database. After a failed request a loop waits 50 ms, so an outage is not a busy loop.
 */
export function startWebhookLoad(opts: TLoadOptions): TLoad {
  const results: TSent[] = [];
  const until = Date.now() + opts.maxMs;
  let next = 0;
  let stopped = false;
  let acked = 0;

  const one = async (bodyId: string) => {
    const started = Date.now();
    const record = (r: Omit<TSent, 'bodyId' | 'at' | 'ms'>) => results.push({ bodyId, at: started, ms: Date.now() - started, ...r });
    try {
      const res = await fetch(`${opts.url}/webhooks/clockify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'clockify-signature': opts.signature,
          'clockify-webhook-event-type': opts.eventType ?? 'NEW_TIME_ENTRY',
        },
        body: JSON.stringify(timeEntryBody(opts.workspaceId, bodyId, opts.extra)),
        signal: AbortSignal.timeout(opts.requestTimeoutMs ?? 10_000),
      });
      const text = await res.text();
      let body: { id?: string; outcome?: string; error?: { code?: string } } = {};
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a proxy or Node's own error page)
      }
      if (res.status >= 200 && res.status < 300) acked += 1;
      record({
        status: res.status,
        logId: body.id,
        outcome: body.outcome,
        code: body.error?.code,
        retryAfter: res.headers.get('retry-after') ?? undefined,
      });

      return res.status < 300;
    } catch (err) {
      record({ status: 0, error: `${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ''}`.trim() });

      return false;
    }
  };

  const loop = async () => {
    while (!stopped && next < opts.maxRequests && Date.now() < until) {
      const bodyId = `${opts.prefix}-${next++}`;
      if (!(await one(bodyId))) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const done = Promise.all(Array.from({ length: opts.concurrency }, loop)).then(() => results);

  return {
    stop: () => {
      stopped = true;
    },
    done,
    acked: () => acked,
    sent: () => results,
  };
}

/** Splits a history into what was acknowledged and what was not. */
export function ackedOf(history: TSent[]) {
  return history.filter((s) => s.status >= 200 && s.status < 300);
}

/** `{ "200": 812, "0": 12, "500": 3 }`: for failure messages and the report. */
export function statusCounts(history: TSent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of history) out[String(s.status)] = (out[String(s.status)] ?? 0) + 1;

  return out;
}
