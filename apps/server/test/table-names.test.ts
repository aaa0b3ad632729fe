import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './utils';

/** Only the data layer (packages/db/src/data, migrations, db tests) may name a table. */
const GUARDED = ['packages/api/src', 'apps/server/src'];
/** The issue's check (`grep "'universal_webhook_"`), double quotes too; prose in comments may name a table. */
const TABLE_LITERAL = /['"]universal_webhook_/;

const isTestFile = (path: string) => /\.test\.tsx?$/.test(path) || path.split('/').includes('test');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);

    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** `path:line: text` for every line of a non-test source file under `dirs` that names a table. */
function tableLiterals(root: string, dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    sourceFiles(join(root, dir))
      .map((file) => relative(root, file))
      .filter((file) => !isTestFile(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (TABLE_LITERAL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      ),
  );
}

describe('table names live in the data layer', () => {
  it('no non-test source file of packages/api/src or apps/server/src names a universal_webhook_* table', () => {
    const offenders = tableLiterals(REPO_ROOT, GUARDED);
    expect(offenders, `call a query module of @uw/db (packages/db/src/data) instead:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('reports each offending line with its path, and ignores tests', () => {
    const root = mkdtempSync(join(tmpdir(), 'uw-tables-'));
    const files: Record<string, string> = {
      'packages/api/src/services/a.ts': "const x = 1;\nconst rows = knex('universal_webhook_log');\n",
      'packages/api/src/services/a.test.ts': "knex('universal_webhook_log');\n",
      'apps/server/src/b.ts': '/** Rows of `universal_webhook_flow`. */\nconst t = "universal_webhook_flow";\n',
      'apps/server/src/c.ts': "import { TABLE } from '@uw/db';\nknex(TABLE.log);\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect(tableLiterals(root, GUARDED)).toEqual([
      "packages/api/src/services/a.ts:2: const rows = knex('universal_webhook_log');",
      'apps/server/src/b.ts:2: const t = "universal_webhook_flow";',
    ]);
  });
});
