import type { TSimOperation } from '../catalogue/types';

export type TCompiledRoute = {
  op: TSimOperation;
  method: string;
  segments: string[];
  /** higher = more literal segments earlier in the path: `/expenses/categories` beats `/expenses/{expenseId}` */
  score: number;
};

export type TRouteMatch = { op: TSimOperation; params: Record<string, string> };
export type TRouteTable = { match(host: string, method: string, path: string): TRouteMatch | 'method-not-allowed' | undefined };

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');
const split = (path: string) => path.split('/').filter((s) => s.length > 0);

function compile(op: TSimOperation): TCompiledRoute {
  const segments = split(op.path);
  const score = segments.reduce((acc, s, i) => acc + (isParam(s) ? 0 : 2 ** (segments.length - i)), 0);

  return { op, method: op.method.toUpperCase(), segments, score };
}

function paramsOf(route: TCompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const want = route.segments[i] as string;
    const got = parts[i] as string;
    if (isParam(want)) {
      params[want.slice(1, -1)] = decodeURIComponent(got);
    } else if (want !== got) {
      return undefined;
    }
  }

  return params;
}

/** Matches a request against operation path templates, per host (`api` or `reports`). */
export function createRouteTable(operations: readonly TSimOperation[]): TRouteTable {
  const byHostAndLength = new Map<string, TCompiledRoute[]>();
  for (const op of operations) {
    const route = compile(op);
    const key = `${op.host}:${route.segments.length}`;
    byHostAndLength.set(key, [...(byHostAndLength.get(key) ?? []), route]);
  }
  for (const list of byHostAndLength.values()) {
    list.sort((a, b) => b.score - a.score);
  }

  return {
    match(host, method, path) {
      const parts = split(path);
      let pathKnown = false;
      for (const route of byHostAndLength.get(`${host}:${parts.length}`) ?? []) {
        const params = paramsOf(route, parts);
        if (!params) {
          continue;
        }
        if (route.method === method.toUpperCase()) {
          return { op: route.op, params };
        }
        pathKnown = true;
      }

      return pathKnown ? 'method-not-allowed' : undefined;
    },
  };
}
