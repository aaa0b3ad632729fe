/**
 * `npm run cli -w @uw/simulator -- [--port 4010] [--workspaces 1] [--openapi path|none] [--rate-limit 50]
 *   [--addon-key universal-webhook] [--key-out file.pem] [--install http://localhost:3000]`
 * Starts a local Clockify, prints its URLs, where its public key was written, and each workspace's token.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { startSimulator } from './start-simulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    workspaces: { type: 'string', default: '1' },
    openapi: { type: 'string' },
    'rate-limit': { type: 'string', default: '50' },
    'addon-key': { type: 'string', default: 'universal-webhook' },
    'key-out': { type: 'string' },
    install: { type: 'string' },
  },
});

const sim = await startSimulator({
  port: Number(values.port),
  host: values.host,
  seed: { workspaces: Array.from({ length: Math.max(1, Number(values.workspaces)) }, () => ({})) },
  openapiPath: values.openapi === 'none' ? false : values.openapi,
  rateLimitPerSecond: Number(values['rate-limit']),
  addonKey: values['addon-key'],
});
const keyPath = values['key-out'] ?? join(tmpdir(), `uw-simulator-${new URL(sim.url).port}.pub.pem`);
writeFileSync(keyPath, sim.publicKeyPem);

console.log(`Clockify simulator listening on ${sim.url}`);
console.log(`  apiUrl      ${sim.apiUrl}`);
console.log(`  reportsUrl  ${sim.reportsUrl}`);
console.log(`  public key  ${keyPath}`);
console.log(`  validation  ${sim.validation.enabled ? `on (${sim.validation.source})` : 'off'}`);
for (const notice of sim.notices) console.log(`  notice      ${notice}`);
for (const ws of sim.workspaces) console.log(`  workspace   ${ws.id} "${ws.name}" token ${ws.token}`);
if (values.install) {
  for (const ws of sim.workspaces) {
    const result = await sim.installInto(values.install, ws.id);
    console.log(`  installed   ${ws.id} into ${values.install}: HTTP ${result.status}${result.error ? ` (${result.error})` : ''}`);
  }
}

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
