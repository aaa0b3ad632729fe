import type { Server } from 'node:http';

import type { Express } from 'express';
import type { Logger } from 'pino';

import type { TServerDeps } from './deps';
import type { TEnv } from './env';
import type { TReadiness } from './readiness';

export type TBackground = { start(): void; stop(): Promise<void> };

type TProcessOptions = {
  env: TEnv;
  logger: Logger;
  app: Express;
  deps: TServerDeps;
  readiness: TReadiness;
  background?: TBackground[];
};

/**
 * Listens, brings the database up to date (retrying while it is down), starts the background loops for
 * this process's role, and shuts down gracefully on SIGTERM/SIGINT: stop accepting, finish in-flight
 * requests and jobs, flush pending writes, close the database.
 */
export async function startProcess(opts: TProcessOptions): Promise<Server> {
  const { env, logger, app, deps, readiness } = opts;
  const controller = new AbortController();
  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  logger.info({ port: env.PORT, role: env.UW_ROLE, db: deps.db.dialect }, 'Universal Webhook listening');

  void readiness.migrateUntilReady(controller.signal).then(async () => {
    if (controller.signal.aborted) return;
    await deps.runtime.flowIndex.refresh().catch((err: unknown) => logger.error({ err }, 'flow index load failed'));
    deps.runtime.flowIndex.start();
    for (const job of opts.background ?? []) job.start();
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error({}, 'shutdown timed out; exiting');
      process.exit(1);
    }, env.UW_SHUTDOWN_TIMEOUT_MS);
    force.unref();
    controller.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await Promise.all((opts.background ?? []).map((job) => job.stop()));
    await deps.runtime.close();
    await deps.db.close();
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  return server;
}
