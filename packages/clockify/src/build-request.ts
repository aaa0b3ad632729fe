import type { TOperation } from './catalogue-types';
import { ClockifyValidationError } from './errors';

export type TBaseUrls = { apiUrl: string; reportsUrl?: string | null };

/** The base URL for a host: `apiUrl` for the API, `reportsUrl` for reports; no trailing slash. */
export function baseUrlFor(host: 'api' | 'reports', urls: TBaseUrls): string {
  const base = host === 'reports' ? urls.reportsUrl : urls.apiUrl;
  if (!base) {
    throw new ClockifyValidationError(`no ${host === 'reports' ? 'reportsUrl' : 'apiUrl'} configured for this Clockify client`);
  }
  if (!/^https?:\/\//i.test(base)) {
    throw new ClockifyValidationError(`the Clockify ${host} URL must be http(s), got "${base}"`);
  }

  return base.replace(/\/+$/, '');
}

/** Path segments a URL parser would drop or resolve (`/tags/..` is `/`): a parameter may never be one of them. */
const SEGMENTS_THAT_MOVE = new Set(['', '.', '..']);

/**
 * Fills `{name}` placeholders; values are percent-encoded so they stay one path segment. An empty, `.` or
 * `..` value would turn the call into another operation (`deleteTag {id: ".."}` → DELETE the workspace
 * path), so it is refused before anything is sent.
 */
export function fillPath(template: string, values: Record<string, unknown> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = String(values[name] ?? '');
    if (SEGMENTS_THAT_MOVE.has(value)) {
      const shown = value === '' ? 'empty' : `"${value}"`;
      const issue = `path.${name}: must not be ${shown} (it would address another path than the operation's)`;
      throw new ClockifyValidationError(`invalid path parameter ${name}: it must not be ${shown}`, [issue]);
    }

    return encodeURIComponent(value);
  });
}

/** Query string with repeated keys for arrays (OpenAPI's default form/explode style); nullish values skipped. */
export function queryString(query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      params.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const text = params.toString();

  return text ? `?${text}` : '';
}

/** Refuses anything that could leave the configured host: absolute URLs, `//host`, `..` segments. */
export function checkRawPath(path: string): void {
  if (
    !path.startsWith('/') ||
    path.startsWith('//') ||
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    /(^|\/)\.\.?(\/|$)/.test(path.split('?')[0]!)
  ) {
    throw new ClockifyValidationError(`a Clockify request path must be a path on the API host (starting with one "/"), got "${path}"`);
  }
}

export function operationUrl(
  op: TOperation,
  input: { path?: Record<string, unknown>; query?: Record<string, unknown> },
  urls: TBaseUrls,
): string {
  return `${baseUrlFor(op.host, urls)}${fillPath(op.path, input.path)}${queryString(input.query)}`;
}
