import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const SKIP = new Set(['node_modules', '.git', 'data', 'dist', '.turbo', '.cache', 'coverage', 'test-artifacts', 'bench-results']);
const CODE = new Set(['.ts', '.tsx', '.mts', '.mjs', '.js', '.cjs', '.json', '.sh', '.yaml', '.yml']);

function* codeFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP.has(entry.name)) yield* codeFiles(join(dir, entry.name));
    else if (entry.isFile() && (CODE.has(extname(entry.name)) || entry.name === 'Dockerfile' || entry.name === 'run'))
      yield join(dir, entry.name);
  }
}

describe('the repository', () => {
  it('reads nothing beside itself: no code, script or config names the shared folder beside it', () => {
    const readers: string[] = [];
    let scanned = 0;
    for (const file of codeFiles(root)) {
      scanned++;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/\.\.\/(?:\.\.\/)*shared(?:\/|['"`])/.test(line)) readers.push(`${relative(root, file)}:${i + 1}`);
      });
    }
    expect(scanned).toBeGreaterThan(300);
    expect(readers).toEqual([]);
  });
});
