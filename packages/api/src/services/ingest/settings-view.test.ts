import { describe, expect, it } from 'vitest';

import type { TSettingsValues } from '../settings/definitions';
import { createSettingsView } from './settings-view';

const DEFAULTS: TSettingsValues = {
  run_on_install: false,
  include_heavy: false,
  max_rps: 10,
  include_time_entries: false,
  time_entry_days_back: 7,
  enable_custom: true,
  log_retention_days: 30,
  dedup_window_days: 7,
  redact_fields: '',
  enable_flows: true,
  enable_generic_http_actions: false,
  execution_retention_days: 30,
  flow_max_attempts: 3,
  cache_ttl_days: 7,
};

describe('createSettingsView', () => {
  it('merges saved settings over the defaults and parses the redaction paths once per saved object', () => {
    const view = createSettingsView(DEFAULTS);
    const saved = { redact_fields: '$.user.email, $.items[*].name', dedup_window_days: 2 };
    const first = view(saved);
    expect(first.settings.dedup_window_days).toBe(2);
    expect(first.settings.max_rps).toBe(10);
    expect(first.redactPaths).toEqual([
      ['user', 'email'],
      ['items', '*', 'name'],
    ]);
    expect(view(saved)).toBe(first);
    // Changed settings come as a new object (the credential cache reloads the row): a new view.
    const changed = view({ ...saved, redact_fields: '' });
    expect(changed).not.toBe(first);
    expect(changed.redactPaths).toEqual([]);
  });
});
