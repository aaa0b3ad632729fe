export const AUTH_TOKEN_PARAM = 'auth_token';

export type TUrlToken = { token: string | null; cleanUrl: string };

/**
 * Reads Clockify's `auth_token` from a URL and returns the URL without it (other parameters and the hash
 * are kept), so the token never stays in the address bar, the history or a Referer.
 */
export function takeTokenFromUrl(href: string): TUrlToken {
  const url = new URL(href);
  const values = url.searchParams.getAll(AUTH_TOKEN_PARAM).filter((v) => v.trim() !== '');
  if (!url.searchParams.has(AUTH_TOKEN_PARAM)) {
    return { token: null, cleanUrl: href };
  }
  url.searchParams.delete(AUTH_TOKEN_PARAM);
  const search = url.searchParams.toString();
  const cleanUrl = `${url.pathname}${search ? `?${search}` : ''}${url.hash}`;

  return { token: values.at(-1)?.trim() ?? null, cleanUrl };
}

/** Strips the token from the current location with history.replaceState; returns the token, if any. */
export function consumeTokenFromLocation(win: Pick<Window, 'location' | 'history'> = window): string | null {
  const { token, cleanUrl } = takeTokenFromUrl(win.location.href);
  if (cleanUrl !== win.location.href) {
    win.history.replaceState(win.history.state, '', cleanUrl);
  }

  return token;
}
