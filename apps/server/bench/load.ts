import autocannon, { type Result } from 'autocannon';

/** Who a webhook is for: its workspace and the `clockify-signature` Clockify would send. */
export type TWebhookTarget = { workspaceId: string; signature: string };

export type TFireOptions = {
  url: string;
  targets: TWebhookTarget[];
  /** A realistic body (from the simulator); `id` (and `workspaceId`) are replaced per request. */
  template: Record<string, unknown>;
  prefix: string;
  connections: number;
  /** Seconds (closed loop, or at `overallRate`) … */
  duration?: number;
  /** … or a fixed number of requests. */
  amount?: number;
  overallRate?: number;
  /** Called as each request is built (its body id, the wall-clock ms). */
  onSend?: (bodyId: string, at: number) => void;
};

export type TFireResult = {
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  p999: number;
  statusCodes: Record<string, number>;
  sent: number;
};

/**
 * Signed Clockify webhooks with autocannon, every body distinct (a counter in `id`), so dedup never
 * short-circuits the write. Targets rotate round-robin (each workspace with its own signature).
 */
export async function fireWebhooks(o: TFireOptions): Promise<TFireResult> {
  let n = 0;
  const result: Result = await autocannon({
    url: `${o.url}/webhooks/clockify`,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 10 }),
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          const target = o.targets[i % o.targets.length]!;
          const id = `${o.prefix}-${i}`;
          o.onSend?.(id, Date.now());

          return {
            ...req,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'clockify-signature': target.signature,
              'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
            },
            body: JSON.stringify({ ...o.template, id, workspaceId: target.workspaceId }),
          };
        },
      },
    ],
  });
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]));

  return {
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    perSecond: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p999: result.latency.p99_9,
    statusCodes,
    sent: n,
  };
}
