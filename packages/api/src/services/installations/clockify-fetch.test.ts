import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ClockifyValidationError } from '@uw/clockify';

import { NOOP_LOGGER } from '../../outbound/types';
import { createClockifyNet } from './clockify-fetch';

/** The global fetch, noting every URL it is asked for. */
function recordingFetch() {
  const urls: string[] = [];
  const recording = ((input: string, init?: RequestInit) => {
    urls.push(input);

    return fetch(input, init);
  }) as typeof fetch;

  return { urls, recording };
}

describe('createClockifyNet', () => {
  const seen: IncomingHttpHeaders[] = [];
  let server: Server;
  let host: string;
  const send = (net: ReturnType<typeof createClockifyNet>, url: string) =>
    net.transport({ method: 'GET', url, headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('calls an allow-listed host over node:http (kept alive, no fetch headers)', async () => {
    seen.length = 0;
    const net = createClockifyNet({ allowlist: [host], logger: NOOP_LOGGER });
    expect(await send(net, `http://${host}/api/v1/user`)).toMatchObject({ status: 200, text: '{"ok":true}' });
    expect(seen[0]).toMatchObject({ connection: 'keep-alive' });
    expect(seen[0]!['sec-fetch-mode']).toBeUndefined();
  });

  it('sends trusted calls through an injected fetch instead', async () => {
    seen.length = 0;
    const { urls, recording } = recordingFetch();
    const net = createClockifyNet({ allowlist: [host], fetch: recording, logger: NOOP_LOGGER });
    expect(await send(net, `http://${host}/api/x`)).toMatchObject({ status: 200 });
    expect(urls).toEqual([`http://${host}/api/x`]);
    expect(seen).toHaveLength(1);
  });

  it('refuses an untrusted loopback host through the SSRF guard, even with an injected fetch: nothing sent', async () => {
    seen.length = 0;
    const { urls, recording } = recordingFetch();
    for (const net of [
      createClockifyNet({ allowlist: [], logger: NOOP_LOGGER }),
      createClockifyNet({ allowlist: [], fetch: recording, logger: NOOP_LOGGER }),
    ]) {
      await expect(send(net, `http://${host}/api/x`)).rejects.toThrow(ClockifyValidationError);
    }
    expect(urls).toHaveLength(0);
    expect(seen).toHaveLength(0);
  });
});
