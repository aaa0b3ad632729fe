/** The 14 workspace settings: stable ids, their manifest group and type, and how a value is checked. */
export type TSettingType = 'CHECKBOX' | 'NUMBER' | 'TXT';
export type TSettingGroup = 'Bootstrap' | 'Webhooks' | 'Flows' | 'Data';

export type TSettingDefinition = {
  id: TSettingId;
  group: TSettingGroup;
  name: string;
  description: string;
  type: TSettingType;
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

export type TSettingId = (typeof SETTING_IDS)[number];
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

export const SETTINGS: readonly TSettingDefinition[] = [
  {
    id: 'run_on_install',
    group: 'Bootstrap',
    type: 'CHECKBOX',
    env: 'UW_BOOTSTRAP_RUN_ON_INSTALL',
    name: 'Run bootstrap on install',
    description: 'Cache the workspace data when the add-on is installed.',
  },
  {
    id: 'include_heavy',
    group: 'Bootstrap',
    type: 'CHECKBOX',
    env: 'UW_BOOTSTRAP_INCLUDE_HEAVY',
    name: 'Include heavy endpoints',
    description: 'Also fetch reports and other expensive endpoints.',
  },
  {
    id: 'max_rps',
    group: 'Bootstrap',
    type: 'NUMBER',
    env: 'UW_BOOTSTRAP_MAX_RPS',
    name: 'Max requests per second',
    description: 'Ceiling for all calls to Clockify from this workspace (Clockify allows 50).',
    min: 1,
    max: 50,
  },
  {
    id: 'include_time_entries',
    group: 'Bootstrap',
    type: 'CHECKBOX',
    env: 'UW_BOOTSTRAP_INCLUDE_TIME_ENTRIES',
    name: 'Include time entries',
    description: "Fetch every user's recent time entries.",
  },
  {
    id: 'time_entry_days_back',
    group: 'Bootstrap',
    type: 'NUMBER',
    env: 'UW_BOOTSTRAP_TIME_ENTRY_DAYS',
    name: 'Time entry days back',
    description: 'How many days of time entries to fetch.',
    min: 1,
    max: 3650,
  },
  {
    id: 'enable_custom',
    group: 'Webhooks',
    type: 'CHECKBOX',
    env: 'UW_ENABLE_CUSTOM_WEBHOOKS',
    name: 'Enable custom webhooks',
    description: 'Accept webhooks from custom sources.',
  },
  {
    id: 'log_retention_days',
    group: 'Webhooks',
    type: 'NUMBER',
    env: 'UW_WEBHOOK_LOG_RETENTION_DAYS',
    name: 'Log retention (days)',
    description: 'Webhook log rows older than this are deleted.',
    min: 1,
    max: 3650,
  },
  {
    id: 'dedup_window_days',
    group: 'Webhooks',
    type: 'NUMBER',
    env: 'UW_DEDUP_WINDOW_DAYS',
    name: 'Dedup window (days)',
    description: 'A repeated delivery within this window is logged as a duplicate.',
    min: 1,
    max: 365,
  },
  {
    id: 'redact_fields',
    group: 'Webhooks',
    type: 'TXT',
    env: 'UW_REDACT_FIELDS',
    name: 'Redact fields',
    description: 'Comma-separated paths masked before storage, e.g. $.user.email',
  },
  {
    id: 'enable_flows',
    group: 'Flows',
    type: 'CHECKBOX',
    env: 'UW_ENABLE_FLOWS',
    name: 'Enable flows',
    description: 'Run flows on incoming webhooks.',
  },
  {
    id: 'enable_generic_http_actions',
    group: 'Flows',
    type: 'CHECKBOX',
    env: 'UW_ENABLE_GENERIC_HTTP_ACTIONS',
    name: 'Enable HTTP actions',
    description: 'Allow flows to call any public HTTP endpoint.',
  },
  {
    id: 'execution_retention_days',
    group: 'Flows',
    type: 'NUMBER',
    env: 'UW_FLOW_EXECUTION_RETENTION_DAYS',
    name: 'Execution retention (days)',
    description: 'Flow executions older than this are deleted.',
    min: 1,
    max: 3650,
  },
  {
    id: 'flow_max_attempts',
    group: 'Flows',
    type: 'NUMBER',
    env: 'UW_FLOW_MAX_ATTEMPTS',
    name: 'Max attempts per step',
    description: 'Retries of a failing step before the execution fails.',
    min: 1,
    max: 20,
  },
  {
    id: 'cache_ttl_days',
    group: 'Data',
    type: 'NUMBER',
    env: 'UW_CACHE_TTL_DAYS',
    name: 'Cache TTL (days)',
    description: 'How long cached entities are kept before a refresh.',
    min: 1,
    max: 365,
  },
];
