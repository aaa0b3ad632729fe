/**
 * Issue 12, rows 2 and 9: request-body limits on tRPC and REST, and the development login answering only
 * clients on this machine whatever NODE_ENV says.
 */
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { assembleApp } from '../src/assemble';
import { createLogger } from '../src/logger';
import { createReadiness } from '../src/readiness';
import { startTestServer, type TTestServer } from './utils';

type TSent = { status: number; body: string; bytesSent: number };

/** POSTs `total` bytes in 64 KiB chunks (declared or chunked) and stops writing once an answer arrives. */
function postLarge(url: string, opts: { total: number; declare: boolean; token?: string }): Promise<TSent> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let bytesSent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (opts.declare) headers['content-length'] = opts.total;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const req = request(url, { method: 'POST', headers }, (res: IncomingMessage) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, bytesSent }));
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && bytesSent < opts.total) {
        bytesSent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** POSTs to `path` over a local socket: to a TCP port from `localAddress`, or to a Unix socket (no IP at all). */
function postFrom(
  target: { port: number; localAddress: string } | { socketPath: string },
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const where = 'socketPath' in target ? { socketPath: target.socketPath } : { host: '127.0.0.1', ...target };
    const req = request({ ...where, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('body limits and the development login', () => {
  let server: TTestServer;
  let wide: ReturnType<ReturnType<typeof assembleApp>['listen']>;
  let widePort = 0;
  let local: ReturnType<ReturnType<typeof assembleApp>['listen']>;
  const socketPath = join(tmpdir(), `uw-devlogin-${process.pid}.sock`);

  beforeAll(async () => {
    server = await startTestServer({ dialect: 'sqlite', env: { UW_MAX_BODY_BYTES: String(1_048_576) } });
    // The same app on 127.0.0.1 (reached from 127.0.0.2) and on a Unix socket, whose clients have no IP address:
    // the test never sends traffic beyond loopback.
    const logger = createLogger('silent');
    const app = assembleApp({ env: server.deps.env, deps: server.deps, logger, readiness: createReadiness(server.deps.db, logger) });
    wide = app.listen(0, '127.0.0.1');
    await new Promise((r) => wide.once('listening', r));
    widePort = (wide.address() as AddressInfo).port;
    local = app.listen(socketPath);
    await new Promise((r) => local.once('listening', r));
  });
  afterAll(async () => {
    await new Promise((r) => wide?.close(r));
    wide?.closeAllConnections();
    await new Promise((r) => local?.close(r));
    await server?.close();
  });

  it('a 120 MB flows.create with its length declared is refused with 413 before its body is read', async () => {
    const sent = await postLarge(`${server.url}/trpc/flows.create`, { total: 120 * 1_048_576, declare: true });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('1048576') });
    expect(sent.bytesSent).toBeLessThan(16 * 1_048_576);
  });

  it("an admin's chunked tRPC body is cut at the limit while streaming, never buffered whole", async () => {
    const login = await (await fetch(`${server.url}/auth/dev-login`, { method: 'POST' })).json();
    const sent = await postLarge(`${server.url}/trpc/flows.create`, { total: 120 * 1_048_576, declare: false, token: login.token });
    expect(sent.status).toBe(413);
    expect(sent.body).toContain('PAYLOAD_TOO_LARGE');
    expect(sent.bytesSent).toBeLessThan(32 * 1_048_576);
  });

  it('a tRPC body under the limit still reaches the procedure (401 without a token, not 413)', async () => {
    const res = await fetch(`${server.url}/trpc/flows.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(500_000) }),
    });
    expect(res.status).toBe(401);
  });

  it('a REST webhook body over its own limit is 413 (UW_WEBHOOK_BODY_LIMIT_BYTES)', async () => {
    const sent = await postLarge(`${server.url}/webhooks/custom/src_nope`, { total: 2 * 1_048_576, declare: true });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the development login answers loopback clients, including 127.0.0.2', async () => {
    const res = await postFrom({ port: widePort, localAddress: '127.0.0.2' }, '/auth/dev-login');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ role: 'admin', token: expect.any(String) });
  });

  it('the development login refuses a client that is not on a loopback address, whatever NODE_ENV or X-Forwarded-For', async () => {
    expect(server.deps.env.NODE_ENV).toBe('test');
    const res = await postFrom({ socketPath }, '/auth/dev-login');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('loopback') });
    const forwarded = await postFrom({ socketPath }, '/auth/dev-login', { 'x-forwarded-for': '127.0.0.1' });
    expect(forwarded.status).toBe(403);
  });
});
