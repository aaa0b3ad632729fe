#!/usr/bin/env node
/**
 * `npm test`: runs every workspace's vitest suite through turbo, then adds up the JSON reports and prints
 * the closing line CI reads: `N passed, N failed` (plus skipped). Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages/flow-engine', 'packages/clockify', 'packages/db', 'packages/simulator', 'packages/api', 'apps/server', 'apps/web'];
const reportOf = (ws) => join(root, ws, '.test-report.json');
for (const ws of workspaces) rmSync(reportOf(ws), { force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', UW_TEST_REPORT: '1' };
const run = spawnSync('npx', ['turbo', 'run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const ws of workspaces) {
  const file = reportOf(ws);
  if (!existsSync(file)) {
    if (existsSync(join(root, ws, 'package.json'))) missing.push(ws);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (!report.success && (report.numFailedTests ?? 0) === 0) failed += report.numFailedTestSuites || 1;
}
if (missing.length > 0) {
  console.log(`\nno test report from: ${missing.join(', ')}`);
}
const ok = run.status === 0 && failed === 0 && passed > 0;
if (!ok && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
