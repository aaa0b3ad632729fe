import express, { type Request, type RequestHandler, type Router } from 'express';

import { appRouter, createCallerFactory, createContext, UserError, type TRuntime } from '@uw/api';

import { refuseDeclaredTooLarge } from '../body-limit';
import { buildOpenApiDocument } from './openapi-document';
import { pageArray } from './page-array';
import { querySchemaOf, ZArrayPageQuerySchema } from './procedure-schemas';
import { procedureInput, readBody, readQuery } from './rest-input';
import { validationError, toRestError } from './rest-errors';
import { expressPath, pathParams, REST_ROUTES, type TRestRoute } from './route-table';

type TCall = (input: unknown) => Promise<unknown>;
const createCaller = createCallerFactory(appRouter);

/**
 * `/api/v1`: JSON routes over the tRPC procedures, for callers that do not speak tRPC, and the OpenAPI 3.1
 * document describing them. Errors go to the server's error handler (`{ error: { code, message } }`).
 */
export function restRoutes(runtime: TRuntime, opts: { maxBodyBytes: number }): Router {
  const router = express.Router();
  // Built on first request: a schema zod cannot place fails this route (500, logged), never the server's start.
  let document: ReturnType<typeof buildOpenApiDocument> | null = null;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument();
    res.json({ ...document, servers: [{ url: `${runtime.deps.config.baseUrl}/api/v1` }] });
  });
  router.use(refuseDeclaredTooLarge(opts.maxBodyBytes), jsonOnly, express.json({ limit: opts.maxBodyBytes, type: isJson }));
  for (const route of REST_ROUTES) router[route.method](expressPath(route.path), handlerFor(runtime, route));
  router.use((req, _res, next) => {
    next(new UserError('NOT_FOUND', `no route ${req.method} /api/v1${req.path}: see /api/v1/openapi.json`));
  });

  return router;
}

function handlerFor(runtime: TRuntime, route: TRestRoute): RequestHandler {
  const params = pathParams(route.path);
  const queryFields = querySchemaOf(route, params)?.properties ?? {};

  return async (req, res, next) => {
    try {
      const ctx = await createContext(runtime, req.headers.authorization);
      // tRPC checks the caller before the input: so does REST, whose own query checks come first otherwise.
      if (!ctx.caller) throw new UserError('UNAUTHORIZED', ctx.authError ?? 'sign in: send Authorization: Bearer <service key>');
      const call = procedureOf(createCaller(ctx), route);
      const query = readQuery(queryFields, req.query);
      const result = route.pageArray ? await paged(call, query) : await callWith(call, route, { req, query });
      if (route.created) res.status(201).location(`${req.baseUrl}${route.path.split('/{')[0]}/${(result as { id: string }).id}`);
      res.json(result);
    } catch (err) {
      next(toRestError(err, route.body === 'data' ? 'data' : undefined));
    }
  };
}

function callWith(call: TCall, route: TRestRoute, request: { req: Request; query: Record<string, unknown> }) {
  const { req, query } = request;
  const params = Object.fromEntries(pathParams(route.path).map((name) => [name, String(req.params[name])]));

  return call(procedureInput(route, { params, query, body: readBody(route, req) }));
}

async function paged(call: TCall, query: Record<string, unknown>) {
  const page = ZArrayPageQuerySchema.safeParse(query);
  if (!page.success) throw validationError(page.error);

  return pageArray((await call(undefined)) as { id: string; createdAt: number }[], page.data);
}

function procedureOf(caller: ReturnType<typeof createCaller>, route: TRestRoute): TCall {
  const [domain, name] = route.procedure.split('.') as [string, string];
  const procedures = (caller as unknown as Record<string, Record<string, TCall>>)[domain];

  return (input) => procedures![name]!(input);
}

const isJson = (req: { headers: Record<string, unknown> }) =>
  /^application\/(.+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));

/** JSON only: a body of any other type is 415 before it is read. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !isJson(req)) {
    next(new UserError('UNSUPPORTED_MEDIA_TYPE', 'send JSON: Content-Type: application/json'));

    return;
  }
  next();
};
