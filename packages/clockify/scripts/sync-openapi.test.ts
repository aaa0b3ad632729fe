import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH, PACKAGE_ROOT } from '../test/support/fixtures';

const run = promisify(execFile);
const TSX = join(PACKAGE_ROOT, '../../node_modules/.bin/tsx');
const SCRIPT = join(PACKAGE_ROOT, 'scripts/sync-openapi.ts');

describe('scripts/sync-openapi.ts', () => {
  it('writes --from to --to and reports what it did', async () => {
    const to = join(mkdtempSync(join(tmpdir(), 'uw-sync-cli-')), 'openapi.json');
    const { stdout } = await run(TSX, [SCRIPT, '--from', MINI_OPENAPI_PATH, '--to', to], { cwd: tmpdir() });
    expect(stdout).toMatch(/wrote .*openapi\.json \(7 operations/);
    expect(readFileSync(to, 'utf8')).toBe(readFileSync(MINI_OPENAPI_PATH, 'utf8'));
  });

  it('exits non-zero with a clear message on a bad source, keeping the old file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-sync-cli-'));
    const bad = join(dir, 'bad.json');
    const to = join(dir, 'openapi.json');
    writeFileSync(bad, '{ nope');
    writeFileSync(to, 'old');
    const err = await run(TSX, [SCRIPT, '--from', bad, '--to', to], { cwd: dir }).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect((err as { stderr: string }).stderr).toMatch(/refused .*not valid JSON/);
    expect(readFileSync(to, 'utf8')).toBe('old');
  });

  it("prints its defaults: Clockify's URL into the data folder, never over the committed snapshot", async () => {
    const { stdout } = await run(TSX, [SCRIPT, '--help']);
    expect(stdout).toContain('https://docs.clockify.me/openapi.json');
    expect(stdout).toContain(`default --to   ${join(PACKAGE_ROOT, '../../data/openapi.json')}`);
  });
});
