import { createHash } from 'node:crypto';

import { ingestQueries, type TSourceVerification } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { AppError, UserError } from '../../errors';
import { effectiveSettings } from '../settings/effective-settings';
import { verifySignature } from '../sources/verify-signature';
import type { TCommitQueue } from './commit-queue';
import { triggerKeyOf, type TFlowIndex } from './flow-index';
import { parseCustomBody, type TParsedBody } from './parse-custom-body';
import { executionRow, logRow, selectHeaders } from './record';
import { parseRedactPaths, redactPayload } from './redact';
import { refuseUnverified } from './refuse-unverified';
import { createSourceRateLimit } from './source-rate-limit';
import { header, type TInboundRequest, type TIngestResponse } from './types';

const DAY_MS = 86_400_000;

type TSourceRow = ingestQueries.TIngestSource;

/** POST /webhooks/custom/{source}: the source's own verification, then the same durable path as Clockify's. */
export function createCustomReceiver(deps: TApiDeps, flows: TFlowIndex, queue: TCommitQueue) {
  const rateLimit = createSourceRateLimit();

  const loadSource = (publicId: string): Promise<TSourceRow | null> => ingestQueries.findIngestSource(deps.db, publicId);

  /** A refusal after the source's verification passed: stored as a `rejected` row of its workspace. */
  const reject = async (req: TInboundRequest, err: AppError, source: TSourceRow): Promise<TIngestResponse> => {
    const row = logRow({
      workspace_id: source.workspace_id,
      source: 'custom',
      source_id: source.id,
      event_type: '',
      payload: null,
      headers: selectHeaders(req.headers),
      signature: 'valid',
      dedup_key: null,
      outcome: 'rejected',
      reason: `${err.code}: ${err.message}`.slice(0, 256),
      size_bytes: req.rawBody?.length ?? 0,
    });
    await queue.submit({ log: row, executions: [] });
    deps.metrics.webhookReceived('custom', 'rejected', (Date.now() - row.received_at) / 1000);

    return { status: err.status, body: { id: row.id, outcome: 'rejected', error: { code: err.code, message: err.message } } };
  };

  return async function receive(publicId: string, req: TInboundRequest): Promise<TIngestResponse> {
    const startedAt = Date.now();
    const source = await loadSource(publicId);
    if (!source) {
      return refuseUnverified(deps, new UserError('NOT_FOUND', 'unknown webhook source'), { source: 'custom', startedAt });
    }
    const limited = rateLimit(source.id, source.rate_per_minute);
    if (!limited.ok) {
      const err = new UserError('RATE_LIMITED', `source limit of ${source.rate_per_minute} requests per minute reached`);

      return refuseUnverified(deps, err, { source: 'custom', startedAt, headers: { 'retry-after': String(limited.retryAfterSeconds) } });
    }
    // The signature first: until it holds, nothing about this request is the workspace's, so nothing is stored.
    const rawBody = req.rawBody ?? Buffer.alloc(0);
    const secrets = source.secret_ciphers.map((c) => deps.cipher.decrypt(c, source.workspace_id));
    const check = verifySignature(source.verification, secrets, { rawBody, headers: (n) => header(req, n) });
    if (!check.ok) return refuseUnverified(deps, new UserError('SIGNATURE_INVALID', check.reason), { source: 'custom', startedAt });
    try {
      const settings = effectiveSettings(deps.config.settingsDefaults, source.settings);
      if (source.status !== 'ACTIVE') throw new UserError('WORKSPACE_INACTIVE', 'the add-on is not active on this workspace');
      if (!settings.enable_custom)
        throw new UserError('FEATURE_DISABLED', 'custom webhooks are disabled for this workspace (setting enable_custom)');
      if (!source.enabled) throw new UserError('FEATURE_DISABLED', 'this webhook source is disabled');

      return await accept(req, { source, settings }, parseCustomBody(rawBody, header(req, 'content-type')));
    } catch (err) {
      if (err instanceof AppError && err.kind === 'user') return reject(req, err, source);
      throw err;
    }
  };

  async function accept(
    req: TInboundRequest,
    target: { source: TSourceRow; settings: ReturnType<typeof effectiveSettings> },
    body: TParsedBody,
  ): Promise<TIngestResponse> {
    const { source, settings } = target;
    const rawBody = req.rawBody!;
    const { payload } = body;
    const eventType = eventTypeOf(req, source, payload);
    const redacted = redactPayload(payload, parseRedactPaths(settings.redact_fields));
    // The text as received would still hold what redaction removed from the parsed view: then it is not kept.
    const matches = settings.enable_flows ? flows.match(source.workspace_id, triggerKeyOf('custom', source.id)) : [];
    const idHeader = source.id_header ?? defaultIdHeader(source.verification.kind);
    const givenId = idHeader ? header(req, idHeader) : undefined;
    const dedupKey = givenId
      ? `id:${source.id}:${givenId}`.slice(0, 128)
      : createHash('sha256').update(source.id).update(eventType).update('\n').update(rawBody).digest('hex');
    const log = logRow({
      workspace_id: source.workspace_id,
      source: 'custom',
      source_id: source.id,
      event_type: eventType,
      payload,
      raw_body: redacted.length > 0 ? null : body.rawText,
      headers: selectHeaders(req.headers, [source.id_header, source.event_type_header]),
      signature: source.verification.kind === 'none' ? 'unverified' : 'valid',
      dedup_key: dedupKey,
      outcome: matches.length > 0 ? 'queued' : 'no_match',
      reason: null,
      flowIds: matches.map((m) => m.flowId),
      redacted,
      size_bytes: rawBody.length,
    });
    const executions = matches.map((m) => executionRow(source.workspace_id, m, log.id));
    const { duplicate } = await queue.submit({
      log,
      executions,
      dedup: { workspaceId: source.workspace_id, key: dedupKey, expiresAt: Date.now() + settings.dedup_window_days * DAY_MS },
    });
    deps.metrics.webhookReceived('custom', duplicate ? 'duplicate' : log.outcome, (Date.now() - log.received_at) / 1000);
    deps.bus.publish({ type: 'webhook.logged', workspaceId: source.workspace_id, logId: log.id });

    return { status: 200, body: { id: log.id, outcome: duplicate ? 'duplicate' : log.outcome, flows: duplicate ? 0 : executions.length } };
  }
}

function defaultIdHeader(kind: TSourceVerification['kind']): string | null {
  if (kind === 'standard') return 'webhook-id';
  if (kind === 'github') return 'x-github-delivery';

  return null;
}

function eventTypeOf(req: TInboundRequest, source: TSourceRow, payload: unknown): string {
  const fromHeader = source.event_type_header
    ? header(req, source.event_type_header)
    : source.verification.kind === 'github'
      ? header(req, 'x-github-event')
      : undefined;
  const fromBody = (payload as { type?: unknown })?.type;

  return (fromHeader ?? (typeof fromBody === 'string' ? fromBody : 'webhook')).slice(0, 128);
}
