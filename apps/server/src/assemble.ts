import { resolve } from 'node:path';

import type { Logger } from 'pino';

import { createApp } from './app';
import type { TServerDeps } from './deps';
import type { TEnv } from './env';
import { buildManifest } from './manifest';
import type { TReadiness } from './readiness';
import { REPO_ROOT } from './repo-root';

/** The Express app for these deps: the served manifest, the built SPA, metrics. Shared by main.ts and tests. */
export function assembleApp({ env, deps, logger, readiness }: { env: TEnv; deps: TServerDeps; logger: Logger; readiness: TReadiness }) {
  const manifest = () =>
    buildManifest(resolve(REPO_ROOT, 'manifest.json'), {
      baseUrl: deps.api.config.baseUrl,
      addonKey: env.UW_ADDON_KEY,
      defaults: deps.api.config.settingsDefaults,
    });

  return createApp({
    runtime: deps.runtime,
    logger,
    readiness,
    manifest,
    webDist: resolve(REPO_ROOT, env.UW_WEB_DIST || 'apps/web/dist'),
    devLogin: env.UW_DEV_LOGIN,
    devLoginWorkspace: env.UW_DEV_LOGIN_WORKSPACE || undefined,
    bodyLimitBytes: env.UW_WEBHOOK_BODY_LIMIT_BYTES,
    maxBodyBytes: env.UW_MAX_BODY_BYTES,
    refusals: deps.refusals,
    metrics: deps.metrics.handler(env.UW_METRICS_TOKEN),
  });
}
