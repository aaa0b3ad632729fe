/**
 * Builds @uw/client into dist/: `index.js` (ESM; @trpc/client and eventsource stay external) and one
 * bundled `index.d.ts` whose AppRouter is self-contained (see router-declaration.mjs) and proven equal to the
 * router's (check-fidelity.mjs). Fails when either file imports anything a consumer would not get from this
 * package's dependencies.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import ts from 'typescript';

import { checkFidelity } from './check-fidelity.mjs';
import { routerDeclaration } from './router-declaration.mjs';

const pkgDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(pkgDir, '../..');
const dist = resolve(pkgDir, 'dist');
const work = resolve(dist, '.build');
const generated = resolve(work, 'app-router.d.ts');
const pkg = JSON.parse(readFileSync(resolve(pkgDir, 'package.json'), 'utf8'));
const runtimeDeps = Object.keys(pkg.dependencies);
/** What the published declarations may import: the tRPC packages (installed with this one) and zod. */
const DECLARATION_IMPORTS = /^(@trpc\/(client|server)|zod)(\/|$)/;

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const baseOptions = ts.getParsedCommandLineOfConfigFile(
  resolve(repoRoot, 'tsconfig.base.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
).options;
const router = routerDeclaration(repoRoot);
writeFileSync(generated, router.text);
checkFidelity(repoRoot, generated, baseOptions, router.program);

// The package's own declarations, compiled against the generated router (not the server's sources).
const options = {
  ...baseOptions,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: resolve(pkgDir, 'src'),
  outDir: resolve(work, 'decl'),
  paths: { '@uw/api': [generated] },
};
const program = ts.createProgram([resolve(pkgDir, 'src/index.ts')], options);
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repoRoot, getNewLine: () => '\n' };
  throw new Error(`@uw/client declarations do not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

const bundle = await rollup({
  input: resolve(work, 'decl/index.d.ts'),
  plugins: [{ name: 'generated-router', resolveId: (id) => (id === '@uw/api' ? generated : null) }, dts()],
  external: (id) => DECLARATION_IMPORTS.test(id),
});
await bundle.write({ file: resolve(dist, 'index.d.ts'), format: 'es' });
await bundle.close();

await build({
  entryPoints: [resolve(pkgDir, 'src/index.ts')],
  outfile: resolve(dist, 'index.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: runtimeDeps,
  logLevel: 'warning',
});
rmSync(work, { recursive: true, force: true });

const importsOf = (file) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]);
const check = (file, allowed) => {
  const bad = [...new Set(importsOf(file))].filter((id) => !allowed(id));
  if (bad.length > 0) throw new Error(`${file} imports ${bad.join(', ')}: only ${allowed} may be imported`);
};
check(resolve(dist, 'index.d.ts'), (id) => DECLARATION_IMPORTS.test(id));
check(resolve(dist, 'index.js'), (id) => runtimeDeps.includes(id) || id.startsWith('node:'));

const size = (f) => `${(readFileSync(resolve(dist, f)).length / 1024).toFixed(1)} kB`;
console.log(`@uw/client built in ${Date.now() - started} ms: dist/index.js ${size('index.js')}, dist/index.d.ts ${size('index.d.ts')}`);
