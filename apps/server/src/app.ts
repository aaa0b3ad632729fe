import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

import { appRouter, createContext, type TRuntime } from '@uw/api';

import { refuseDeclaredTooLarge } from './http/body-limit';
import { devLoginRoutes } from './http/dev-login.routes';
import { errorHandler } from './http/error-handler';
import { lifecycleRoutes } from './http/lifecycle.routes';
import { createRefusalLimit, type TRefusalLimitOptions } from './http/refusal-limit';
import { restRoutes } from './http/rest/rest.routes';
import { webhookRoutes } from './http/webhook.routes';
import { reqSerializer, resSerializer, webhookAccessLog } from './logger';
import { requestId } from './request-id';
import type { TReadiness } from './readiness';

export type TAppDeps = {
  runtime: TRuntime;
  logger: Logger;
  readiness: TReadiness;
  manifest: () => unknown;
  webDist: string;
  devLogin: boolean;
  /** The workspace the development login signs in to (`UW_DEV_LOGIN_WORKSPACE`); default: a local one. */
  devLoginWorkspace?: string;
  /** Webhook bodies (inflated). */
  bodyLimitBytes: number;
  /** tRPC and REST bodies (`UW_MAX_BODY_BYTES`). */
  maxBodyBytes: number;
  /** The per-address budget of unauthenticated webhook refusals. */
  refusals?: TRefusalLimitOptions;
  metrics?: express.RequestHandler;
};

/** Builds the Express app. It never listens: main.ts does, and tests use it directly. */
export function createApp(deps: TAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'self'", 'https://*.clockify.me', 'https://clockify.me'],
          'script-src': ["'self'"],
          'connect-src': ["'self'"],
        },
      },
      frameguard: false,
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Webhooks are hot and each is already recorded in the audit log: a light access log that writes only
  // refusals and failures, mounted before the general one (which builds a child logger per request).
  const refusals = createRefusalLimit(deps.refusals);
  app.use('/webhooks', webhookAccessLog(deps.logger), webhookRoutes(deps.runtime, { bodyLimitBytes: deps.bodyLimitBytes, refusals }));
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: requestId,
      serializers: { req: reqSerializer, res: resSerializer },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' || req.url === '/metrics' },
    }),
  );

  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.get('/ready', async (_req, res) => {
    const state = await deps.readiness.check();
    res.status(state.ok ? 200 : 503).json(state.ok ? { status: 'ready' } : { status: 'not_ready', reason: state.reason });
  });
  app.get('/manifest.json', (_req, res) => res.json(deps.manifest()));
  if (deps.metrics) app.get('/metrics', deps.metrics);
  app.use('/lifecycle', lifecycleRoutes(deps.runtime));
  if (deps.devLogin) app.use('/auth', devLoginRoutes(deps.runtime, { workspaceId: deps.devLoginWorkspace }));
  app.use(
    '/trpc',
    refuseDeclaredTooLarge(deps.maxBodyBytes),
    createExpressMiddleware({
      router: appRouter,
      // Bodies without a declared length are cut here while streaming, never buffered whole.
      maxBodySize: deps.maxBodyBytes,
      // Browsers cannot set headers on EventSource: SSE subscriptions may send the token in connectionParams.
      createContext: ({ req, info }) => createContext(deps.runtime, req.headers.authorization ?? bearerFrom(info.connectionParams)),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ path, err: error.cause ?? error }, 'tRPC procedure failed');
      },
    }),
  );
  // REST over the same procedures for callers without the tRPC client; its own 404 keeps /api/v1 out of the SPA.
  app.use('/api/v1', restRoutes(deps.runtime, { maxBodyBytes: deps.maxBodyBytes }));
  mountSpa(app, deps.webDist);
  app.use(errorHandler);

  return app;
}

function bearerFrom(params: Record<string, string | undefined> | null | undefined): string | undefined {
  const token = params?.authorization ?? params?.token;

  return token ? (token.startsWith('Bearer ') ? token : `Bearer ${token}`) : undefined;
}

function mountSpa(app: Express, dist: string) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) =>
      res.type('text').send('Universal Webhook is running. The web app is not built: run `npm run build -w @uw/web`.'),
    );

    return;
  }
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (req, res, next) => {
    // Receivers take POST only, so GET /webhooks/... is the SPA's log page.
    if (req.method !== 'GET' || /^\/(trpc|lifecycle|auth|metrics)\b/.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index);
  });
}
