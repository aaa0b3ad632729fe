/** The 14 workspace settings: stable ids, their manifest group and type, and how a value is checked. */
export type SettingType = 'CHECKBOX' | 'NUMBER' | 'TXT';
export type SettingGroup = 'Bootstrap' | 'Webhooks' | 'Flows' | 'Data';

export type TSettingDefinition = {
  id: SettingId;
  group: SettingGroup;
  name: string;
  description: string;
  type: SettingType;
  min?: number;
  max?: number;
  /** The environment variable whose value is the default. */
  env: string;
};

export const SETTING_IDS = [
  'run_on_install',
  'include_heavy',
  'max_rps',
  'include_time_entries',
  'time_entry_days_back',
  'enable_custom',
  'log_retention_days',
  'dedup_window_days',
  'redact_fields',
  'enable_flows',
  'enable_generic_http_actions',
  'execution_retention_days',
  'flow_max_attempts',
  'cache_ttl_days',
] as const;

export type SettingId = (typeof SETTING_IDS)[number];
export type TSettingsValues = {
  run_on_install: boolean;
  include_heavy: boolean;
  max_rps: number;
  include_time_entries: boolean;
  time_entry_days_back: number;
  enable_custom: boolean;
  log_retention_days: number;
  dedup_window_days: number;
  redact_fields: string;
  enable_flows: boolean;
  enable_generic_http_actions: boolean;
  execution_retention_days: number;
  flow_max_attempts: number;
  cache_ttl_days: number;
};

const def = (
  id: SettingId,
  group: SettingGroup,
  type: SettingType,
  env: string,
  name: string,
  description: string,
  range?: [number, number],
): TSettingDefinition => ({ id, group, type, env, name, description, min: range?.[0], max: range?.[1] });

export const SETTINGS: readonly TSettingDefinition[] = [
  def(
    'run_on_install',
    'Bootstrap',
    'CHECKBOX',
    'UW_BOOTSTRAP_RUN_ON_INSTALL',
    'Run bootstrap on install',
    'Cache the workspace data when the add-on is installed.',
  ),
  def(
    'include_heavy',
    'Bootstrap',
    'CHECKBOX',
    'UW_BOOTSTRAP_INCLUDE_HEAVY',
    'Include heavy endpoints',
    'Also fetch reports and other expensive endpoints.',
  ),
  def(
    'max_rps',
    'Bootstrap',
    'NUMBER',
    'UW_BOOTSTRAP_MAX_RPS',
    'Max requests per second',
    'Ceiling for all calls to Clockify from this workspace (Clockify allows 50).',
    [1, 50],
  ),
  def(
    'include_time_entries',
    'Bootstrap',
    'CHECKBOX',
    'UW_BOOTSTRAP_INCLUDE_TIME_ENTRIES',
    'Include time entries',
    "Fetch every user's recent time entries.",
  ),
  def(
    'time_entry_days_back',
    'Bootstrap',
    'NUMBER',
    'UW_BOOTSTRAP_TIME_ENTRY_DAYS',
    'Time entry days back',
    'How many days of time entries to fetch.',
    [1, 3650],
  ),
  def(
    'enable_custom',
    'Webhooks',
    'CHECKBOX',
    'UW_ENABLE_CUSTOM_WEBHOOKS',
    'Enable custom webhooks',
    'Accept webhooks from custom sources.',
  ),
  def(
    'log_retention_days',
    'Webhooks',
    'NUMBER',
    'UW_WEBHOOK_LOG_RETENTION_DAYS',
    'Log retention (days)',
    'Webhook log rows older than this are deleted.',
    [1, 3650],
  ),
  def(
    'dedup_window_days',
    'Webhooks',
    'NUMBER',
    'UW_DEDUP_WINDOW_DAYS',
    'Dedup window (days)',
    'A repeated delivery within this window is logged as a duplicate.',
    [1, 365],
  ),
  def(
    'redact_fields',
    'Webhooks',
    'TXT',
    'UW_REDACT_FIELDS',
    'Redact fields',
    'Comma-separated paths masked before storage, e.g. $.user.email',
    undefined,
  ),
  def('enable_flows', 'Flows', 'CHECKBOX', 'UW_ENABLE_FLOWS', 'Enable flows', 'Run flows on incoming webhooks.'),
  def(
    'enable_generic_http_actions',
    'Flows',
    'CHECKBOX',
    'UW_ENABLE_GENERIC_HTTP_ACTIONS',
    'Enable HTTP actions',
    'Allow flows to call any public HTTP endpoint.',
  ),
  def(
    'execution_retention_days',
    'Flows',
    'NUMBER',
    'UW_FLOW_EXECUTION_RETENTION_DAYS',
    'Execution retention (days)',
    'Flow executions older than this are deleted.',
    [1, 3650],
  ),
  def(
    'flow_max_attempts',
    'Flows',
    'NUMBER',
    'UW_FLOW_MAX_ATTEMPTS',
    'Max attempts per step',
    'Retries of a failing step before the execution fails.',
    [1, 20],
  ),
  def(
    'cache_ttl_days',
    'Data',
    'NUMBER',
    'UW_CACHE_TTL_DAYS',
    'Cache TTL (days)',
    'How long cached entities are kept before a refresh.',
    [1, 365],
  ),
];
