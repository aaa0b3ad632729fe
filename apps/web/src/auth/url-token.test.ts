import { describe, expect, it } from 'vitest';

import { consumeTokenFromLocation, takeTokenFromUrl } from './url-token';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJ3b3Jrc3BhY2VJZCI6IncxIn0.c2ln';

describe('takeTokenFromUrl', () => {
  it('takes the token and removes it, keeping other parameters and the hash', () => {
    const { token, cleanUrl } = takeTokenFromUrl(`https://uw.example.com/webhooks?outcome=queued&auth_token=${JWT}&x=1#top`);

    expect(token).toBe(JWT);
    expect(cleanUrl).toBe('/webhooks?outcome=queued&x=1#top');
  });

  it('leaves no dangling "?" when the token was the only parameter', () => {
    expect(takeTokenFromUrl(`https://uw.example.com/?auth_token=${JWT}`).cleanUrl).toBe('/');
  });

  it('returns the URL untouched when there is no token', () => {
    const href = 'https://uw.example.com/flows?a=b';

    expect(takeTokenFromUrl(href)).toEqual({ token: null, cleanUrl: href });
  });

  it('strips an empty token parameter but reports no token', () => {
    expect(takeTokenFromUrl('https://uw.example.com/?auth_token=')).toEqual({ token: null, cleanUrl: '/' });
  });

  it('uses the last value when the parameter repeats, and removes all of them', () => {
    const { token, cleanUrl } = takeTokenFromUrl('https://uw.example.com/?auth_token=a.b.c&auth_token=d.e.f');

    expect(token).toBe('d.e.f');
    expect(cleanUrl).toBe('/');
  });
});

describe('consumeTokenFromLocation', () => {
  it('replaces the history entry with the clean URL (no new entry, state kept)', () => {
    const calls: unknown[][] = [];
    const win = {
      location: { href: `https://uw.example.com/settings?auth_token=${JWT}` },
      history: { state: { key: 'k' }, replaceState: (...args: unknown[]) => calls.push(args) },
    } as unknown as Window;

    expect(consumeTokenFromLocation(win)).toBe(JWT);
    expect(calls).toEqual([[{ key: 'k' }, '', '/settings']]);
  });

  it('does not touch history when there is no token', () => {
    const calls: unknown[] = [];
    const win = {
      location: { href: 'https://uw.example.com/' },
      history: { state: null, replaceState: () => calls.push(1) },
    } as unknown as Window;

    expect(consumeTokenFromLocation(win)).toBeNull();
    expect(calls).toEqual([]);
  });
});
