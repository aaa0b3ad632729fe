/** `npm start` runs the compiled server: say how to build it when it is not there (instead of a module-not-found trace). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const missing = ['apps/server/dist/main.js', 'apps/web/dist/index.html'].filter((f) => !existsSync(resolve(root, f)));
if (missing.length > 0) {
  console.error(
    `npm start runs the compiled app, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: run \`npm run build\` first.`,
  );
  process.exit(1);
}
