import { afterEach, describe, expect, it, vi } from 'vitest';

import { FetchEventSource } from './fetch-event-source';

function sseResponse(text: string): Response {
  return new Response(new Blob([text]).stream(), { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function collect(es: FetchEventSource, types: string[]) {
  const seen: { type: string; data?: string; message?: string; readyState: number }[] = [];
  for (const type of types) {
    es.addEventListener(type, (e) =>
      seen.push({
        type,
        data: (e as MessageEvent).data as string | undefined,
        message: (e as { message?: string }).message,
        readyState: es.readyState,
      }),
    );
  }

  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FetchEventSource', () => {
  it('sends the headers given (read at connect time) and dispatches named events', async () => {
    const fetchMock = vi.fn(async () => sseResponse('event: connected\ndata: {}\n\ndata: {"n":1}\n\n'));
    vi.stubGlobal('fetch', fetchMock);
    let token = 'one';
    const es = new FetchEventSource('/trpc/webhooks.live', { headers: () => ({ authorization: `Bearer ${token}` }) });
    token = 'two';
    const seen = collect(es, ['open', 'connected', 'message']);
    await vi.waitFor(() => expect(seen.map((s) => s.type)).toEqual(['open', 'connected', 'message']));
    es.close();

    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer one');
    expect(seen[2]?.data).toBe('{"n":1}');
  });

  it('fails for good on an HTTP error, carrying the server message as a tRPC error shape', async () => {
    const body = JSON.stringify({
      error: { code: -32001, message: 'sign in: send Authorization: Bearer <token>', data: { code: 'UNAUTHORIZED' } },
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { status: 401, headers: { 'content-type': 'application/json' } })),
    );
    const es = new FetchEventSource('/trpc/x');
    const seen = collect(es, ['error']);
    await vi.waitFor(() => expect(seen).toHaveLength(1));

    expect(seen[0]).toMatchObject({ message: 'sign in: send Authorization: Bearer <token>', readyState: 2 });
    expect(es.readyState).toBe(es.CLOSED);
  });

  it('reconnects after the stream ends, sending Last-Event-ID', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(sseResponse('retry: 5\nid: 41\ndata: a\n\n'))
      .mockResolvedValue(sseResponse('data: b\n\n'));
    vi.stubGlobal('fetch', fetchMock);
    const es = new FetchEventSource('/trpc/x');
    const seen = collect(es, ['message', 'error']);
    await vi.waitFor(() => expect(seen.filter((s) => s.type === 'message').length).toBeGreaterThanOrEqual(2));
    es.close();

    expect(seen.find((s) => s.type === 'error')?.readyState).toBe(0);
    const second = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((second[1].headers as Record<string, string>)['last-event-id']).toBe('41');
  });
});
