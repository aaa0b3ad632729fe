import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ALL_ENTITIES } from '@uw/db';

import { REPO_ROOT } from './utils';

/** tRPC routers and the server's HTTP routes: they call a service, never the data layer or the ORM. */
const GUARDED = ['packages/api/src/routers', 'apps/server/src/http'];

const ENTITY_NAMES = new Set<string>(ALL_ENTITIES.map((e) => e.meta.className));
/** What only the data layer (and services through it) may use: a fork, the query builder, an entity manager. */
const ORM_CALLS: [RegExp, string][] = [
  [/\bdb\s*\.\s*fork\s*\(/, 'db.fork()'],
  [/\.\s*knex\s*\(/, '.knex()'],
  [/\bem\s*\.\s*\w+/, 'an entity manager (em.…)'],
  [/\b(nativeUpdate|nativeDelete|nativeInsert|findOneOrFail|persistAndFlush|transactional)\s*\(/, 'an ORM call'],
];
const DB_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"]@uw\/db['"]/g;

const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);

    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

/** Value imports from @uw/db that are entities (or the table map); type-only imports are fine. */
function entityImports(text: string): string[] {
  return [...text.matchAll(DB_IMPORT)].flatMap((m) => {
    if (m[1]) return [];

    return m[2]
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('type '))
      .map((s) => s.split(/\s+as\s+/)[0]!.trim())
      .filter((name) => ENTITY_NAMES.has(name) || name === 'TABLE');
  });
}

/** `path:line: what` for every data access in a non-test file under `dirs`. */
function offenders(root: string, dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    sourceFiles(join(root, dir))
      .map((file) => relative(root, file))
      .sort()
      .filter((file) => !isTestFile(file))
      .flatMap((file) => {
        const text = readFileSync(join(root, file), 'utf8');
        const imports = entityImports(text).map((name) => `${file}: imports ${name} from @uw/db`);
        const calls = text.split('\n').flatMap((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (/^\s*(\*|\/\*)/.test(code)) return [];

          return ORM_CALLS.filter(([re]) => re.test(code)).map(([, what]) => `${file}:${i + 1}: ${what}: ${line.trim()}`);
        });

        return [...imports, ...calls];
      }),
  );
}

describe('routers call services, never the data layer', () => {
  it('no router of packages/api/src/routers and no route of apps/server/src/http imports an entity or calls the ORM', () => {
    const found = offenders(REPO_ROOT, GUARDED);
    expect(
      found,
      `move the data access into a service (packages/api/src/services), which calls @uw/db's query modules:\n${found.join('\n')}`,
    ).toEqual([]);
  });

  it('knows the entities it looks for', () => {
    expect(ENTITY_NAMES).toContain('Installation');
    expect(ENTITY_NAMES).toContain('Flow');
    expect(ENTITY_NAMES.size).toBe(ALL_ENTITIES.length);
  });

  it('reports entity imports and ORM calls with their place, and ignores type imports, comments and tests', () => {
    const root = mkdtempSync(join(tmpdir(), 'uw-routers-'));
    const files: Record<string, string> = {
      'packages/api/src/routers/a.router.ts': [
        "import { Flow, newId, type TFlow } from '@uw/db';",
        'export const r = () => ctx.deps.db.fork().find(Flow, {});',
      ].join('\n'),
      'packages/api/src/routers/b.router.ts': [
        "import type { Installation } from '@uw/db';",
        '// em.find(Installation) in a comment',
        ' * db.fork() in a doc comment',
        'export const r = () => listFlows(ctx.deps, ctx.caller);',
      ].join('\n'),
      'packages/api/src/routers/c.router.test.ts': "import { Flow } from '@uw/db';\nem.find(Flow);\n",
      'apps/server/src/http/d.routes.ts': [
        "import { Installation as I } from '@uw/db';",
        'const em = deps.orm;',
        'await em.insert(I, row);',
        "await ctx.deps.db.knex()('t').delete();",
      ].join('\n'),
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect(offenders(root, GUARDED)).toEqual([
      'packages/api/src/routers/a.router.ts: imports Flow from @uw/db',
      'packages/api/src/routers/a.router.ts:2: db.fork(): export const r = () => ctx.deps.db.fork().find(Flow, {});',
      'apps/server/src/http/d.routes.ts: imports Installation from @uw/db',
      'apps/server/src/http/d.routes.ts:3: an entity manager (em.…): await em.insert(I, row);',
      "apps/server/src/http/d.routes.ts:4: .knex(): await ctx.deps.db.knex()('t').delete();",
    ]);
  });
});
