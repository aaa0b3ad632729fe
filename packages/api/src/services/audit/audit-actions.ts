import { customSourceQueries, flowQueries, secretQueries, type TDatabase } from '@uw/db';

/** What an audited mutation was given, what it answered, and what its target looked like before. */
export type TAuditFacts = { input: TLoose; output: TLoose; before: TLoose };
type TLoose = Record<string, any> | null | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TAuditAction = {
  targetType: string;
  targetId: (f: TAuditFacts) => string | null;
  summary: (f: TAuditFacts) => string;
  /** What changed; never a secret value (only fields named here are kept). */
  details?: (f: TAuditFacts) => Record<string, unknown>;
  /** Reads the target before the change (a deleted flow's name, the version an update replaced). */
  before?: (db: TDatabase, workspaceId: string, input: TLoose) => Promise<TLoose>;
};

const quoted = (name: unknown) => (typeof name === 'string' && name ? `"${name.slice(0, 120)}"` : '');
const idOf = (f: TAuditFacts) => (f.output?.id ?? f.input?.id ?? null) as string | null;
const flowBefore: TAuditAction['before'] = async (db, ws, input) => {
  const flow = input?.id ? await flowQueries.findFlow(db, ws, String(input.id)) : null;

  return flow && { name: flow.name, enabled: flow.enabled, version: flow.currentVersion };
};
const secretBefore: TAuditAction['before'] = async (db, ws, input) => {
  const secret = input?.id ? await secretQueries.findSecret(db, ws, String(input.id)) : null;

  return secret && { name: secret.name };
};
const sourceBefore: TAuditAction['before'] = async (db, ws, input) => {
  const source = input?.id ? await customSourceQueries.findSource(db, ws, String(input.id)) : null;

  return source && { name: source.name, enabled: source.enabled };
};

function flowUpdateSummary({ input, output, before }: TAuditFacts): string {
  const data = input?.data ?? {};
  const name = quoted(output?.name ?? before?.name);
  const parts: string[] = [];
  if (data.definition) parts.push(`saved flow ${name} as version ${output?.currentVersion}`);
  if (data.name !== undefined && before?.name !== undefined && data.name !== before.name)
    parts.push(`renamed ${quoted(before.name)} to ${name}`);
  if (data.enabled !== undefined && data.enabled !== before?.enabled) parts.push(`${data.enabled ? 'enabled' : 'disabled'} flow ${name}`);

  return parts.length > 0 ? parts.join('; ') : `updated flow ${name}`;
}

/**
 * Every mutation that changes what a workspace runs or who may call it. A mutation not listed here is still
 * recorded (action and target id only) unless `NOT_AUDITED` names it with the reason.
 */
