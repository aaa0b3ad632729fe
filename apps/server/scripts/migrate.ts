/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { join } from 'node:path';

import { openDatabase } from '@uw/db';

import { readEnv } from '../src/env';

const env = readEnv();
const db = await openDatabase({
  url: env.UNIVERSAL_WEBHOOK_DB_URL,
  sqlitePath: join(env.UW_DATA_DIR, 'universal-webhook.db'),
  migrate: false,
});
try {
  const applied = await db.migrate();
  console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
