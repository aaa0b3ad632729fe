import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import * as engine from './index';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === '__tests__' || name === '__fixtures__' ? [] : sourceFiles(path);
    }

    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('@uw/flow-engine entry point', () => {
  it('exports the public API', () => {
    for (const name of [
      'ZFlowDefinitionSchema',
      'validateFlow',
      'createEvaluator',
      'createRe2Engine',
      'evaluateTemplate',
      'executeFlow',
      'topoOrder',
      'FLOW_TEMPLATES',
      'FlowError',
      'nextFireAfter',
      'parseCron',
      'BUDGET_DEFAULTS',
    ]) {
      expect(engine, name).toHaveProperty(name);
    }
  });

  it('stays pure and browser-safe: only zod, jsonata and re2js, no node:, process, fetch or console', () => {
    const dir = new URL('.', import.meta.url).pathname;
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      const external = imports.filter((spec) => !spec.startsWith('.'));
      expect(
        external.filter((spec) => !['zod', 'jsonata', 're2js'].includes(spec)),
        file,
      ).toEqual([]);
      expect(text, file).not.toMatch(/\bprocess\.|\bfetch\(|\bconsole\.|\bBuffer\b|\brequire\(/);
    }
  });
});
