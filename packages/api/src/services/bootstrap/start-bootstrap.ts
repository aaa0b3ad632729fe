import { randomBytes } from 'node:crypto';

import { installationQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { NO_CLOCKIFY_TOKEN } from '../installations/dev-installation';
import { effectiveSettings } from '../settings/effective-settings';
import { emitInternalEvent } from '../triggers/internal-events';
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

/** This process's bootstrap runs: start, resume and stop them. One per runtime, built by the composition root. */
export type TBootstrapRunner = {
  /**
   * Starts the workspace's bootstrap in the background (it returns once the run is claimed): resumes an
   * interrupted run unless `restart`, refuses when a live run holds the lease in any process. Only one run
   * per workspace at a time: the claim is one conditional UPDATE of the state row.
   */
  start(workspaceId: string, opts?: TStartOptions): Promise<TStartResult>;
  /**
   * Periodic and at startup: takes over every run whose lease expired or was released (its process died
   * or stopped) and every run left pending, and continues it in the background. Safe in many processes at
   * once: each claim is conditional. Returns how many this process took.
   */
  resume(opts?: Pick<TStartOptions, 'leaseMs' | 'pageSize'>): Promise<{ resumed: number }>;
  /** Stops this process's runs (all, or one workspace's), releasing their leases so another process can resume them. */
  stop(workspaceId?: string): Promise<void>;
  /** The INSTALLED hook: caches a new installation's workspace when `run_on_install`; failures are logged, never thrown. */
  onInstalled(workspaceId: string): void;
};

/** Unique per run, so two runs in one process never share a lease. Fits the 64-character column. */
const ownerId = (processId: string) => `${processId.slice(0, 40)}/${randomBytes(6).toString('hex')}`;

const ALREADY = 'a bootstrap is already running for this workspace';
const notStarted = (reason: string): TStartResult => ({ started: false, resumed: false, reason, done: null });

export function createBootstrapRunner(deps: TApiDeps): TBootstrapRunner {
  /** Runs of this process by workspace: `stop()` aborts them (shutdown, tests). */
  const active = new Map<string, TActive>();

  function launch(fence: TFence, opts: { leaseMs: number; pageSize: number }): Promise<TRunOutcome> {
    const controller = new AbortController();
    const done = runBootstrap(deps, { fence, leaseMs: opts.leaseMs, pageSize: opts.pageSize, signal: controller.signal })
      .catch((err: Error) => {
        deps.logger.error({ workspaceId: fence.workspaceId, err }, 'bootstrap run crashed');

        return 'failed' as const;
      })
      .then(async (outcome) => {
        await announce(fence.workspaceId, outcome);

        return outcome;
      })
      .finally(() => active.delete(fence.workspaceId));
    active.set(fence.workspaceId, { controller, done });
    deps.bus.publish({ type: 'bootstrap.progress', workspaceId: fence.workspaceId });

    return done;
  }

  /** A run that ended (not one stopped or taken over) raises BOOTSTRAP_COMPLETED or BOOTSTRAP_FAILED. */
  async function announce(workspaceId: string, outcome: TRunOutcome) {
    if (outcome === 'stopped' || outcome === 'lease_lost') return;
    const event = outcome === 'failed' ? 'BOOTSTRAP_FAILED' : 'BOOTSTRAP_COMPLETED';
    const row = await readBootstrapRow(deps.db, workspaceId).catch(() => null);
    await emitInternalEvent(deps, workspaceId, {
      event,
      payload: { bootstrap: { status: outcome, entities: row?.entities ?? null, errors: row?.errors?.length ?? 0 } },
    });
  }

  async function start(workspaceId: string, opts: TStartOptions = {}): Promise<TStartResult> {
    const installation = await installationQueries.findInstallation(deps.db, workspaceId);
    const isActive = installation?.status === 'ACTIVE' && Boolean(installation.tokenCipher);
    const now = Date.now();
    const row = await readBootstrapRow(deps.db, workspaceId);
    if (row?.status === 'running' && row.leaseUntil !== null && row.leaseUntil >= now) return notStarted(ALREADY);
    // An interrupted run is taken over even when the add-on is no longer active: the run then ends as failed.
    const resume = row?.status === 'running' && !opts.restart;
    if (!isActive && !resume) {
      return notStarted(installation?.status === 'ACTIVE' ? NO_CLOCKIFY_TOKEN : 'the add-on is not active on this workspace');
    }
    const settings = effectiveSettings(deps.config.settingsDefaults, installation?.settings ?? {});
    if (opts.trigger === 'install' && !settings.run_on_install) return notStarted('run_on_install is off');
    const catalogue = deps.catalogue.get();
    if (!catalogue) return notStarted(`the Clockify API catalogue is not loaded: ${deps.catalogue.error() ?? 'unknown reason'}`);
    if (active.has(workspaceId)) return notStarted(ALREADY);
    const fence = { workspaceId, owner: ownerId(deps.config.processId) };
    const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    const claimed = resume
      ? await claimResume(deps.db, fence, { leaseMs, now })
      : await claimFresh(deps.db, fence, { plan: buildBootstrapPlan(catalogue, settings, now), leaseMs, now });
    if (!claimed) return notStarted(ALREADY);
    deps.logger.info({ workspaceId, resume }, resume ? 'bootstrap resumed' : 'bootstrap started');
    const done = launch(fence, { leaseMs, pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE });

    return { started: true, resumed: resume, reason: null, done };
  }

  return {
    start,
    async resume(opts = {}) {
      let resumed = 0;
      for (const { workspaceId } of await listResumable(deps.db, Date.now())) {
        const result = await start(workspaceId, opts).catch((err: Error) => {
          deps.logger.warn({ workspaceId, err }, 'bootstrap resume failed');

          return null;
        });
        if (result?.started) resumed++;
      }

      return { resumed };
    },
    async stop(workspaceId) {
      const runs = [...active.entries()].filter(([ws]) => workspaceId === undefined || ws === workspaceId);
      for (const [, run] of runs) run.controller.abort();
      await Promise.all(runs.map(([, run]) => run.done));
    },
    onInstalled(workspaceId) {
      void start(workspaceId, { trigger: 'install' }).catch((err: Error) =>
        deps.logger.warn({ workspaceId, err }, 'bootstrap did not start'),
      );
    },
  };
}
