import type { Request, Response } from 'express';

import type { TSimOperation } from '../catalogue/types';
import type { TServerDeps } from './server-deps';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies the first matching injected fault; true when it answered (or dropped) the request itself. */
export async function applyFault(deps: TServerDeps, { req, res }: { req: Request; res: Response }, op: TSimOperation): Promise<boolean> {
  const fault = deps.faults.take({ method: req.method, path: req.path, operationId: op.operationId });
  if (!fault) {
    return false;
  }
  if (fault.latencyMs) {
    await sleep(fault.latencyMs);
  }
  if (fault.dropConnection) {
    req.socket.destroy();

    return true;
  }
  if (fault.status === undefined) {
    return false;
  }
  if (fault.retryAfter !== undefined) {
    res.set('Retry-After', String(fault.retryAfter));
  }
  const message = fault.status === 429 ? 'Too many requests' : `Injected fault (${fault.status})`;
  res.status(fault.status).json({ message, code: fault.status });

  return true;
}
