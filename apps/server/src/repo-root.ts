import { resolve } from 'node:path';

/** The repository root (src/ and the compiled dist/ sit at the same depth): the manifest, the snapshot, the SPA build. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
