import { installationQueries, type TBootstrapStatus } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { effectiveSettings } from '../settings/effective-settings';
import { buildBootstrapPlan } from './build-plan';
import type { TBootstrapError, TPlanStep } from './plan-types';
import { readBootstrapRow } from './state-store';

export type TPlanView = {
  operationId: string;
  path: string;
  host: 'api' | 'reports';
  entityType: string;
  included: boolean;
  heavy: boolean;
  reason: string;
  /** Per-user steps (time entries): whose. */
  userId: string | null;
  /** Per-parent steps (the tasks of a project): the parent's id. */
  parentId: string | null;
  /** The step is behind the run's cursor. */
  done: boolean;
};

export type TBootstrapView = {
  workspaceId: string;
  /** `idle`: no bootstrap has run on this workspace yet. */
  status: TBootstrapStatus | 'idle';
  /** A process holds the run's lease right now. */
  active: boolean;
  /** Steps done over steps planned, 0..1. */
  progress: number;
  opsDone: number;
  opsTotal: number;
  pages: number;
  entities: number;
  errors: TBootstrapError[];
  /** The step (and page) the run is at, while it is not finished. */
  current: { operationId: string; page: number; userId: string | null } | null;
  startedAt: number | null;
  finishedAt: number | null;
  etaAt: number | null;
  updatedAt: number | null;
  /** The plan of the current or last run (the next plan when none ran yet). */
  plan: TPlanView[];
  /** What a bootstrap started now would do, with the workspace's current settings; null without a catalogue. */
  nextPlan: TPlanView[] | null;
};

const parentIdOf = (step: TPlanStep) => {
  const param = step.perParent?.param ?? Object.keys(step.pathParams ?? {}).find((k) => k !== 'userId');

  return (param && step.pathParams?.[param]) ?? null;
};

const view = (step: TPlanStep, done: boolean): TPlanView => ({
  operationId: step.operationId,
  path: step.path,
  host: step.host,
  entityType: step.entityType,
  included: step.included,
  heavy: step.heavy,
  reason: step.reason,
  userId: step.pathParams?.userId ?? null,
  parentId: parentIdOf(step),
  done,
});

/** The workspace's bootstrap: state, plan with reasons, progress fraction and ETA. */
export async function getBootstrapStatus(deps: TApiDeps, workspaceId: string): Promise<TBootstrapView> {
  const [row, installation] = await Promise.all([
    readBootstrapRow(deps.db, workspaceId),
    installationQueries.findInstallation(deps.db, workspaceId),
  ]);
  const catalogue = deps.catalogue.get();
  const settings = effectiveSettings(deps.config.settingsDefaults, installation?.settings ?? {});
  const nextPlan = catalogue ? buildBootstrapPlan(catalogue, settings).map((s) => view(s, false)) : null;
  if (!row) {
    return {
      workspaceId,
      status: 'idle',
      active: false,
      progress: 0,
      opsDone: 0,
      opsTotal: 0,
      pages: 0,
      entities: 0,
      errors: [],
      current: null,
      startedAt: null,
      finishedAt: null,
      etaAt: null,
      updatedAt: null,
      plan: nextPlan ?? [],
      nextPlan,
    };
  }
  const finished = row.status !== 'running' && row.status !== 'pending';
  const step = finished ? undefined : row.plan[row.cursor.op];
  const progress = row.opsTotal > 0 ? Math.min(1, row.opsDone / row.opsTotal) : finished ? 1 : 0;

  return {
    workspaceId,
    status: row.status,
    active: row.status === 'running' && row.leaseOwner !== null && (row.leaseUntil ?? 0) >= Date.now(),
    progress,
    opsDone: row.opsDone,
    opsTotal: row.opsTotal,
    pages: row.pages,
    entities: row.entities,
    errors: row.errors,
    current: step ? { operationId: step.operationId, page: row.cursor.page, userId: step.pathParams?.userId ?? null } : null,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    etaAt: finished ? null : row.etaAt,
    updatedAt: row.updatedAt,
    plan: row.plan.map((s, i) => view(s, s.included && (finished || i < row.cursor.op))),
    nextPlan,
  };
}
