import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MINI_OPENAPI_PATH } from '../test/support/fixtures';
import { startTestServer, type TTestServer } from '../test/support/http-server';
import { CatalogueError, loadCatalogue } from './catalogue';
import { CLOCKIFY_OPENAPI_URL, syncOpenApi } from './sync';

const fixtureText = readFileSync(MINI_OPENAPI_PATH, 'utf8');

describe('syncOpenApi', () => {
  let server: TTestServer;
  const dir = mkdtempSync(join(tmpdir(), 'uw-sync-'));
  beforeAll(async () => {
    server = await startTestServer((req, res) => {
      const bodies: Record<string, [number, string]> = {
        '/openapi.json': [200, fixtureText],
        '/broken.json': [200, '{"openapi":"3.0.1","paths":{'],
        '/no-paths.json': [200, JSON.stringify({ openapi: '3.0.1', info: {} })],
        '/html': [200, '<html>maintenance</html>'],
      };
      const [status, text] = bodies[req.url] ?? [404, 'not found'];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  afterAll(() => server.close());

  it("defaults to Clockify's published document", () => {
    expect(CLOCKIFY_OPENAPI_URL).toBe('https://docs.clockify.me/openapi.json');
  });

  it('downloads a valid document from a URL and writes it byte for byte', async () => {
    const to = join(dir, 'nested', 'openapi.json');
    const result = await syncOpenApi({ from: `${server.url}/openapi.json`, to });
    expect(result).toMatchObject({ to, operations: 7, bytes: Buffer.byteLength(fixtureText) });
    expect(readFileSync(to, 'utf8')).toBe(fixtureText);
    expect((await loadCatalogue(to)).operations).toHaveLength(7);
  });

  it('copies from a local path too', async () => {
    const to = join(dir, 'from-path.json');
    await syncOpenApi({ from: MINI_OPENAPI_PATH, to });
    expect(readFileSync(to, 'utf8')).toBe(fixtureText);
  });

  it.each(['/broken.json', '/no-paths.json', '/html', '/missing.json'])(
    'refuses %s and leaves the existing file untouched',
    async (path) => {
      const to = join(dir, `keep${path.replace(/\W/g, '-')}.json`);
      writeFileSync(to, 'previous good copy');
      const err = await syncOpenApi({ from: `${server.url}${path}`, to }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CatalogueError);
      expect((err as Error).message).toMatch(/openapi:sync (refused|could not read)/);
      expect(readFileSync(to, 'utf8')).toBe('previous good copy');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('does not create the target when the source is bad', async () => {
    const to = join(dir, 'never.json');
    await expect(syncOpenApi({ from: `${server.url}/broken.json`, to })).rejects.toThrow(/not valid JSON/);
    expect(existsSync(to)).toBe(false);
  });
});
