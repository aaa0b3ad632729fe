import { SETTINGS, type TSettingsValues } from '@uw/api';
import { MANIFEST_EVENT_TYPES } from '@uw/clockify';

export const SCOPES = [
  'CLIENT_READ',
  'CLIENT_WRITE',
  'PROJECT_READ',
  'PROJECT_WRITE',
  'TAG_READ',
  'TAG_WRITE',
  'TASK_READ',
  'TASK_WRITE',
  'TIME_ENTRY_READ',
  'TIME_ENTRY_WRITE',
  'EXPENSE_READ',
  'EXPENSE_WRITE',
  'INVOICE_READ',
  'INVOICE_WRITE',
  'USER_READ',
  'USER_WRITE',
  'GROUP_READ',
  'GROUP_WRITE',
  'WORKSPACE_READ',
  'WORKSPACE_WRITE',
  'CUSTOM_FIELDS_READ',
  'CUSTOM_FIELDS_WRITE',
  'APPROVAL_READ',
  'APPROVAL_WRITE',
  'SCHEDULING_READ',
  'SCHEDULING_WRITE',
  'REPORTS_READ',
  'REPORTS_WRITE',
  'TIME_OFF_READ',
  'TIME_OFF_WRITE',
] as const;

/** Defaults written into the committed manifest; the served one carries the running environment's. */
const FILE_DEFAULTS: TSettingsValues = {
  run_on_install: true,
  include_heavy: false,
  max_rps: 25,
  include_time_entries: false,
  time_entry_days_back: 30,
  enable_custom: true,
  log_retention_days: 90,
  dedup_window_days: 7,
  redact_fields: 'none',
  enable_flows: true,
  enable_generic_http_actions: false,
  execution_retention_days: 90,
  flow_max_attempts: 5,
  cache_ttl_days: 7,
};

const GROUPS = [
  { id: 'bootstrap', title: 'Bootstrap', group: 'Bootstrap', description: 'What is cached from Clockify when the add-on is installed.' },
  { id: 'webhooks', title: 'Webhooks', group: 'Webhooks', description: 'How incoming webhooks are accepted and kept.' },
  { id: 'flows', title: 'Flows', group: 'Flows', description: 'How flows run and how long their history is kept.' },
  { id: 'data', title: 'Data', group: 'Data', description: 'The cache of workspace data.' },
] as const;

export function buildManifestDocument() {
  return {
    schemaVersion: '1.6',
    key: 'universal-webhook',
    name: 'Universal Webhook + Any API Call',
    description:
      'Receive every Clockify webhook and any custom webhook as a searchable audit log, explore and call any Clockify API operation, and turn events into API calls with no-code flows.',
    baseUrl: 'http://localhost:8001',
    minimalSubscriptionPlan: 'ENTERPRISE',
    scopes: [...SCOPES],
    lifecycle: [
      { type: 'INSTALLED', path: '/lifecycle/installed' },
      { type: 'DELETED', path: '/lifecycle/uninstalled' },
      { type: 'SETTINGS_UPDATED', path: '/lifecycle/settings-updated' },
      { type: 'STATUS_CHANGED', path: '/lifecycle/status-changed' },
    ],
    webhooks: MANIFEST_EVENT_TYPES.map((event) => ({ event: typeof event === 'string' ? event : event.name, path: '/webhooks/clockify' })),
    components: [{ type: 'sidebar', accessLevel: 'ADMINS', path: '/', label: 'Universal Webhook' }],
    settings: {
      tabs: [
        {
          id: 'settings',
          name: 'Settings',
          groups: GROUPS.map((g) => ({
            id: g.id,
            title: g.title,
            description: g.description,
            settings: SETTINGS.filter((s) => s.group === g.group).map((s) => ({
              id: s.id,
              name: s.name,
              description: s.description,
              type: s.type,
              accessLevel: 'ADMINS',
              value: FILE_DEFAULTS[s.id],
              ...(s.type === 'TXT' ? { placeholder: '$.user.email, $.note' } : {}),
            })),
          })),
        },
      ],
    },
  };
}
