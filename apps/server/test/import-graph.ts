import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

/** Module → the modules it imports (type-only imports included: they couple modules too). */
export type TImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx|mts)$/;
const CANDIDATES = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') sourceFiles(path, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }

  return out;
}

function resolveFile(base: string): string | null {
  for (const suffix of CANDIDATES) {
    const path = base + suffix;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  // `./x.js` written for `./x.ts`
  return base.endsWith('.js') ? resolveFile(base.slice(0, -3)) : null;
}

/** Workspace package specifiers (`@uw/db`, `@uw/db/testing`) → their source entry files. */
function workspaceEntries(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const group of ['packages', 'apps']) {
    for (const name of existsSync(join(root, group)) ? readdirSync(join(root, group)) : []) {
      const dir = join(root, group, name);
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; exports?: Record<string, unknown> };
      for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
        const file = typeof target === 'string' ? resolveFile(join(dir, target)) : null;
        const entry = file && file.includes(`${dir}/src/`) ? file : resolveFile(join(dir, 'src/index'));
        if (entry && sub !== './package.json') entries.set(sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`, entry);
      }
    }
  }

  return entries;
}

/** Reads every source file under `dirs` (relative to `root`) and resolves its relative and workspace imports. */
export function buildImportGraph(root: string, dirs: string[]): TImportGraph {
  const workspace = workspaceEntries(root);
  const graph: TImportGraph = new Map();
  for (const file of dirs.flatMap((d) => sourceFiles(resolve(root, d)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => (fileName.startsWith('.') ? resolveFile(resolve(dirname(file), fileName)) : (workspace.get(fileName) ?? null)))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }

  return graph;
}

/** Every strongly connected group of modules that import each other, as one cycle path each (files relative to `root`). */
export function findCycles(graph: TImportGraph, root: string): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
      if (group.length > 1 || selfLoop) groups.push(cyclePath(graph, new Set(group), frame.node));
    }
  }

  return groups.map((cycle) => rotateToSmallest(cycle.map((f) => relative(root, f))));
}

/** The same loop whatever file the search met first: it starts (and ends) at its alphabetically first file. */
function rotateToSmallest(cycle: string[]): string[] {
  const loop = cycle.slice(0, -1);
  const first = loop.indexOf([...loop].sort()[0]!);
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];

  return [...rotated, rotated[0]!];
}

/** One concrete loop inside a strongly connected group, from `start` back to it (breadth-first, so the shortest). */
function cyclePath(graph: TImportGraph, group: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!group.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);

        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }

  return [start, start];
}
