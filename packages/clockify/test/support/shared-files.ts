import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder, whatever the current directory. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Research data kept beside the repository (never copied into it): `../../../shared/clockify` from the package. */
export const SHARED_CLOCKIFY = resolve(PACKAGE_ROOT, '../../../shared/clockify');
export const SHARED_OPENAPI = join(SHARED_CLOCKIFY, 'openapi.json');
export const SHARED_WEBHOOK_EXAMPLES = join(SHARED_CLOCKIFY, 'examples/webhooks');
export const SHARED_MANIFEST_SCHEMAS = join(SHARED_CLOCKIFY, 'manifest-schemas');
