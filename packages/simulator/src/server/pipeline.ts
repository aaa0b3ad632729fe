import type { Request, Response } from 'express';

import type { TSimOperation } from '../catalogue/types';
import { authenticate } from './authenticate';
import { applyFault } from './apply-fault';
import { HttpError } from './http-error';
import { redactHeaders } from './recorder';
import type { TServerDeps } from './server-deps';

type TSeen = { operationId?: string; workspaceId?: string };

const sendError = (res: Response, error: { status: number; message: string }, headers: Record<string, string> = {}) => {
  const { status, message } = error;
  res.status(status).set(headers).json({ message, code: status });
};

/** `/api/v1/...` is the regular API, `/reports/v1/...` the reports API. */
function hostAndPath(path: string): { host: 'api' | 'reports'; path: string } | undefined {
  for (const host of ['api', 'reports'] as const) {
    if (path.startsWith(`/${host}/`)) {
      return { host, path: path.slice(host.length + 1) };
    }
  }

  return undefined;
}

function record(deps: TServerDeps, { req, res }: { req: Request; res: Response }, seen: TSeen) {
  const at = Date.now();
  let finished = false;
  const push = (status: number) => {
    deps.requests.push({
      at,
      method: req.method,
      path: req.path,
      query: { ...(req.query as Record<string, unknown>) },
      status,
      headers: redactHeaders(req.headers),
      ...seen,
      ...(req.body === undefined ? {} : { body: req.body }),
    });
  };
  res.on('finish', () => {
    finished = true;
    push(res.statusCode);
  });
  res.on('close', () => !finished && push(0));

  return at;
}

/** One request: route → token → rate limit → injected fault → validation → handler → response check. */
export function createPipeline(deps: TServerDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const seen: TSeen = {};
    const at = record(deps, { req, res }, seen);
    const target = hostAndPath(req.path);
    const match = target ? deps.routes.match(target.host, req.method, target.path) : undefined;
    if (!target || !match) {
      return sendError(res, { status: 404, message: `No endpoint ${req.method} ${req.path}` });
    }
    if (match === 'method-not-allowed') {
      return sendError(res, { status: 405, message: `Request method '${req.method}' is not supported` });
    }
    const { op, params } = match;
    seen.operationId = op.operationId;
    seen.workspaceId = params.workspaceId;
    const who = await authenticate(deps, { token: req.get('x-addon-token'), pathWorkspaceId: params.workspaceId });
    if (!who) {
      return sendError(res, { status: 401, message: 'Full authentication is required to access this resource' });
    }
    seen.workspaceId = who.ws.workspace.id;
    if (!deps.limiter.take(who.ws.workspace.id, at)) {
      return sendError(res, { status: 429, message: 'Too many requests' }, { 'Retry-After': '1' });
    }
    if (await applyFault(deps, { req, res }, op)) {
      return;
    }
    const query = req.query as Record<string, unknown>;
    const invalid = deps.validator?.request(op, { path: params, query, body: req.body });
    if (invalid) {
      return sendError(res, { status: 400, message: invalid });
    }
    await run(deps, { req, res, op, params, query, who });
  };
}

type TRunInput = {
  req: Request;
  res: Response;
  op: TSimOperation;
  params: Record<string, string>;
  query: Record<string, unknown>;
  who: NonNullable<Awaited<ReturnType<typeof authenticate>>>;
};

async function run(deps: TServerDeps, { req, res, op, params, query, who }: TRunInput): Promise<void> {
  const handler = deps.handlerFor(op.operationId);
  if (!handler) {
    return sendError(res, { status: 501, message: `${op.operationId} is not simulated` });
  }
  try {
    const result = await handler({ params, query, body: req.body, ws: who.ws, auth: who.auth, store: deps.store, services: deps.services });
    const status = result.status ?? 200;
    const errors = deps.validator?.response(op, status, result.body) ?? [];
    if (errors.length > 0) {
      deps.violations.push({ at: Date.now(), operationId: op.operationId, method: req.method, path: req.path, status, errors });
    }
    if (status < 300) {
      deps.onSuccess?.({ operationId: op.operationId, ws: who.ws, params, result: result.body });
    }
    res.status(status).set(result.headers ?? {});
    if (result.body === undefined) {
      res.end();
    } else {
      res.json(result.body);
    }
  } catch (err) {
    if (err instanceof HttpError) {
      return sendError(res, { status: err.status, message: err.message });
    }
    deps.notices.push(`${op.operationId} failed: ${(err as Error).stack ?? String(err)}`);
    sendError(res, { status: 500, message: 'Internal server error' });
  }
}
