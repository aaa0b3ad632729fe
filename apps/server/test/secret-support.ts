import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TFlowDefinition } from '@uw/flow-engine';

import { waitFor, type trpcClient } from './utils';

export type TReceived = { url: string; headers: IncomingHttpHeaders; body: string };

/** A loopback receiver (127.0.0.2) that records each request and answers with the headers it got (an echo). */
export async function startReceiver(): Promise<{ server: Server; base: string; received: TReceived[] }> {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ echo: { bearer: req.headers.authorization ?? null, url: req.url } }));
    });
  }).listen(0, '127.0.0.2');
  await new Promise((r) => server.once('listening', r));

  return { server, base: `http://127.0.0.2:${(server.address() as AddressInfo).port}`, received };
}

/** A flow whose HTTP action sends `$secret(name)` as a bearer token (and `$secret(pathSecret)` in its URL path). */
export function secretFlow(opts: { base: string; name: string; pathSecret?: string; trigger?: 'manual' | 'NEW_CLIENT' }): TFlowDefinition {
  const url = opts.pathSecret
    ? `${JSON.stringify(`${opts.base}/hook/`)} & $secret(${JSON.stringify(opts.pathSecret)})`
    : JSON.stringify(`${opts.base}/hook`);
  const trigger = opts.trigger === 'NEW_CLIENT' ? { source: 'clockify' as const, events: ['NEW_CLIENT'] } : { source: 'manual' as const };

  return {
    nodes: [
      { id: 't', kind: 'trigger', position: { x: 0, y: 0 }, data: trigger },
      {
        id: 'call',
        kind: 'http',
        position: { x: 0, y: 100 },
        data: {
          method: 'POST',
          url,
          headers: { Authorization: `"Bearer " & $secret(${JSON.stringify(opts.name)})` },
          body: '{ "name": payload.name }',
        },
      },
    ],
    edges: [{ id: 'e', source: 't', target: 'call' }],
  } as TFlowDefinition;
}

/** Runs a saved manual flow and waits until its execution has finished; returns the timeline. */
export async function runManual(api: ReturnType<typeof trpcClient>, id: string, sample: unknown = { name: 'manual' }) {
  const { executionId } = await api.flows.run.mutate({ id, sample });

  return waitFor(async () => {
    const e = await api.executions.get.query({ id: executionId });

    return e.status === 'succeeded' || e.status === 'failed' ? e : null;
  }, 20_000);
}
