import type { AddressInfo } from 'node:net';

import { loadOperations } from './catalogue/load-operations';
import { eventForApiChange } from './delivery/api-change-events';
import type { TSimCore } from './delivery/core';
import { installInto } from './delivery/install-into';
import { sendLifecycle } from './delivery/send-lifecycle';
import { emitWebhook, sendWebhook } from './delivery/send-webhook';
import { buildDeps } from './server/build-deps';
import { createApp } from './server/create-app';
import { countPerSecond } from './server/recorder';
import { listen } from './server/listen';
import { loadKeys } from './signing/keys';
import { createTokenIssuer } from './signing/token-issuer';
import { createTokens } from './signing/tokens';
import type { TSimWorkspace, TSimulator, TSimulatorOptions } from './simulator-types';
import { createStore } from './state/store';

/** Starts a local Clockify (dev/test only) on 127.0.0.1, seeded and with the add-on installed on every workspace. */
export async function startSimulator(options: TSimulatorOptions = {}): Promise<TSimulator> {
  const keys = await loadKeys(options.privateKeyPem);
  const store = createStore(options.seed, options.addonKey ?? 'universal-webhook');
  const loaded = await loadOperations(options.openapiPath);
  const notices = [...loaded.notices];
  const issuer = createTokenIssuer(keys.privateKey, keys.publicKeyPem);
  const urls = { url: '', apiUrl: '', reportsUrl: '' };
  const tokens = createTokens(issuer, () => ({ backendUrl: urls.apiUrl, reportsUrl: urls.reportsUrl }));
  const services = { issueWebhookToken: tokens.webhook };
  const deps = buildDeps({
    store,
    issuer,
    services,
    operations: loaded.operations,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 50,
    notices,
  });
  const server = await listen(createApp(deps), options.port ?? 0, options.host ?? '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  urls.url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  urls.apiUrl = `${urls.url}/api`;
  urls.reportsUrl = `${urls.url}/reports`;
  for (const ws of store.list()) {
    ws.installation.token = await tokens.installation(ws);
  }
  const core: TSimCore = { store, tokens, urls, timeoutMs: options.deliveryTimeoutMs ?? 10_000, deliveries: [] };
  if (options.emitOnApiChanges) {
    deps.onSuccess = (change) => {
      const event = eventForApiChange(change);
      if (event) {
        setTimeout(() => void emitWebhook(core, { workspaceId: change.ws.workspace.id, eventType: event.eventType, body: event.body }), 0);
      }
    };
  }
  const workspaces: TSimWorkspace[] = store.list().map((data) => ({
    id: data.workspace.id,
    name: data.workspace.name,
    ownerId: data.workspace.ownerId,
    data,
    get token() {
      return data.installation.token;
    },
  }));
  const workspace = (id?: string) => {
    const found = id === undefined ? workspaces[0] : workspaces.find((w) => w.id === id);
    if (!found) {
      throw new Error(`unknown workspace ${id}`);
    }

    return found;
  };

  return {
    ...urls,
    privateKeyPem: keys.privateKeyPem,
    publicKeyPem: keys.publicKeyPem,
    addonId: store.addonId,
    addonKey: store.addonKey,
    workspaces,
    workspace,
    requests: deps.requests,
    violations: deps.violations,
    notices,
    deliveries: core.deliveries,
    validation: { enabled: deps.validator !== undefined, source: loaded.source },
    faults: deps.faults,
    countPerSecond: (workspaceId) => countPerSecond(deps.requests, workspaceId),
    clearRequests: () => void deps.requests.splice(0),
    close: () => server.closeAll(),
    installInto: (baseUrl, workspaceId, opts) => installInto(core, { baseUrl, workspaceId }, opts),
    sendLifecycle: (target, body) => sendLifecycle(core, target, body),
    userToken: (workspaceId, opts) => tokens.user(workspace(workspaceId).data, opts),
    sendWebhook: (target, opts) => sendWebhook(core, target, opts),
    emitWebhook: (workspaceId, eventType, opts) => emitWebhook(core, { workspaceId, eventType, ...opts }),
  };
}
