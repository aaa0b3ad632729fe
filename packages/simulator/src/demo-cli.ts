/**
 * `npm run demo -w @uw/simulator -- --addon http://127.0.0.1:3000 [--port 4010] [--every 1500] [--direct]`
 * Starts the simulator, installs the add-on found at --addon (if given) and sends a stream of webhooks.
 * The product side (starting the add-on against this simulator) is wired by the root `npm run demo`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { runDemoTraffic } from './demo';
import { startSimulator } from './start-simulator';

const { values } = parseArgs({
  options: {
    addon: { type: 'string' },
    port: { type: 'string', default: '4010' },
    every: { type: 'string', default: '1500' },
    direct: { type: 'boolean', default: false },
  },
});

const sim = await startSimulator({ port: Number(values.port) });
const keyPath = join(tmpdir(), `uw-simulator-${new URL(sim.url).port}.pub.pem`);
writeFileSync(keyPath, sim.publicKeyPem);
const ws = sim.workspace();
console.log(`Clockify simulator on ${sim.url} (public key ${keyPath}), workspace ${ws.id}`);

if (values.addon) {
  const installed = await sim.installInto(values.addon, ws.id);
  console.log(`INSTALLED → ${values.addon}: HTTP ${installed.status}${installed.error ? ` (${installed.error})` : ''}`);
  const traffic = runDemoTraffic({
    sim,
    addonBaseUrl: values.addon,
    workspaceId: ws.id,
    everyMs: Number(values.every),
    mode: values.direct ? 'direct' : 'emit',
    onEvent: (e) => console.log(`${new Date().toISOString()} ${e.eventType} → ${e.statuses.join(', ') || 'no webhook registered'}`),
  });
  process.on('SIGINT', () => {
    traffic.stop();
    void sim.close().then(() => process.exit(0));
  });
} else {
  console.log('no --addon given: serving the API only (Ctrl-C to stop)');
  process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
}
