import express, { Router, type Request, type Response } from 'express';

import type { TRuntime } from '@uw/api';

import type { TIngestResponseLike } from './types';

/**
 * Webhook receivers. Bodies are kept as raw bytes (signatures cover the exact bytes); the limit counts
 * the inflated size, so a small gzip of a huge body is still a 413.
 */
export function webhookRoutes(runtime: TRuntime, bodyLimitBytes: number): Router {
  const r = Router();
  r.use(express.raw({ type: () => true, limit: bodyLimitBytes }));
  const send = (res: Response, out: TIngestResponseLike) => {
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    res.status(out.status).json(out.body);
  };
  const inbound = (req: Request) => ({ rawBody: Buffer.isBuffer(req.body) ? req.body : undefined, headers: req.headers, ip: req.ip });

  r.post('/clockify', async (req, res) => send(res, await runtime.receiveClockify(inbound(req))));
  r.post('/custom/:source', async (req, res) => send(res, await runtime.receiveCustom(String(req.params.source), inbound(req))));

  return r;
}
