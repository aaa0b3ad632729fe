import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { waitFor } from './utils';

const MAIN = resolve(import.meta.dirname, '../src/main.ts');
let child: ChildProcess | null = null;

function startMain(env: Record<string, string>) {
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const output: string[] = [];
  child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: port,
      HOST: '127.0.0.1',
      UW_DATA_DIR: mkdtempSync(join(tmpdir(), 'uw-main-')),
      UW_CLOCKIFY_OPENAPI: '/nonexistent/openapi.json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));

  return { url: `http://127.0.0.1:${port}`, output, proc: child };
}

const exitOf = (proc: ChildProcess) => new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

describe('the server process', () => {
  it('starts on SQLite by default, serves /ready, and stops cleanly on SIGTERM', async () => {
    const { url, output, proc } = startMain({});
    await waitFor(async () => (await fetch(`${url}/ready`).catch(() => null))?.ok, 30_000, 200);
    const exited = exitOf(proc);
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('"msg":"stopped"');
  });

  it('stops at once with a message naming a bad variable', async () => {
    const { proc, output } = startMain({ UW_BOOTSTRAP_MAX_RPS: '500' });
    expect(await exitOf(proc)).not.toBe(0);
    expect(output.join('')).toMatch(/UW_BOOTSTRAP_MAX_RPS: must be at most 50/);
  });

  it('keeps running with an unreachable PostgreSQL and reports why on /ready', async () => {
    const { url } = startMain({ UNIVERSAL_WEBHOOK_DB_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    await waitFor(async () => (await fetch(`${url}/health`).catch(() => null))?.ok, 30_000, 200);
    const res = await fetch(`${url}/ready`);
    expect(res.status).toBe(503);
    expect((await res.json()).reason).toMatch(/database|migrations/);
  });
});
