export type TPostResult = { status: number; body: unknown; headers: Record<string, string>; error?: string };

/** POSTs JSON and reads the answer (JSON when it parses, text otherwise); network errors give status 0. */
export async function postJson(
  url: string,
  body: unknown,
  opts: { headers: Record<string, string>; timeoutMs: number },
): Promise<TPostResult> {
  const { headers, timeoutMs } = opts;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }

    return { status: res.status, body: parsed, headers: Object.fromEntries(res.headers.entries()) };
  } catch (err) {
    return { status: 0, body: undefined, headers: {}, error: (err as Error).message };
  }
}

export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
