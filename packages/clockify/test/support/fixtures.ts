import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export { CLOCKIFY_FIXTURES } from '../../../../fixtures';

/** The package folder, whatever the current directory. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A small OpenAPI document written for these tests (Clockify's own snapshot is in the repository's fixtures). */
export const MINI_OPENAPI_PATH = join(PACKAGE_ROOT, 'test/fixtures/mini-openapi.json');

export const readMiniOpenApi = () => JSON.parse(readFileSync(MINI_OPENAPI_PATH, 'utf8')) as Record<string, unknown>;
