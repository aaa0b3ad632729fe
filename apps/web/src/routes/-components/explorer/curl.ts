import { clockifyCurl } from '@uw/flow-engine';

import type { TOperationValues } from '../../../components/schema-form';

const DEFAULT_BASES = { api: 'https://api.clockify.me/api', reports: 'https://reports.api.clockify.me' } as const;

export function fillPath(template: string, path: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = path[name];

    return value === undefined || value === '' ? whole : encodeURIComponent(String(value));
  });
}

export function queryString(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const text = params.toString();

  return text ? `?${text}` : '';
}

type TCurlInput = { method: string; path: string; host: 'api' | 'reports'; baseUrl?: string | null; values: TOperationValues };

/**
 * A curl command for the request (`clockifyCurl`, the same builder the server's explorer history uses). The
 * token is never included: it reads $CLOCKIFY_ADDON_TOKEN from the environment, so the snippet can be shared.
 */
export function buildCurl({ method, path, host, baseUrl, values }: TCurlInput): string {
  const base = (host === 'api' && baseUrl ? baseUrl : DEFAULT_BASES[host]).replace(/\/+$/, '');
  const url = `${base}${fillPath(path, values.path)}${queryString(values.query)}`;

  return clockifyCurl({ method, url, body: values.body });
}
