import { createSseParser } from './sse-parser';

export type TFetchEventSourceInit = {
  withCredentials?: boolean;
  /** Read on every (re)connect, so a refreshed token is used at once. */
  headers?: () => Record<string, string>;
};

type TErrorShape = { code: number; message: string; data?: unknown };

/** A MessageEvent-like event; `error` holds a tRPC error shape so the client shows the server's message. */
class SseEvent extends Event {
  readonly data: string;
  readonly lastEventId: string;
  readonly error?: TErrorShape;

  constructor(type: string, init: { data?: string; lastEventId?: string; error?: TErrorShape } = {}) {
    super(type);
    this.data = init.data ?? '';
    this.lastEventId = init.lastEventId ?? '';
    this.error = init.error;
  }

  get message(): string | undefined {
    return this.error?.message;
  }
}

async function errorShapeOf(res: Response): Promise<TErrorShape> {
  const fallback = { code: -32603, message: `the live connection was refused (HTTP ${res.status})` };
  try {
    const body = (await res.json()) as { error?: TErrorShape } | { error?: TErrorShape }[];
    const error = Array.isArray(body) ? body[0]?.error : body.error;

    return error && typeof error.message === 'string' && typeof error.code === 'number' ? error : fallback;
  } catch {
    return fallback;
  }
}

/**
 * EventSource over fetch, for tRPC's httpSubscriptionLink: browsers' EventSource cannot send an
 * Authorization header, this one can. Same events and readyState rules: reconnects after a dropped
 * stream (`error` while CONNECTING), stops for good on an HTTP error (`error` while CLOSED).
 */
export class FetchEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  readonly withCredentials: boolean;
  private readonly abort = new AbortController();
  private retryMs = 2_000;
  private lastEventId = '';

  constructor(
    readonly url: string,
    private readonly init: TFetchEventSourceInit = {},
  ) {
    super();
    this.withCredentials = Boolean(init.withCredentials);
    void this.run();
  }

  close(): void {
    this.readyState = this.CLOSED;
    this.abort.abort();
  }

  private async run(): Promise<void> {
    while (this.readyState !== this.CLOSED) {
      try {
        await this.connectOnce();
      } catch (err) {
        if (this.readyState === this.CLOSED) return;
        this.readyState = this.CONNECTING;
        this.dispatchEvent(new SseEvent('error', { error: { code: -32603, message: `live connection lost: ${(err as Error).message}` } }));
      }
      if (this.readyState === this.CLOSED) return;
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }

  private async connectOnce(): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...this.init.headers?.() };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    const res = await fetch(this.url, {
      headers,
      signal: this.abort.signal,
      cache: 'no-store',
      credentials: this.withCredentials ? 'include' : 'same-origin',
    });
    if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const error = await errorShapeOf(res);
      this.readyState = this.CLOSED;
      this.dispatchEvent(new SseEvent('error', { error }));

      return;
    }
    this.readyState = this.OPEN;
    this.dispatchEvent(new Event('open'));
    const parser = createSseParser(
      (e) => {
        this.lastEventId = e.lastEventId;
        if (this.readyState === this.OPEN) this.dispatchEvent(new SseEvent(e.type, { data: e.data, lastEventId: e.lastEventId }));
      },
      (ms) => {
        this.retryMs = ms;
      },
    );
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(r.value);
    parser.end();
    if (this.readyState !== this.CLOSED) throw new Error('the server closed the stream');
  }
}
