import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '@uw/simulator';

import { freePort } from '../test-faults/support/server-process';
import { installLikeClockify, REPO_ROOT, trpcClient, waitFor } from '../test/utils';

const SERVER_DIR = resolve(REPO_ROOT, 'apps/server');

/**
 * Production runs compiled JavaScript: `npm run build` bundles the server into apps/server/dist, and the
 * `start` script runs it with plain node. Started here exactly as that script says, in production mode, it
 * must find from dist/ what the sources find: migrations, the OpenAPI snapshot, the manifest, the built SPA,
 * and the expression sandbox's worker.
 */
describe('the compiled server (`npm run build`, then the start script)', () => {
  let sim: TSimulator;
  let child: ChildProcess;
  let url: string;
  let output = '';
  const ws = 'ffffffffffffffffffffff0d';
  const logLines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    await promisify(execFile)('npm', ['run', 'build'], { cwd: SERVER_DIR, env });
    const { scripts } = JSON.parse(readFileSync(join(SERVER_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [command, ...args] = scripts.start!.split(' ');
    expect(command).toBe('node');
    expect(args.at(-1)).toBe('dist/main.js');

    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 1 }] } });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, args, {
      cwd: SERVER_DIR,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        UW_BASE_URL: url,
        UW_DATA_DIR: mkdtempSync(join(tmpdir(), 'uw-compiled-')),
        UW_ENCRYPTION_KEY: '22'.repeat(32),
        UW_CLOCKIFY_PUBLIC_KEY: sim.publicKeyPem,
        // The simulated Clockify listens on loopback, which production refuses unless allowed.
        UW_CLOCKIFY_API_ALLOWLIST: '127.0.0.1:*',
        UW_BOOTSTRAP_RUN_ON_INSTALL: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += String(d)));
    child.stderr!.on('data', (d) => (output += String(d)));
    await waitFor(async () => (await fetch(`${url}/ready`).catch(() => null))?.ok, 30_000, 200);
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await sim?.close();
  });

  it('runs dist/main.js under plain node (no TypeScript loader) and answers /health and /ready', async () => {
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline.slice(1)).toEqual(['--max-old-space-size=192', 'dist/main.js']);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    const migrated = logLines().find((l) => l.msg === 'database migrations applied');
    expect((migrated?.applied as string[] | undefined)?.length).toBeGreaterThanOrEqual(1);
  });

  it('finds the OpenAPI snapshot, the manifest and the built SPA from dist/', async () => {
    const catalogue = logLines().find((l) => l.msg === 'Clockify API catalogue loaded');
    expect(catalogue).toMatchObject({ source: resolve(REPO_ROOT, 'openapi.json') });
    expect(catalogue!.operations).toBeGreaterThan(100);
    const manifest = (await (await fetch(`${url}/manifest.json`)).json()) as { baseUrl: string };
    expect(manifest.baseUrl).toBe(url);
    const page = await fetch(`${url}/webhooks`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toBe(readFileSync(resolve(REPO_ROOT, 'apps/web/dist/index.html'), 'utf8'));
  });

  it('evaluates flow expressions (the sandbox worker starts from dist/) and stops cleanly on SIGTERM', async () => {
    const installed = await installLikeClockify(sim, url, ws);
    expect(installed.status, JSON.stringify(installed)).toBe(200);
    const api = trpcClient(url, await sim.userToken(ws, { role: 'OWNER' }));
    const definition = {
      nodes: [
        { id: 't', kind: 'trigger' as const, position: { x: 0, y: 0 }, data: { source: 'clockify' as const, events: ['NEW_TAG'] } },
        { id: 'c', kind: 'condition' as const, position: { x: 1, y: 0 }, data: { expression: '$uppercase(payload.name) = "URGENT"' } },
      ],
      edges: [{ id: 'e', source: 't', target: 'c' }],
    };
    const passed = await api.flows.test.mutate({ definition, sample: { eventType: 'NEW_TAG', payload: { name: 'urgent' } } });
    const blocked = await api.flows.test.mutate({ definition, sample: { eventType: 'NEW_TAG', payload: { name: 'later' } } });
    expect(passed.outcome.trace.find((t) => t.nodeId === 'c')?.state).toBe('passed');
    expect(blocked.outcome.trace.find((t) => t.nodeId === 'c')?.state).toBe('blocked');

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logLines().some((l) => l.msg === 'stopped')).toBe(true);
  });
});
