/**
 * Writes the repository's manifest.json from the event catalogue and the settings definitions, so the
 * manifest, the webhook registration and the settings code can never disagree. A test checks the
 * committed file is what this script writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildManifestDocument } from '../src/manifest-document';

const target = resolve(import.meta.dirname, '../../../manifest.json');
writeFileSync(target, `${JSON.stringify(buildManifestDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
