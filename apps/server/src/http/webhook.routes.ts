import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';

import type { TIngestResponse, TRuntime } from '@uw/api';

import type { TRefusalLimit } from './refusal-limit';

export type TWebhookRouteOptions = { bodyLimitBytes: number; refusals: TRefusalLimit };

/** The client as the socket sees it: never a forwarded header, which the client could write itself. */
const clientOf = (req: Request) => req.socket.remoteAddress ?? '';
const sourceOf = (req: Request) => (req.path.startsWith('/custom/') ? 'custom' : 'clockify');

/**
 * Webhook receivers. Bodies are kept as raw bytes (signatures cover the exact bytes); the limit counts
 * the inflated size, so a small gzip of a huge body is still a 413. Refusals with no verified workspace
 * spend the client address's refusal budget; a client that spent it gets 429 before its body is read.
 */
export function webhookRoutes(runtime: TRuntime, opts: TWebhookRouteOptions): Router {
  const r = Router();
  const { refusals } = opts;
  const unverified = (req: Request, res: Response, status: number) => {
    res.locals.unverified = true;
    if (status !== 429) refusals.charge(clientOf(req));
  };
  const gate: RequestHandler = (req, res, next) => {
    const wait = refusals.retryAfter(clientOf(req));
    if (wait === 0) return next();
    res.locals.unverified = true;
    runtime.deps.metrics.webhookRefused(sourceOf(req), 'CLIENT_RATE_LIMITED');
    res.setHeader('Retry-After', String(wait));
    const message = `too many refused requests from this address; retry after ${wait} s`;
    res.status(429).json({ outcome: 'rejected', error: { code: 'RATE_LIMITED', message } });
  };
  // A body the parser refuses (too large, bad encoding) came before any signature check.
  // eslint-disable-next-line @typescript-eslint/max-params -- Express tells an error handler by its four parameters
  const parserRefusal: ErrorRequestHandler = (err: { status?: number }, req, res, next) => {
    unverified(req, res, err.status ?? 400);
    next(err);
  };
  // The answer written directly: Express's `json` would also hash it for an ETag no webhook sender reads.
  const send = (req: Request, res: Response, out: TIngestResponse) => {
    if (out.unverified) unverified(req, res, out.status);
    if (out.headers) for (const k in out.headers) res.setHeader(k, out.headers[k]!);
    const body = JSON.stringify(out.body);
    res.statusCode = out.status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
  };
  const inbound = (req: Request) => ({ rawBody: Buffer.isBuffer(req.body) ? req.body : undefined, headers: req.headers });

  r.post('/{*path}', gate, express.raw({ type: () => true, limit: opts.bodyLimitBytes }), parserRefusal);
  r.post('/clockify', async (req, res) => send(req, res, await runtime.receiveClockify(inbound(req))));
  r.post('/custom/:source', async (req, res) => send(req, res, await runtime.receiveCustom(String(req.params.source), inbound(req))));

  return r;
}
