/** One request as the simulator saw it. The X-Addon-Token value is never kept (it reads '[token]'). */
export type TRecordedRequest = {
  at: number;
  method: string;
  path: string;
  /** the query string as parsed (repeated keys as arrays); empty when there was none */
  query: Record<string, unknown>;
  operationId?: string;
  workspaceId?: string;
  /** 0 when the connection was dropped by an injected fault */
  status: number;
  body?: unknown;
  headers: Record<string, string>;
};

export type TViolation = { at: number; operationId: string; method: string; path: string; status: number; errors: string[] };

const SECRET_HEADERS = new Set(['x-addon-token', 'x-api-key', 'x-marketplace-token', 'authorization']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? '[token]' : Array.isArray(value) ? value.join(', ') : value;
  }

  return out;
}

/** Max requests for a workspace in any aligned one-second window (all requests that reached the server). */
export function countPerSecond(requests: readonly TRecordedRequest[], workspaceId: string): number {
  const perSecond = new Map<number, number>();
  let max = 0;
  for (const r of requests) {
    if (r.workspaceId !== workspaceId) {
      continue;
    }
    const second = Math.floor(r.at / 1000);
    const n = (perSecond.get(second) ?? 0) + 1;
    perSecond.set(second, n);
    max = Math.max(max, n);
  }

  return max;
}
