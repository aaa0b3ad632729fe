/**
 * Issue 14, done-when: the repository clones into an empty folder with nothing beside it, and there `npm ci`
 * (offline, from the npm cache the main install filled) and the unit suites of every package pass. Every Node
 * process of those suites runs with a preload that refuses connections beyond loopback, so a test that reaches
 * the network fails here.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../src/repo-root';

const OFFLINE = resolve(import.meta.dirname, '../test/offline-preload.mjs');
const PACKAGES = ['packages/flow-engine', 'packages/clockify', 'packages/db', 'packages/simulator', 'packages/api'];
const MINUTE = 60_000;

const parent = mkdtempSync(join(tmpdir(), 'uw-fresh-'));
const clone = join(parent, 'universal-webhook');

function run(command: string, args: string[], opts: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }) {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    timeout: opts.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');

  return { status: result.status, tail };
}

describe('a fresh clone with nothing beside it', () => {
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('clones into an empty folder and installs offline with npm ci', () => {
    const cloned = run('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, clone], { cwd: parent, timeoutMs: MINUTE });
    expect(cloned.status, cloned.tail).toBe(0);
    expect(readdirSync(parent)).toEqual(['universal-webhook']);

    const startedAt = Date.now();
    const installed = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: clone, timeoutMs: 8 * MINUTE });
    expect(installed.status, installed.tail).toBe(0);
    console.log(`[fresh clone] npm ci --offline: ${Math.round((Date.now() - startedAt) / 1000)} s`);
  }, 10 * MINUTE);

  it.each(PACKAGES)('%s: its unit suites pass there, with no connection beyond loopback', (workspace) => {
    const env = { ...process.env, UW_TEST_REPORT: '', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${OFFLINE}`.trim() };
    const tested = run('npx', ['vitest', 'run', '--reporter=dot'], { cwd: join(clone, workspace), timeoutMs: 8 * MINUTE, env });
    expect(tested.status, tested.tail).toBe(0);
    expect(tested.tail).not.toContain('OFFLINE: refused');
  }, 10 * MINUTE);
});
