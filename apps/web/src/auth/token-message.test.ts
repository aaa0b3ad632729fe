import { describe, expect, it } from 'vitest';

import { isTrustedParentOrigin, parseTokenMessage, refreshRequest } from './token-message';

const TOKEN = 'aaa.bbb.ccc';

describe('refreshAddonToken messages', () => {
  it('asks with the documented JSON text', () => {
    expect(JSON.parse(refreshRequest())).toEqual({ action: 'refreshAddonToken' });
  });

  it.each([
    { title: 'refreshAddonToken', body: TOKEN },
    JSON.stringify({ title: 'refreshAddonToken', body: TOKEN }),
    { action: 'refreshAddonToken', payload: TOKEN },
    { action: 'refreshAddonToken', payload: { token: TOKEN } },
    { type: 'refreshAddonToken', token: ` ${TOKEN} ` },
  ])('takes the token from an answer shaped %j', (data) => {
    expect(parseTokenMessage(data)).toBe(TOKEN);
  });

  it.each([
    null,
    'not json',
    { title: 'URL_CHANGED', body: TOKEN },
    { title: 'refreshAddonToken', body: 'not-a-jwt' },
    { title: 'refreshAddonToken' },
  ])('ignores other messages (%j)', (data) => {
    expect(parseTokenMessage(data)).toBeNull();
  });

  it('trusts Clockify origins (any region) and our own, nothing else', () => {
    const own = 'http://localhost:8001';

    expect(isTrustedParentOrigin('https://app.clockify.me', own)).toBe(true);
    expect(isTrustedParentOrigin('https://eu.app.clockify.me', own)).toBe(true);
    expect(isTrustedParentOrigin(own, own)).toBe(true);
    expect(isTrustedParentOrigin('https://clockify.me.evil.com', own)).toBe(false);
    expect(isTrustedParentOrigin('http://app.clockify.me', own)).toBe(false);
  });
});
