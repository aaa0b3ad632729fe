import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createCatalogueHolder, OPENAPI_SNAPSHOT, openApiSources } from '../src/catalogue';
import { readEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { CLOCKIFY_FIXTURES, REPO_ROOT } from './utils';

/** The clockify package's small test document: 7 operations, so it is told apart from the snapshot's 158. */
const MINI = join(REPO_ROOT, 'packages/clockify/test/fixtures/mini-openapi.json');

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      cb();
    },
  });

  return { logger: createLogger('info', sink), lines };
}

async function load(env: Record<string, string>) {
  const { logger, lines } = memoryLogger();
  const holder = await createCatalogueHolder(openApiSources(readEnv(env)), logger);

  return { holder, lines };
}

describe("Clockify's OpenAPI document at start", () => {
  it('is the committed snapshot by default: 158 operations, read from the repository, nothing fetched', async () => {
    expect(OPENAPI_SNAPSHOT).toBe(CLOCKIFY_FIXTURES.openapi);
    const dataDir = mkdtempSync(join(tmpdir(), 'uw-cat-'));
    const { holder, lines } = await load({ UW_DATA_DIR: dataDir });
    expect(holder.get()?.operations).toHaveLength(158);
    expect(holder.error()).toBeNull();
    expect(lines.find((l) => l.msg === 'Clockify API catalogue loaded')).toMatchObject({ source: OPENAPI_SNAPSHOT, operations: 158 });
  });

  it('prefers the full copy `npm run openapi:sync` left in the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uw-cat-'));
    copyFileSync(MINI, join(dataDir, 'openapi.json'));
    expect(openApiSources(readEnv({ UW_DATA_DIR: dataDir }))).toEqual([join(dataDir, 'openapi.json'), OPENAPI_SNAPSHOT]);
    const { holder } = await load({ UW_DATA_DIR: dataDir });
    expect(holder.get()?.operations).toHaveLength(7);
  });

  it('takes UW_CLOCKIFY_OPENAPI over the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uw-cat-'));
    writeFileSync(join(dataDir, 'openapi.json'), '{ broken');
    const { holder } = await load({ UW_DATA_DIR: dataDir, UW_CLOCKIFY_OPENAPI: MINI });
    expect(holder.get()?.operations).toHaveLength(7);
  });

  it('falls back to the snapshot, with a warning naming the file, when the preferred copy is missing or broken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uw-cat-'));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'openapi.json'), '{ broken');
    const broken = await load({ UW_DATA_DIR: dataDir });
    expect(broken.holder.get()?.operations).toHaveLength(158);
    expect(broken.lines.find((l) => l.msg === 'Clockify OpenAPI document unusable')).toMatchObject({
      level: 40,
      source: join(dataDir, 'openapi.json'),
      err: expect.objectContaining({ message: expect.stringMatching(/not valid JSON/), stack: expect.any(String) }),
    });
    const missing = await load({ UW_DATA_DIR: dataDir, UW_CLOCKIFY_OPENAPI: join(dataDir, 'nowhere.json') });
    expect(missing.holder.get()?.operations).toHaveLength(158);
    expect(missing.lines.some((l) => l.msg === 'Clockify OpenAPI document unusable' && l.source === join(dataDir, 'nowhere.json'))).toBe(
      true,
    );
  });

  it('says how to sync when no document is usable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-cat-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify({ hello: 'world' }));
    const { logger } = memoryLogger();
    const holder = await createCatalogueHolder([join(dir, 'openapi.json')], logger);
    expect(holder.get()).toBeNull();
    expect(holder.error()).toMatch(/not OpenAPI 3.*npm run openapi:sync/s);
  });
});
