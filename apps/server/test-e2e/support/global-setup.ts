import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { CHROMIUM, SCREENSHOT_DIR } from './browser';

/** Before the suite: the browser and the built SPA must be there; last run's screenshots go. */
export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium); the suite never downloads one.`);
  }
  const index = process.env.UW_WEB_DIST
    ? join(process.env.UW_WEB_DIST, 'index.html')
    : join(import.meta.dirname, '../../../web/dist/index.html');
  if (!existsSync(index)) throw new Error(`The web app is not built (${index}): run \`npm run build -w @uw/web\` first.`);
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
}
