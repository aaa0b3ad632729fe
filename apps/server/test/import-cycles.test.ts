import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { buildImportGraph, findCycles } from './import-graph';
import { REPO_ROOT } from './utils';

const SOURCES = ['packages/api/src', 'packages/clockify/src', 'packages/db/src', 'packages/flow-engine/src', 'packages/simulator/src'];
const APPS = ['apps/server/src', 'apps/web/src'];

function scratchRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'uw-imports-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  return root;
}

describe('import graph', () => {
  it('has no import cycle in packages/*/src or apps/*/src (type-only imports count)', () => {
    const graph = buildImportGraph(REPO_ROOT, [...SOURCES, ...APPS]);
    expect(graph.size).toBeGreaterThan(300);
    const cycles = findCycles(graph, REPO_ROOT).map((cycle) => cycle.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('resolves workspace packages and reports a cycle through them with its path', () => {
    const root = scratchRepo({
      'packages/a/package.json': JSON.stringify({ name: '@x/a', exports: { '.': './src/index.ts' } }),
      'packages/a/src/index.ts': "export { b } from './b';\n",
      'packages/a/src/b.ts': "import type { TC } from '@x/c/types';\nexport const b = 1 as TC;\n",
      'packages/c/package.json': JSON.stringify({ name: '@x/c', exports: { '.': './src/index.ts', './types': './src/types.ts' } }),
      'packages/c/src/index.ts': 'export const c = 2;\n',
      'packages/c/src/types.ts': "import { b } from '@x/a';\nexport type TC = typeof b;\n",
      'packages/c/src/leaf.ts': "import { c } from './index';\nexport const leaf = c;\n",
    });
    const cycles = findCycles(buildImportGraph(root, ['packages/a/src', 'packages/c/src']), root);
    expect(cycles).toEqual([['packages/a/src/b.ts', 'packages/c/src/types.ts', 'packages/a/src/index.ts', 'packages/a/src/b.ts']]);
  });

  it('finds no cycle where imports only go one way', () => {
    const root = scratchRepo({
      'apps/s/src/main.ts': "import { x } from './lib/x';\nimport { y } from './lib';\nexport const m = x + y;\n",
      'apps/s/src/lib/index.ts': "export { x as y } from './x';\n",
      'apps/s/src/lib/x.ts': 'export const x = 1;\n',
    });
    const graph = buildImportGraph(root, ['apps/s/src']);
    expect(graph.get(join(root, 'apps/s/src/main.ts'))).toEqual([join(root, 'apps/s/src/lib/x.ts'), join(root, 'apps/s/src/lib/index.ts')]);
    expect(findCycles(graph, root)).toEqual([]);
  });
});
