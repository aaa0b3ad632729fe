import type { NextFunction, Request, Response } from 'express';
import pino, { type Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      serializers: {
        req: reqSerializer,
        res: resSerializer,
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

/**
 * The access log of the webhook routes: a request id (echoed as X-Request-Id) and `req.log` like
 * pino-http gives, but a line only for answers of 400 and above (accepted webhooks are in the audit log).
 */
export function webhookAccessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next(); // GET /webhooks/… are the SPA's pages: the general log has them
    const started = Date.now();
    req.id = requestId(req, res);
    req.log = logger;
    res.on('finish', () => {
      if (res.statusCode < 400) return;
      const line = { req: reqSerializer(req), res: resSerializer(res), responseTime: Date.now() - started };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request refused');
    });
    next();
  };
}
