#!/usr/bin/env node
/**
 * `npm test`: runs every workspace's vitest suite through turbo, then adds up the JSON reports and prints
 * the closing line CI reads: `N passed, N failed` (plus skipped). Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = [
  'packages/flow-engine',
  'packages/clockify',
  'packages/db',
  'packages/simulator',
  'packages/api',
  'apps/server',
  'apps/web',
];
/** Every suite writes `.test-report*.json` (vitest's JSON reporter) in its workspace folder. */
const reportsOf = (ws) =>
  existsSync(join(root, ws))
    ? readdirSync(join(root, ws))
        .filter((f) => /^\.test-report.*\.json$/.test(f))
        .map((f) => join(root, ws, f))
    : [];
for (const ws of workspaces) for (const file of reportsOf(ws)) rmSync(file, { force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', UW_TEST_REPORT: '1' };
const run = spawnSync('npx', ['turbo', 'run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// The fault suites (kill -9, paused database…) run after the others, alone on the machine.
const faults = spawnSync('npm', ['run', 'test:faults', '--if-present', '-w', '@uw/server'], { cwd: root, env, stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const ws of workspaces) {
  const files = reportsOf(ws);
  if (files.length === 0 && existsSync(join(root, ws, 'package.json'))) missing.push(ws);
  for (const file of files) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (!report.success && (report.numFailedTests ?? 0) === 0) failed += report.numFailedTestSuites || 1;
  }
}
if (missing.length > 0) {
  console.log(`\nno test report from: ${missing.join(', ')}`);
}
const ok = run.status === 0 && faults.status === 0 && failed === 0 && passed > 0 && missing.length === 0;
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
