export { appRouter, type AppRouter } from './router';
export { createContext } from './context';
export { createCallerFactory, type TContext } from './trpc';
export * from './errors';
export type { TApiDeps, TApiConfig, TLogger, TCatalogueHolder } from './deps';
export { createRuntime, type TRuntime } from './runtime';
export type { TInboundRequest, TIngestResponse } from './services/ingest/types';
export { createEventBus, type TEventBus } from './services/events/event-bus';
export { createClusterBus } from './services/events/cluster-bus';
export { createTokenCipher, parseKeys, sha256Hex } from './services/security/token-cipher';
export { SETTINGS, SETTING_IDS, type TSettingsValues } from './services/settings/definitions';
export { signDevToken, type TCaller } from './services/auth/caller';
export { devLoginTarget, ensureDevInstallation, LOCAL_DEV_LOGIN } from './services/installations/dev-installation';
export * from './services/installations/lifecycle';
export { ZInstalledBodySchema } from './services/installations/install';
export { CLOCKIFY_API_HOSTS, createClockifyHostPolicy } from './services/installations/clockify-hosts';
export { createClockifyNet, type TClockifyNet } from './services/installations/clockify-fetch';
export { createLiveLimits, type TLiveLimits } from './services/installations/live-limits';
export { safeEqual } from './services/sources/verify-signature';
export { NOOP_METRICS, type TMetrics } from './services/metrics/metrics';
export { createWorker } from './services/queue/worker';
export { createNudge, type TNudge } from './services/queue/nudge';
export { createScheduler, tryAcquireJob, type TPeriodicJob } from './services/jobs/job-lock';
export { createFlowScheduler, DEFAULT_SCHEDULE_TIMEZONE, type TFlowScheduler } from './services/triggers/flow-schedules';
export { emitInternalEvent } from './services/triggers/internal-events';
export { runRetention } from './services/jobs/retention';
export { repairAllWebhooks, repairWebhooks } from './services/installations/webhook-registrations';
export { createSharedRateLimiter } from './services/ratelimit/pg-rate-limiter';
export { createBootstrapRunner, type TBootstrapRunner, type TStartOptions, type TStartResult } from './services/bootstrap/start-bootstrap';
export { buildBootstrapPlan } from './services/bootstrap/build-plan';
export { LOOKAHEAD as BOOTSTRAP_LOOKAHEAD } from './services/bootstrap/run-bootstrap';
export { getBootstrapStatus, type TBootstrapView, type TPlanView } from './services/bootstrap/bootstrap-status';
export type { TPlanStep } from './services/bootstrap/plan-types';
export { applyWebhookToCache, type TCacheUpdate } from './services/cache/apply-webhook';
export { refreshExpiredCache, type TRefreshResult } from './services/cache/refresh-expired';
export { clearWorkspaceCache, countCache, searchCache, type TCacheCount, type TCacheHit } from './services/cache/cache-store';
export { destructiveReason } from './services/explorer/destructive';
export type {
  TEndpointsResponse,
  TExecuteRequest,
  TExecuteResponse,
  THistoryResponse,
  TOperationDetail,
} from './services/explorer/explorer.types';
export { backtestFlow, BACKTEST_LIMIT_MAX, type TBacktestResult } from './services/flows/backtest';
export { AUDITED, NOT_AUDITED } from './services/audit/audit-actions';
export { listWebhooks } from './services/webhooks/list-webhooks';
