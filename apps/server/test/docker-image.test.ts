import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const dockerfile = read('docker/Dockerfile');
/** The instructions of the image that ships: everything after the last FROM. */
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const ignored = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('the Docker image', () => {
  it("is built without the host's node_modules, local data (the development key), builds or .env files", () => {
    for (const entry of ['**/node_modules', 'data', '**/dist', '.env', '.git']) expect(ignored).toContain(entry);
    expect(ignored).not.toContain('openapi.json');
    expect(ignored).not.toContain('fixtures');
  });

  it('runs as an unprivileged user with a health check on /ready', () => {
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime.indexOf('USER ')).toBeLessThan(runtime.indexOf('CMD '));
    expect(runtime).toMatch(/HEALTHCHECK [^\n]*\\\n\s+CMD node -e "fetch\('http:\/\/127\.0\.0\.1:'\+\(process\.env\.PORT\|\|8001\)\+'\/ready'\)/);
  });

  it("carries the OpenAPI snapshot, so it needs no network at start; compose no longer points the server at a missing copy", () => {
    expect(runtime).toMatch(/^COPY --from=build [^\n]*\/app\/openapi\.json \.\/$/m);
    const compose = read('docker/compose.yaml');
    expect(compose).not.toContain('UW_CLOCKIFY_OPENAPI');
    expect(compose).not.toMatch(/UW_CLOCKIFY_PUBLIC_KEY:\?/);
  });
});
