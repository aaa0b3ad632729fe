import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SERVER_NODE_ARGS } from '../test-faults/support/server-process';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

/** The benchmark and the fault suites measure the server as it ships: the same V8 flags everywhere. */
describe('the server runs with the same V8 flags wherever it starts', () => {
  it.each(SERVER_NODE_ARGS)('%s is in `npm start` and in the Dockerfile', (flag) => {
    const pkg = JSON.parse(read('apps/server/package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(flag);
    expect(read('docker/Dockerfile')).toContain(`"${flag}"`);
  });
});
