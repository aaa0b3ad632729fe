/**
 * `npm run demo`: a simulated Clockify next to the real product on SQLite (./data/demo), the add-on
 * installed into a simulated workspace, a sample flow, and a trickle of realistic events. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { runDemoTraffic, startSimulator } from '@uw/simulator';

import { ensureDemoFlow } from './demo-flow';

const root = resolve(import.meta.dirname, '../../..');
const port = Number(process.env.PORT ?? 8001);
const base = `http://localhost:${port}`;
const dataDir = join(root, 'data/demo');
mkdirSync(dataDir, { recursive: true });

const sim = await startSimulator({ port: 4010, emitOnApiChanges: true });
const ws = sim.workspace();
const keyFile = join(dataDir, 'simulator-public-key.pem');
writeFileSync(keyFile, sim.publicKeyPem);
// The full document `npm run openapi:sync` keeps in ./data when there is one; else the server's default, the snapshot.
const synced = join(root, 'data/openapi.json');

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    UW_BASE_URL: base,
    UW_DATA_DIR: dataDir,
    UW_CLOCKIFY_PUBLIC_KEY: keyFile,
    UW_CLOCKIFY_API_ALLOWLIST: '127.0.0.1:4010',
    // the development login (and so a reload's sign-in screen) lands in the simulated workspace, where events arrive
    UW_DEV_LOGIN_WORKSPACE: ws.id,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(existsSync(synced) ? { UW_CLOCKIFY_OPENAPI: synced } : {}),
  },
});
const stop = async () => {
  server.kill('SIGTERM');
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.on('exit', (code) => {
  if (code) console.error(`the product exited with code ${code}`);
});

for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/ready`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) break;
  if (i > 120) throw new Error('the product did not become ready within a minute');
  await new Promise((r) => setTimeout(r, 500));
}
const installed = await sim.installInto(base, ws.id);
console.log(`\nSimulated Clockify: ${sim.url}   workspace ${ws.name} (${ws.id})`);
console.log(`Add-on installed: HTTP ${installed.status}`);
const ownerToken = await sim.userToken(ws.id, { role: 'OWNER' });
const flow = await ensureDemoFlow(base, ownerToken);
console.log(`Sample flow "${flow.name}" ${flow.created ? 'created and enabled' : 'already there'}: ${base}/flows/${flow.id}`);
console.log(`Open ${base}/?auth_token=${ownerToken}`);
console.log(`(or ${base} and "Development login": it signs in to this simulated workspace)\n`);
runDemoTraffic({
  sim,
  addonBaseUrl: base,
  workspaceId: ws.id,
  everyMs: 2_000,
  mode: 'emit',
  onEvent: (e) => console.log(`event ${e.eventType} → ${e.statuses.join(', ')}`),
});
