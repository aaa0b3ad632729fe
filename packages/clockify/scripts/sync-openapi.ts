/**
 * npm run openapi:sync [-- --from <path|url>] [-- --to <path>]
 * Fetches Clockify's full OpenAPI document (default https://docs.clockify.me/openapi.json) into the data folder,
 * data/openapi.json at the repository root (git-ignored), resolved from this file so the caller's cwd does not
 * matter. The server prefers that copy to the committed snapshot (the root openapi.json, prose stripped).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { CLOCKIFY_OPENAPI_URL, syncOpenApi } from '../src/sync';

const DEFAULT_TO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/openapi.json');

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      `usage: npm run openapi:sync -- [--from <path|url>] [--to <path>]\n  default --from ${CLOCKIFY_OPENAPI_URL}\n  default --to   ${DEFAULT_TO}`,
    );

    return;
  }
  const result = await syncOpenApi({ from: values.from, to: values.to ? resolve(values.to) : DEFAULT_TO });
  console.log(`openapi:sync wrote ${result.to} (${result.operations} operations, ${result.bytes} bytes) from ${result.from}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exitCode = 1;
});
