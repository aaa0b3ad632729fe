import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_ROOT } from './shared-files';

/** A small OpenAPI document written for these tests (Clockify's own document is never copied in). */
export const MINI_OPENAPI_PATH = join(PACKAGE_ROOT, 'test/fixtures/mini-openapi.json');

export const readMiniOpenApi = () => JSON.parse(readFileSync(MINI_OPENAPI_PATH, 'utf8')) as Record<string, unknown>;
