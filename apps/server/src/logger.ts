import type { NextFunction, Request, Response } from 'express';
import pino, { type Logger } from 'pino';

import { createLogSampler } from './http/log-sampler';
import { requestId } from './request-id';

/** Masks secrets that can travel in a URL query: the iframe's auth_token and other token or key params. */
export function maskUrl(url: string): string {
  return url.replace(/([?&](?:auth_token|token|access_token|key|secret|connectionParams)=)[^&#]*/gi, '$1[REDACTED]');
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-addon-token"]',
  'req.headers["x-addon-lifecycle-token"]',
  'req.headers["clockify-signature"]',
  'req.headers["x-hub-signature-256"]',
  'req.headers["stripe-signature"]',
  'req.headers["webhook-signature"]',
  'req.headers.cookie',
  '*.token',
  '*.authToken',
  '*.secret',
  '*.password',
];

/** Requests are logged as id, method and masked URL: never headers or query values. */
export const reqSerializer = (req: { id?: unknown; method?: string; url?: string; originalUrl?: string }) => ({
  id: req.id,
  method: req.method,
  url: maskUrl(req.originalUrl ?? req.url ?? ''),
});

export const resSerializer = (res: { statusCode?: number }) => ({ statusCode: res.statusCode });

/** Fields in which database errors quote the data they refused (PostgreSQL's `where` holds a slice of the JSON). */
const DATA_FIELDS = new Set(['where', 'detail', 'internalQuery', 'parameters', 'bindings', 'params']);

function dropDataFields(value: unknown, depth: number): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (DATA_FIELDS.has(key)) delete (value as Record<string, unknown>)[key];
    else dropDataFields((value as Record<string, unknown>)[key], depth + 1);
  }
}

/** pino's error serializer, minus the fields that carry payload text: errors are logged, payloads never. */
export function errSerializer(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error);
  dropDataFields(out, 0);

  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      serializers: {
        req: reqSerializer,
        res: resSerializer,
        err: errSerializer,
      },
    },
    destination,
  );
}

/** Refusals without a verified workspace log one line per this interval (with the count held back). */
export const UNVERIFIED_LOG_INTERVAL_MS = 1_000;

/**
 * The access log of the webhook routes: a request id (echoed as X-Request-Id) and `req.log` like
 * pino-http gives, but a line only for answers of 400 and above (accepted webhooks are in the audit log).
 * Refusals with no verified workspace (marked by the routes) are sampled: anyone can send those.
 */
export function webhookAccessLog(logger: Logger) {
  const sampler = createLogSampler(UNVERIFIED_LOG_INTERVAL_MS);

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next(); // GET /webhooks/… are the SPA's pages: the general log has them
    const started = Date.now();
    req.id = requestId(req, res);
    req.log = logger;
    res.on('finish', () => {
      if (res.statusCode < 400) return;
      const line = { req: reqSerializer(req), res: resSerializer(res), responseTime: Date.now() - started };
      if (res.locals.unverified && res.statusCode < 500) {
        const suppressed = sampler.take();
        if (suppressed !== null) logger.info({ ...line, sampled: true, suppressed }, 'unauthenticated request refused');

        return;
      }
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request refused');
    });
    next();
  };
}
