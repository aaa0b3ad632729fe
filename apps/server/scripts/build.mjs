/**
 * Compiles the server for production: src/main.ts and the workspace packages it uses (@uw/*, TypeScript
 * sources) bundled into dist/main.js; npm packages stay external and load from node_modules.
 *
 * dist/ sits at the depth of src/, so paths taken from the repository root (REPO_ROOT: the manifest, the
 * OpenAPI snapshot, apps/web/dist) resolve the same from both. Worker-thread scripts that a module starts
 * next to itself (`new URL('./x-worker' + its own extension, import.meta.url)`) are compiled as their own
 * entries beside main.js.
 */
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

import { build } from 'esbuild';

const serverDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(serverDir, '../..');
const dist = resolve(serverDir, 'dist');

/** Worker scripts: [output name, source]; started by the bundle from dist/. */
const WORKERS = [['sandbox-worker', 'packages/api/src/sandbox/sandbox-worker.ts']];

/** npm packages are loaded at run time; workspace packages (@uw/*) are compiled in. */
const externalPackages = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@uw/') ? undefined : { path: args.path, external: true }));
  },
};

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: resolve(serverDir, 'src/main.ts'),
    ...Object.fromEntries(WORKERS.map(([name, src]) => [name, resolve(repoRoot, src)])),
  },
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackages],
  // One copy of modules shared by main.js and the workers.
  splitting: true,
  chunkNames: 'shared-[hash]',
  keepNames: true,
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: repoRoot,
});
const inputs = Object.keys(result.metafile.inputs).length;
const size = (readFileSync(resolve(dist, 'main.js')).length / 1024).toFixed(0);
console.log(
  `@uw/server built in ${Date.now() - started} ms: dist/main.js ${size} kB from ${inputs} sources; workers: ${WORKERS.map(([n]) => n).join(', ')}`,
);
