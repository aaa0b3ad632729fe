import type { TCatalogue } from '@uw/clockify';
import type { TDryRunRequest } from '@uw/flow-engine';

import { showStepRequest } from './masking';

/** A request a back-tested event would have sent, as shown: method, URL, body (header values masked). */
export type TBacktestRequest = {
  webhookId: string;
  nodeId: string;
  kind: 'clockify' | 'http';
  method: string;
  url: string;
  operationId?: string;
  headers?: Record<string, string>;
  body?: unknown;
};

function clockifyUrl(template: string, path: Record<string, string>, query: Record<string, string>): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    path[name] === undefined ? whole : encodeURIComponent(path[name]),
  );
  const search = new URLSearchParams(query).toString();

  return search ? `${filled}?${search}` : filled;
}

/** A would-be request in the back-test's shape; a Clockify call's method and path come from the catalogue. */
export function showBacktestRequest(webhookId: string, entry: TDryRunRequest, catalogue: TCatalogue | null): TBacktestRequest {
  const request = showStepRequest(entry.kind, entry.request) as Record<string, unknown>;
  const base = { webhookId, nodeId: entry.nodeId, kind: entry.kind, ...(request.body === undefined ? {} : { body: request.body }) };
  if (entry.kind === 'http') {
    return { ...base, method: String(request.method), url: String(request.url), headers: request.headers as Record<string, string> };
  }
  const operationId = String(request.operationId);
  const operation = catalogue?.get(operationId);
  const path = (request.path ?? {}) as Record<string, string>;
  const query = (request.query ?? {}) as Record<string, string>;

  return {
    ...base,
    operationId,
    method: operation?.method.toUpperCase() ?? 'CALL',
    url: clockifyUrl(operation?.path ?? operationId, path, query),
  };
}
