import type { TSettingsValues } from '../settings/definitions';
import { effectiveSettings } from '../settings/effective-settings';
import { parseRedactPaths } from './redact';

/** A workspace's effective settings as a receiver reads them, with its redaction paths parsed. */
export type TSettingsView = { settings: TSettingsValues; redactPaths: string[][] };

/**
 * Effective settings computed once per saved-settings object: the credential cache hands the same object to
 * every webhook of a workspace while it holds it, so the merge and the path parsing are not redone per request.
 * A changed installation is a new object (the cache reloads it), so no view outlives the settings it came from.
 */
export function createSettingsView(defaults: TSettingsValues): (saved: Record<string, unknown>) => TSettingsView {
  const views = new WeakMap<object, TSettingsView>();

  return (saved) => {
    let view = views.get(saved);
    if (!view) {
      const settings = effectiveSettings(defaults, saved);
      view = { settings, redactPaths: parseRedactPaths(settings.redact_fields) };
      views.set(saved, view);
    }

    return view;
  };
}
