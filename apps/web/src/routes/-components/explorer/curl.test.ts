import { describe, expect, it } from 'vitest';

import { buildCurl, fillPath, queryString } from './curl';

describe('curl snippet', () => {
  it('fills path parameters (URL-encoded) and keeps unknown ones as placeholders', () => {
    expect(fillPath('/v1/workspaces/{workspaceId}/users/{userId}', { workspaceId: 'w 1' })).toBe('/v1/workspaces/w%201/users/{userId}');
  });

  it('builds a query string, repeating array values and skipping empty ones', () => {
    expect(queryString({ page: 2, name: 'a&b', empty: '', tags: ['x', 'y'] })).toBe('?page=2&name=a%26b&tags=x&tags=y');
    expect(queryString({})).toBe('');
  });

  it('never contains a token, and sends the body as JSON', () => {
    const text = buildCurl({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/tags',
      host: 'api',
      baseUrl: 'https://eu.api.clockify.me/api/',
      values: { path: { workspaceId: 'w1' }, query: {}, body: { name: "O'Brien" } },
    });

    // The command's layout is clockifyCurl's (tested in @uw/flow-engine); here: the URL, the token reference, the body.
    expect(text.split(' \\\n')[0]).toBe(`curl -X POST 'https://eu.api.clockify.me/api/v1/workspaces/w1/tags'`);
    expect(text).toContain(`-H "X-Addon-Token: $CLOCKIFY_ADDON_TOKEN"`);
    expect(text).toContain(`--data '{"name":"O'\\''Brien"}'`);
  });

  it('uses the reports host for report operations', () => {
    expect(
      buildCurl({ method: 'GET', path: '/v1/x', host: 'reports', baseUrl: 'https://api.clockify.me/api', values: { path: {}, query: {} } }),
    ).toContain('https://reports.api.clockify.me/v1/x');
  });
});
