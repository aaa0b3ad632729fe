import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSimulator, type TSimulator } from '@uw/simulator';

import { installLikeClockify, REPO_ROOT, startTestServer, trpcClient, waitFor, type TTestServer } from './utils';

const CLIENT_DIR = resolve(REPO_ROOT, 'packages/client');
const EXAMPLE_DIR = resolve(REPO_ROOT, 'examples/consumer-service');
const { version } = JSON.parse(readFileSync(join(CLIENT_DIR, 'package.json'), 'utf8')) as { version: string };

/** npm run from the workspace passes npm_* settings down; a project outside the workspace must not see them. */
const cleanEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS'));

async function run(cmd: string, args: string[], { cwd, timeoutMs = 180_000 }: { cwd: string; timeoutMs?: number }) {
  try {
    const { stdout, stderr } = await promisify(execFile)(cmd, args, { cwd, env: cleanEnv(), timeout: timeoutMs, maxBuffer: 16 << 20 });

    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };

    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * The acceptance test: @uw/client built and packed as npm would publish it, installed into a
 * project outside the workspace (the examples/consumer-service sample), type-checked, and run against a
 * real server.
 */
describe('@uw/client, installed from its tarball by another service', () => {
  let project: string;
  let sim: TSimulator;
  let server: TTestServer;
  const ws = 'ffffffffffffffffffffff0c';
  let ownerToken: string;

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'uw-consumer-'));
    for (const entry of ['package.json', 'tsconfig.json', 'src'])
      cpSync(join(EXAMPLE_DIR, entry), join(project, entry), { recursive: true });
    // `npm pack` builds the package first (prepack), as `npm publish` would.
    const packed = await run('npm', ['pack', '--pack-destination', project], { cwd: CLIENT_DIR });
    expect(packed.code, packed.output).toBe(0);
    const installed = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project });
    expect(installed.code, installed.output).toBe(0);

    sim = await startSimulator({ seed: { workspaces: [{ id: ws, users: 1, projects: 1 }] } });
    server = await startTestServer({ dialect: 'sqlite', clockifyPem: sim.publicKeyPem });
    await installLikeClockify(sim, server.url, ws);
    ownerToken = await sim.userToken(ws, { role: 'OWNER' });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await sim?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('ships built ESM, one declaration file that imports only tRPC, a README and a changelog', () => {
    const installed = join(project, 'node_modules/@uw/client');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.version).toBe(version);
    expect(pkg.private).toBeUndefined();
    expect(Object.keys(pkg.dependencies as object).sort()).toEqual(['@trpc/client', '@trpc/server', 'eventsource']);
    expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'README.md', 'dist', 'package.json']);
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['index.d.ts', 'index.js']);
    const declaration = readFileSync(join(installed, 'dist/index.d.ts'), 'utf8');
    const imported = [...declaration.matchAll(/from\s+'([^']+)'|import\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
    expect(new Set(imported)).toEqual(new Set(['@trpc/client', '@trpc/server']));
    expect(declaration).not.toMatch(/@uw\/|@mikro-orm|\bexpress\b|\bpino\b/);
    expect(readFileSync(join(installed, 'CHANGELOG.md'), 'utf8')).toContain(`## ${version}`);
  });

  it('type-checks the consumer with tsc --noEmit, and refuses a wrong procedure name and a wrong input', async () => {
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    const good = await run(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: project });
    expect(good.output).toBe('');
    expect(good.code).toBe(0);

    writeFileSync(
      join(project, 'src/mistakes.ts'),
      [
        "import { createClient } from '@uw/client';",
        "const uw = createClient({ url: 'http://localhost:8001', token: 'uwk_x' });",
        'export const typo = uw.webhooks.lst.query({});',
        'export const badInput = uw.flows.create.mutate({ name: 42, definition: { nodes: [], edges: [] } });',
      ].join('\n'),
    );
    try {
      const bad = await run(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: project });
      expect(bad.code).not.toBe(0);
      expect(bad.output).toMatch(/mistakes\.ts\(3,\d+\): error TS2551: Property 'lst' does not exist/);
      expect(bad.output).toMatch(/mistakes\.ts\(4,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
      expect(bad.output.match(/error TS/g)).toHaveLength(2);
    } finally {
      rmSync(join(project, 'src/mistakes.ts'));
    }
  });

  it('runs against a real server: lists webhooks, creates a flow, receives a live webhook over SSE', async () => {
    const admin = trpcClient(server.url, ownerToken);
    const { key } = await admin.keys.create.mutate({ name: 'consumer service', scope: 'write' });
    await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_TAG' });
    await waitFor(async () => (await admin.webhooks.list.query({ limit: 5 })).items.length === 1);

    const built = await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project });
    expect(built.code, built.output).toBe(0);
    const child = spawn(process.execPath, ['dist/index.js', '--follow', '1'], {
      cwd: project,
      env: { ...cleanEnv(), UW_URL: server.url, UW_SERVICE_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      await waitFor(async () => output.includes('following live webhooks'), 20_000);
      // The subscription opens just after that line: keep sending until the consumer has seen one.
      let done = false;
      void exited.then(() => (done = true));
      while (!done) {
        await sim.sendWebhook({ addonUrl: server.url, workspaceId: ws, eventType: 'NEW_CLIENT' });
        await Promise.race([exited, new Promise((r) => setTimeout(r, 400))]);
      }
      expect(await exited, output).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }

    expect(output).toMatch(/recent webhooks: 1\n {2}\S+ {2}NEW_TAG {2}\w+/);
    const created = /created flow (\S+) "Tag every new client" \(enabled: false\)/.exec(output);
    expect(created, output).not.toBeNull();
    expect(output).toMatch(/live: \S+ {2}NEW_CLIENT {2}\w+/);
    const flows = await admin.flows.list.query();
    expect(flows.find((f) => f.id === created![1])).toMatchObject({ name: 'Tag every new client', enabled: false });
  });
});
