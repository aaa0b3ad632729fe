import { createHash } from 'node:crypto';

import { isEventType } from '@uw/clockify';
import { ingestQueries } from '@uw/db';

import type { TApiDeps } from '../../deps';
import { AppError, UserError } from '../../errors';
import type { TCommitQueue } from './commit-queue';
import { triggerKeyOf, type TFlowIndex } from './flow-index';
import { parseJsonText } from './parse-body';
import { executionRow, logRow, selectHeaders } from './record';
import { redactPayload } from './redact';
import { cacheWriteOfWebhook } from '../cache/apply-webhook';
import { createInstallationScopedCache } from '../installations/installation-cache';
import { refuseUnverified } from './refuse-unverified';
import { createSettingsView } from './settings-view';
import { createSignatureCache } from './signature-cache';
import { header, isJsonContentType, type TInboundRequest, type TIngestResponse } from './types';

const DAY_MS = 86_400_000;

type TAuthorised = { workspaceId: string; status: string; settings: Record<string, unknown> };

/** POST /webhooks/clockify: verify, dedup, log and queue in one transaction, then answer. */
export function createClockifyReceiver(deps: TApiDeps, flows: TFlowIndex, queue: TCommitQueue) {
  const verifySignature = createSignatureCache(deps);
  const settingsOf = createSettingsView(deps.config.settingsDefaults);

  const reject = async (
    req: TInboundRequest,
    err: AppError,
    claimed: { workspaceId?: string; eventType?: string } = {},
  ): Promise<TIngestResponse> => {
    const { workspaceId = '', eventType = '' } = claimed;
    const started = Date.now();
    // No verified workspace: counted, never stored (anyone can send these, and rows would cost us disk).
    if (!workspaceId) return refuseUnverified(deps, err, { source: 'clockify', startedAt: started });
    const row = logRow({
      workspace_id: workspaceId,
      source: 'clockify',
      source_id: null,
      event_type: eventType.slice(0, 128),
      payload: null,
      headers: selectHeaders(req.headers),
      signature: 'valid',
      dedup_key: null,
      outcome: 'rejected',
      reason: `${err.code}: ${err.message}`.slice(0, 256),
      size_bytes: req.rawBody?.length ?? 0,
    });
    await queue.submit({ log: row, executions: [] });
    deps.metrics.webhookReceived('clockify', 'rejected', (Date.now() - started) / 1000);

    return { status: err.status, body: { id: row.id, outcome: 'rejected', error: { code: err.code, message: err.message } } };
  };

  // The stored credential behind each webhook token, cached: at a thousand webhooks a second this saves a
  // query per request. A token no installation holds is not cached, so a new install counts at once.
  const credentials = createInstallationScopedCache<TAuthorised & { addonId: string }>(deps);

  const storedCredential = (workspaceId: string, tokenHash: string) =>
    credentials.get(`${workspaceId}:${tokenHash}`, async () => {
      const row = await ingestQueries.findWebhookCredential(deps.db, workspaceId, tokenHash);

      return row && { workspaceId, ...row };
    });

  async function authorise(token: string): Promise<TAuthorised> {
    const { claims, tokenHash } = await verifySignature(token);
    const workspaceId = String(claims.workspaceId ?? '');
    const stored = await storedCredential(workspaceId, tokenHash);
    if (!stored || (claims.addonId && stored.addonId !== claims.addonId)) {
      throw new UserError('SIGNATURE_INVALID', 'clockify-signature does not match a webhook of an installed workspace');
    }

    return { workspaceId, status: stored.status, settings: stored.settings };
  }

  return async function receive(req: TInboundRequest): Promise<TIngestResponse> {
    const receivedAt = Date.now();
    const eventType = header(req, 'clockify-webhook-event-type') ?? '';
    const token = header(req, 'clockify-signature');
    let auth: TAuthorised | null = null;
    try {
      if (!token) throw new UserError('SIGNATURE_INVALID', 'missing clockify-signature header');
      auth = await authorise(token);
      if (!eventType) throw new UserError('UNKNOWN_EVENT_TYPE', 'missing clockify-webhook-event-type header');
      if (!isEventType(eventType)) throw new UserError('UNKNOWN_EVENT_TYPE', `unknown event type ${eventType}`);
      if (auth.status !== 'ACTIVE')
        throw new UserError('WORKSPACE_INACTIVE', `the add-on is ${auth.status.toLowerCase()} on this workspace`);
      if (!isJsonContentType(header(req, 'content-type')))
        throw new UserError('UNSUPPORTED_MEDIA_TYPE', 'content-type must be application/json');
      const body = parseJsonText(req.rawBody ?? Buffer.alloc(0));
      const payload = body.value;
      const bodyWorkspace = (payload as { workspaceId?: unknown })?.workspaceId;
      if (typeof bodyWorkspace === 'string' && bodyWorkspace !== auth.workspaceId) {
        throw new UserError('WORKSPACE_MISMATCH', "the body's workspaceId differs from the signature's workspace");
      }

      return await accept(req, auth, { eventType, payload, text: body.exact ? body.text : undefined, receivedAt });
    } catch (err) {
      if (err instanceof AppError && err.kind === 'user') {
        return reject(req, err, { workspaceId: auth?.workspaceId, eventType });
      }
      throw err;
    }
  };

  async function accept(
    req: TInboundRequest,
    auth: TAuthorised,
    event: { eventType: string; payload: unknown; text?: string; receivedAt: number },
  ): Promise<TIngestResponse> {
    const { eventType, payload, text, receivedAt } = event;
    const { settings, redactPaths } = settingsOf(auth.settings);
    const redacted = redactPayload(payload, redactPaths);
    const matches = settings.enable_flows ? flows.match(auth.workspaceId, triggerKeyOf('clockify', eventType)) : [];
    const dedupKey = createHash('sha256').update(eventType).update('\n').update(req.rawBody!).digest('hex');
    const log = logRow({
      workspace_id: auth.workspaceId,
      source: 'clockify',
      source_id: null,
      event_type: eventType,
      payload,
      // The body as received is the payload's JSON unless redaction changed the payload.
      payloadJson: redacted.length === 0 ? text : undefined,
      headers: selectHeaders(req.headers),
      signature: 'valid',
      dedup_key: dedupKey,
      outcome: matches.length > 0 ? 'queued' : 'no_match',
      reason: null,
      flowIds: matches.map((m) => m.flowId),
      redacted,
      receivedAt,
      size_bytes: req.rawBody!.length,
    });
    const executions = matches.map((m) => executionRow(auth.workspaceId, m, log.id));
    const expiresAt = receivedAt + settings.dedup_window_days * DAY_MS;
    // The cache change commits with the log row: a 200 means the cache already reflects the event.
    const cache = cacheWriteOfWebhook(
      { workspaceId: auth.workspaceId, eventType, payload },
      { ttlDays: settings.cache_ttl_days, now: receivedAt, payloadJson: log.payload },
    );
    const { duplicate } = await queue.submit({
      log,
      executions,
      dedup: { workspaceId: auth.workspaceId, key: dedupKey, expiresAt },
      cache,
    });
    deps.metrics.webhookReceived('clockify', duplicate ? 'duplicate' : log.outcome, (Date.now() - log.received_at) / 1000);
    deps.bus.publish({ type: 'webhook.logged', workspaceId: auth.workspaceId, logId: log.id });
    const outcome = duplicate ? 'duplicate' : log.outcome;

    return { status: 200, body: { id: log.id, outcome, flows: duplicate ? 0 : executions.length } };
  }
}