export const AUDITED: Record<string, TAuditAction> = {
  'flows.create': {
    targetType: 'flow',
    targetId: idOf,
    summary: ({ output }) => `created flow ${quoted(output?.name)} (${output?.enabled ? 'enabled' : 'disabled'})`,
    details: ({ output }) => ({ toVersion: output?.currentVersion ?? 1, enabled: output?.enabled }),
  },
  'flows.update': {
    targetType: 'flow',
    targetId: idOf,
    before: flowBefore,
    summary: flowUpdateSummary,
    details: ({ input, output, before }) => ({
      fields: Object.keys(input?.data ?? {}).filter((k) => k !== 'baseVersion'),
      fromVersion: before?.version ?? null,
      toVersion: output?.currentVersion ?? null,
      enabled: output?.enabled,
    }),
  },
  'flows.setEnabled': {
    targetType: 'flow',
    targetId: idOf,
    before: flowBefore,
    summary: ({ input, before }) => `${input?.enabled ? 'enabled' : 'disabled'} flow ${quoted(before?.name)}`,
    details: ({ input, output }) => ({
      enabled: input?.enabled,
      cancelRunning: input?.cancelRunning ?? true,
      cancelled: output?.cancelled ?? null,
      cancelling: output?.cancelling ?? null,
    }),
  },
  'flows.delete': {
    targetType: 'flow',
    targetId: idOf,
    before: flowBefore,
    summary: ({ before }) => `deleted flow ${quoted(before?.name)}`,
    details: ({ before, output }) => ({ fromVersion: before?.version ?? null, cancelled: output?.cancelled ?? null }),
  },
  'flows.run': {
    targetType: 'flow',
    targetId: ({ input }) => input?.id ?? input?.flowId ?? null,
    summary: () => 'ran the flow now',
    details: ({ output }) => ({ executionId: output?.executionId ?? null }),
  },
  'flows.import': {
    targetType: 'flow',
    targetId: ({ output }) => output?.flow?.id ?? output?.id ?? null,
    summary: ({ output }) => `imported flow ${quoted(output?.flow?.name ?? output?.name)}`,
  },
  'flows.duplicate': {
    targetType: 'flow',
    targetId: ({ output }) => output?.id ?? null,
    summary: ({ output }) => `duplicated a flow as ${quoted(output?.name)}`,
    details: ({ input }) => ({ from: input?.id ?? null }),
  },
  'executions.retry': {
    targetType: 'execution',
    targetId: ({ input }) => input?.id ?? null,
    summary: ({ output }) => `retried the execution${output?.executionId ? ` as ${output.executionId}` : ''}`,
  },
  'executions.cancel': { targetType: 'execution', targetId: ({ input }) => input?.id ?? null, summary: () => 'cancelled the execution' },
  'webhooks.replay': {
    targetType: 'webhook',
    targetId: ({ input }) => input?.id ?? null,
    summary: ({ output }) => `replayed the webhook (${output?.queued ?? 0} executions queued)`,
  },
  'sources.create': {
    targetType: 'source',
    targetId: ({ output }) => output?.source?.id ?? null,
    summary: ({ output }) => `created source ${quoted(output?.source?.name)} (${output?.source?.verification?.kind ?? '?'})`,
  },
  'sources.update': {
    targetType: 'source',
    targetId: idOf,
    before: sourceBefore,
    summary: ({ before, input }) => `updated source ${quoted(before?.name)}${input?.enabled === false ? ' (disabled)' : ''}`,
    details: ({ input }) => ({ fields: Object.keys(input ?? {}).filter((k) => k !== 'id' && k !== 'secret') }),
  },
  'sources.delete': {
    targetType: 'source',
    targetId: idOf,
    before: sourceBefore,
    summary: ({ before }) => `deleted source ${quoted(before?.name)}`,
  },
  'sources.rotateSecret': {
    targetType: 'source',
    targetId: idOf,
    before: sourceBefore,
    summary: ({ before }) => `rotated the secret of source ${quoted(before?.name)}`,
  },
  'keys.create': {
    targetType: 'key',
    targetId: idOf,
    summary: ({ output, input }) =>
      `created service key ${quoted(output?.name ?? input?.name)} (${output?.scope ?? input?.scope ?? 'admin'})`,
  },
  'keys.revoke': {
    targetType: 'key',
    targetId: idOf,
    summary: ({ output }) => {
      const also = Array.isArray(output?.alsoRevoked) ? output.alsoRevoked.length : 0;

      return `revoked a service key${also > 0 ? ` and the ${also} keys it minted` : ''}`;
    },
    details: ({ output }) => ({ alsoRevoked: output?.alsoRevoked ?? [] }),
  },
  'secrets.create': {
    targetType: 'secret',
    targetId: idOf,
    summary: ({ output, input }) => `created secret ${quoted(output?.name ?? input?.name)}`,
  },
  'secrets.update': {
    targetType: 'secret',
    targetId: idOf,
    before: secretBefore,
    summary: ({ before, input }) => `${input?.data?.value ? 'changed the value of' : 'updated'} secret ${quoted(before?.name)}`,
  },
  'secrets.delete': {
    targetType: 'secret',
    targetId: idOf,
    before: secretBefore,
    summary: ({ before }) => `deleted secret ${quoted(before?.name)}`,
  },
  'bootstrap.trigger': {
    targetType: 'installation',
    targetId: () => null,
    summary: ({ input }) => (input?.restart ? 'restarted the workspace bootstrap' : 'started the workspace bootstrap'),
  },
  'installation.repairWebhooks': {
    targetType: 'installation',
    targetId: () => null,
    summary: ({ output }) => `repaired Clockify webhooks${typeof output?.created === 'number' ? ` (${output.created} re-created)` : ''}`,
  },
};

/** Mutations that change nothing an admin answers for, with the reason. */
export const NOT_AUDITED: Record<string, string> = {
  'flows.test': 'a dry run: sends nothing, stores nothing',
  'flows.backtest': 'a dry run over logged events: sends nothing, stores nothing',
  'explorer.execute': "kept in the explorer's own history (per user, scrubbed)",
  'flows.checkImport': 'validates a document: stores nothing',
};
