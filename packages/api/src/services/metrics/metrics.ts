/**
 * The metric hooks the services report to. The server backs them with prom-client; tests and tools can
 * pass the no-op version. Kept as plain functions so packages need no metrics library.
 */
export type TMetrics = {
  webhookReceived(source: string, outcome: string, seconds: number): void;
  /** A webhook refused before any workspace was verified, by reason (an error code). */
  webhookRefused(source: string, reason: string): void;
  executionFinished(outcome: string): void;
  stepFinished(kind: string, status: string, seconds: number): void;
  outboundCall(target: 'clockify' | 'http', status: number | 'error'): void;
  rateLimitWait(seconds: number): void;
  stepRetried(): void;
};

export const NOOP_METRICS: TMetrics = {
  webhookReceived: () => undefined,
  webhookRefused: () => undefined,
  executionFinished: () => undefined,
  stepFinished: () => undefined,
  outboundCall: () => undefined,
  rateLimitWait: () => undefined,
  stepRetried: () => undefined,
};
