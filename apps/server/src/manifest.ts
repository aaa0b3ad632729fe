import { readFileSync } from 'node:fs';

import type { TSettingsValues } from '@uw/api';

type TManifestSetting = { id: string; value?: unknown };
type TManifest = {
  key: string;
  baseUrl: string;
  settings?: { tabs?: { groups?: { settings?: TManifestSetting[] }[]; settings?: TManifestSetting[] }[] };
  [k: string]: unknown;
};

/**
 * The served manifest: the repository's manifest.json with this deployment's base URL, add-on key and
 * the environment's setting defaults filled in.
 */
export function buildManifest(path: string, opts: { baseUrl: string; addonKey: string; defaults: TSettingsValues }): TManifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as TManifest;
  manifest.key = opts.addonKey;
  manifest.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  for (const tab of manifest.settings?.tabs ?? []) {
    for (const setting of [...(tab.settings ?? []), ...(tab.groups ?? []).flatMap((g) => g.settings ?? [])]) {
      const value = opts.defaults[setting.id as keyof TSettingsValues];
      if (value !== undefined) setting.value = value;
    }
  }

  return manifest;
}
