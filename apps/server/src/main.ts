import { resolve } from 'node:path';

import { createApp } from './app';
import { createBackground } from './background';
import { baseUrlOf, createDeps } from './deps';
import { readEnv } from './env';
import { createLogger } from './logger';
import { buildManifest } from './manifest';
import { createReadiness } from './readiness';
import { startProcess } from './process';

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL);
const root = resolve(import.meta.dirname, '../../..');
const deps = await createDeps(env, logger);
const readiness = createReadiness(deps.db, logger);
const manifest = () =>
  buildManifest(resolve(root, 'manifest.json'), {
    baseUrl: baseUrlOf(env),
    addonKey: env.UW_ADDON_KEY,
    defaults: deps.api.config.settingsDefaults,
  });
const app = createApp({
  runtime: deps.runtime,
  logger,
  readiness,
  manifest,
  webDist: resolve(root, 'apps/web/dist'),
  devLogin: env.UW_DEV_LOGIN,
  bodyLimitBytes: env.UW_WEBHOOK_BODY_LIMIT_BYTES,
  metrics: deps.metrics.handler(env.UW_METRICS_TOKEN),
});

await startProcess({ env, logger, app, deps, readiness, background: createBackground(env, deps.runtime) });
