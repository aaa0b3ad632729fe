import { randomBytes } from 'node:crypto';

import { installationQueries } from '@uw/db';

import type { TRuntime } from '../../runtime';
import { effectiveSettings } from '../settings/effective-settings';
import { buildBootstrapPlan } from './build-plan';
import { DEFAULT_PAGE_SIZE } from './fetch-pages';
import { runBootstrap, type TRunOutcome } from './run-bootstrap';
import { claimFresh, claimResume, listResumable, readBootstrapRow, type TFence } from './state-store';

export const DEFAULT_LEASE_MS = 30_000;

export type TStartOptions = {
  /** Start over from the first step even when an interrupted run could be resumed. */
  restart?: boolean;
  /** `install`: only when the workspace's `run_on_install` setting is on. */
  trigger?: 'install' | 'manual';
  pageSize?: number;
  leaseMs?: number;
};
export type TStartResult = { started: boolean; resumed: boolean; reason: string | null; done: Promise<TRunOutcome> | null };

type TActive = { controller: AbortController; done: Promise<TRunOutcome> };
/** Runs of this process, per runtime: stopBootstraps() aborts them (shutdown, tests). */
const registries = new WeakMap<TRuntime, Map<string, TActive>>();

function activeOf(runtime: TRuntime): Map<string, TActive> {
  let map = registries.get(runtime);
  if (!map) {
    map = new Map();
    registries.set(runtime, map);
  }

  return map;
}

/** Unique per run, so two runs in one process never share a lease. Fits the 64-character column. */
const ownerId = (processId: string) => `${processId.slice(0, 40)}/${randomBytes(6).toString('hex')}`;

function launch(runtime: TRuntime, fence: TFence, opts: { leaseMs: number; pageSize: number }): Promise<TRunOutcome> {
  const active = activeOf(runtime);
  const controller = new AbortController();
  const done = runBootstrap(runtime, { fence, leaseMs: opts.leaseMs, pageSize: opts.pageSize, signal: controller.signal })
    .catch((err: Error) => {
      runtime.deps.logger.error({ workspaceId: fence.workspaceId, err: err.message }, 'bootstrap run crashed');

      return 'failed' as const;
    })
    .finally(() => active.delete(fence.workspaceId));
  active.set(fence.workspaceId, { controller, done });
  runtime.deps.bus.publish({ type: 'bootstrap.progress', workspaceId: fence.workspaceId });

  return done;
}

const ALREADY = 'a bootstrap is already running for this workspace';
const notStarted = (reason: string): TStartResult => ({ started: false, resumed: false, reason, done: null });

/**
 * Starts the workspace's bootstrap in the background (it returns once the run is claimed): resumes an
 * interrupted run unless `restart`, refuses when a live run holds the lease in any process. Only one run
 * per workspace at a time: the claim is one conditional UPDATE of the state row.
 */
export async function startBootstrap(runtime: TRuntime, workspaceId: string, opts: TStartOptions = {}): Promise<TStartResult> {
  const { deps } = runtime;
  const installation = await installationQueries.findInstallation(deps.db, workspaceId);
  const isActive = installation?.status === 'ACTIVE' && Boolean(installation.tokenCipher);
  const now = Date.now();
  const row = await readBootstrapRow(deps.db, workspaceId);
  if (row?.status === 'running' && row.leaseUntil !== null && row.leaseUntil >= now) return notStarted(ALREADY);
  // An interrupted run is taken over even when the add-on is no longer active: the run then ends as failed.
  const resume = row?.status === 'running' && !opts.restart;
  if (!isActive && !resume) return notStarted('the add-on is not active on this workspace');
  const settings = effectiveSettings(deps.config.settingsDefaults, installation?.settings ?? {});
  if (opts.trigger === 'install' && !settings.run_on_install) return notStarted('run_on_install is off');
  const catalogue = deps.catalogue.get();
  if (!catalogue) return notStarted(`the Clockify API catalogue is not loaded: ${deps.catalogue.error() ?? 'unknown reason'}`);
  if (activeOf(runtime).has(workspaceId)) return notStarted(ALREADY);
  const fence = { workspaceId, owner: ownerId(deps.config.processId) };
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const claimed = resume
    ? await claimResume(deps.db, fence, { leaseMs, now })
    : await claimFresh(deps.db, fence, { plan: buildBootstrapPlan(catalogue, settings, now), leaseMs, now });
  if (!claimed) return notStarted(ALREADY);
  deps.logger.info({ workspaceId, resume }, resume ? 'bootstrap resumed' : 'bootstrap started');
  const done = launch(runtime, fence, { leaseMs, pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE });

  return { started: true, resumed: resume, reason: null, done };
}

/**
 * Periodic and at startup: takes over every run whose lease expired or was released (its process died
 * or stopped) and every run left pending, and continues it in the background. Safe in many processes at
 * once: each claim is conditional. Returns how many this process took.
 */
export async function resumeBootstraps(
  runtime: TRuntime,
  opts: Pick<TStartOptions, 'leaseMs' | 'pageSize'> = {},
): Promise<{ resumed: number }> {
  let resumed = 0;
  for (const { workspaceId } of await listResumable(runtime.deps.db, Date.now())) {
    const result = await startBootstrap(runtime, workspaceId, opts).catch((err: Error) => {
      runtime.deps.logger.warn({ workspaceId, err: err.message }, 'bootstrap resume failed');

      return null;
    });
    if (result?.started) resumed++;
  }

  return { resumed };
}

/** Stops this process's runs, releasing their leases at once so another process can resume them. */
export async function stopBootstraps(runtime: TRuntime, workspaceId?: string): Promise<void> {
  const runs = [...activeOf(runtime).entries()].filter(([ws]) => workspaceId === undefined || ws === workspaceId);
  for (const [, run] of runs) run.controller.abort();
  await Promise.all(runs.map(([, run]) => run.done));
}
