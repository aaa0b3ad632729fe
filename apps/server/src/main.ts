import { assembleApp } from './assemble';
import { createBackground } from './background';
import { createDeps } from './deps';
import { readEnv } from './env';
import { logDestination } from './log-format';
import { createLogger } from './logger';
import { startProcess } from './process';
import { createReadiness } from './readiness';

const env = readEnv();
const logger = createLogger(env.LOG_LEVEL, logDestination(env.UW_LOG_FORMAT));
const deps = await createDeps(env, logger);
const readiness = createReadiness(deps.db, logger);
const app = assembleApp({ env, deps, logger, readiness });

await startProcess({ env, logger, app, deps, readiness, background: createBackground(env, deps) });
