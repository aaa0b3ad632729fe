import type { TCatalogue, TOperation } from '@uw/clockify';

import type { TSettingsValues } from '../settings/definitions';
import { entityTypeOfPath } from './entity-type';
import type { TPlanStep } from './plan-types';

const DAY_MS = 86_400_000;
/** The two calls outside a workspace path that every bootstrap makes: who we are, and the workspace. */
const CORE_PATHS = new Set(['/v1/user', '/v1/workspaces']);
export const TIME_ENTRIES_PATH = '/v1/workspaces/{workspaceId}/user/{userId}/time-entries';
/**
 * Heavy beyond the reports host (which is heavy as a whole: its answers are aggregates computed per
 * request). Each entry says why.
 */
const HEAVY_OPERATIONS: Record<string, string> = {
  getExpenses: 'computes daily and weekly expense totals with every page',
};
/**
 * Lists under one entity of a workspace listing (`/projects/{projectId}/tasks`), followed once per cached
 * parent when the parent's listing is in the plan: operationId → what the items serve.
 */
const PER_PARENT_LISTS: Record<string, string> = {
  getTasks: 'task pickers',
};
/** `<parent listing>/{param}/<noun>`: a list under one entity of the parent listing. */
const PER_PARENT_PATH = /^(.+)\/\{(\w+)\}\/[^{}]+$/;
/** A response schema with one of these property names carries credentials: never cached. */
const SECRET_PROPERTY = /^(authToken|token|secret|password|apiKey)$/i;

export type TPlanSettings = Pick<TSettingsValues, 'include_heavy' | 'include_time_entries' | 'time_entry_days_back'>;

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function hasSecretProperty(schema: unknown, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 6) return false;
  const s = schema as { properties?: Record<string, unknown>; items?: unknown };
  if (s.properties && Object.entries(s.properties).some(([name, sub]) => SECRET_PROPERTY.test(name) || hasSecretProperty(sub, depth + 1)))
    return true;

  return hasSecretProperty(s.items, depth + 1);
}

function paging(op: TOperation): Pick<TPlanStep, 'pageSizeParam' | 'maxPageSize'> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const size = query.find((p) => p.name === 'page-size' || p.name === 'pageSize');
  if (!query.some((p) => p.name === 'page') || !size) return {};
  const max = size.schema.maximum;

  return typeof max === 'number' ? { pageSizeParam: size.name, maxPageSize: max } : { pageSizeParam: size.name };
}

/** Defaults of required query parameters; the names of those that have none. */
function requiredQuery(op: TOperation): { query: Record<string, string | number | boolean>; missing: string[] } {
  const query: Record<string, string | number | boolean> = {};
  const missing: string[] = [];
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
    const value = p.schema.default;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') query[p.name] = value;
    else missing.push(p.name);
  }

  return { query, missing };
}

/** Decides one GET operation: included or not, and why. */
function classify(op: TOperation, settings: TPlanSettings, now: number): TPlanStep {
  const entityType = entityTypeOfPath(op.path);
  const heavyWhy = op.host === 'reports' ? 'reports host: answers are aggregates computed per request' : HEAVY_OPERATIONS[op.operationId];
  const base = { operationId: op.operationId, path: op.path, host: op.host, entityType, heavy: heavyWhy !== undefined };
  const out = (reason: string): TPlanStep => ({ ...base, included: false, reason });
  const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  if (op.deprecated) return out('deprecated in the OpenAPI document');
  if (op.path === TIME_ENTRIES_PATH) {
    if (!settings.include_time_entries) return out('time entries: enable include_time_entries');
    const days = settings.time_entry_days_back;

    return {
      ...base,
      ...paging(op),
      included: true,
      perUser: true,
      query: { start: iso(now - days * DAY_MS), end: iso(now) },
      reason: `time entries of every user, last ${days} days (include_time_entries)`,
    };
  }
  if (!CORE_PATHS.has(op.path) && !pathParams.includes('workspaceId')) return out('not scoped to a workspace');
  const others = pathParams.filter((p) => p !== 'workspaceId');
  const parentPath = PER_PARENT_PATH.exec(op.path);
  const perParent =
    others.length === 1 && PER_PARENT_LISTS[op.operationId] && parentPath?.[2] === others[0]
      ? { param: others[0]!, entityType: entityTypeOfPath(parentPath[1]!) }
      : undefined;
  if (others.length > 0 && !perParent) return out(`needs path parameter ${others.join(', ')}`);
  const { query, missing } = requiredQuery(op);
  if (missing.length > 0) return out(`required query parameter ${missing.join(', ')} has no default`);
  if (hasSecretProperty(op.responses['200']?.schema)) return out('its response carries credentials (tokens), which are never cached');
  const step = { ...base, ...paging(op), ...(Object.keys(query).length > 0 ? { query } : {}) };
  if (perParent) {
    const reason = `${entityType}s of every cached ${perParent.entityType} (${PER_PARENT_LISTS[op.operationId]})`;

    return { ...step, included: true, perParent, reason };
  }
  if (entityType === 'time_entry' && !settings.include_time_entries) return out('time entries: enable include_time_entries');
  if (heavyWhy !== undefined && !settings.include_heavy) return out(`heavy (${heavyWhy}): enable include_heavy`);
  if (heavyWhy !== undefined) return { ...step, included: true, reason: `heavy (${heavyWhy}), included by include_heavy` };
  if (entityType === 'time_entry') return { ...step, included: true, reason: 'time entries (include_time_entries)' };
  if (CORE_PATHS.has(op.path)) return { ...step, included: true, reason: "core: the add-on's user and workspace" };

  return { ...step, included: true, reason: 'workspace listing: GET with no path parameter but workspaceId' };
}

/** Core first, users before the per-user time entries, heavy and time entries last, left-out steps at the end. */
function rank(step: TPlanStep): number {
  if (!step.included) return 9;
  if (CORE_PATHS.has(step.path)) return 0;
  if (step.entityType === 'user') return 1;
  if (step.entityType === 'time_entry') return 4;

  return step.heavy || step.perParent ? 3 : 2;
}

/** A per-parent list stays in the plan only while its parent's listing is in it (the runner reads the parents from the cache). */
function withParents(steps: TPlanStep[]): TPlanStep[] {
  const listed = new Set(steps.filter((s) => s.included && !s.perParent && !s.perUser).map((s) => s.entityType));

  return steps.map((s) =>
    s.perParent && !listed.has(s.perParent.entityType)
      ? { ...s, included: false, perParent: undefined, reason: `needs the ${s.perParent.entityType} listing, which is not in the plan` }
      : s,
  );
}

/**
 * The bootstrap plan, derived from the catalogue: every GET operation of the OpenAPI document, each
 * included or left out with its reason. Only GETs are considered: a bootstrap only reads.
 */
export function buildBootstrapPlan(catalogue: TCatalogue, settings: TPlanSettings, now = Date.now()): TPlanStep[] {
  const steps = withParents(catalogue.operations.filter((op) => op.method === 'GET').map((op) => classify(op, settings, now)));

  return steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i)
    .map((x) => x.step);
}
