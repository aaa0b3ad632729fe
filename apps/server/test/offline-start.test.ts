import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { waitFor } from './utils';

const MAIN = resolve(import.meta.dirname, '../src/main.ts');
const OFFLINE = resolve(import.meta.dirname, 'offline-preload.mjs');
let child: ChildProcess | null = null;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

function startOffline(env: Record<string, string>) {
  const output: string[] = [];
  child = spawn(process.execPath, ['--import', OFFLINE, '--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => output.push(String(d)));
  child.stderr!.on('data', (d) => output.push(String(d)));

  return output;
}

describe('a production start with only the required variables and the seed-style values', () => {
  it("reaches no network: Clockify's key and OpenAPI document come from the repository", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'uw-offline-'));
    const output = startOffline({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      UW_BASE_URL: 'https://uw.example.com',
      UW_ENCRYPTION_KEY: '22'.repeat(32),
      UW_DATA_DIR: dataDir,
      LOG_LEVEL: 'INFO',
      UNIVERSAL_WEBHOOK_DB_URL: `sqlite+aiosqlite:///${join(dataDir, 'seed.db')}`,
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null))?.ok, 45_000, 200);
    const text = output.join('');
    expect(text).not.toContain('OFFLINE:');
    const lines = text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'Clockify API catalogue loaded')).toMatchObject({
      operations: 158,
      source: resolve(import.meta.dirname, '../../../openapi.json'),
    });
    expect(lines.some((l) => String(l.msg).includes("Clockify's published key"))).toBe(true);
    expect(existsSync(join(dataDir, 'seed.db'))).toBe(true);
  });

  it('its network guard does catch a connection to another host (so the check above can fail)', async () => {
    const probe = spawn(process.execPath, ['--import', OFFLINE, '-e', "fetch('http://192.0.2.1:8080/').catch(() => {})"], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    probe.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise((r) => probe.once('exit', r));
    expect(stderr).toContain('OFFLINE: refused a connection to 192.0.2.1:8080');
  });
});
