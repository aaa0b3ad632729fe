import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TRecordedRequest = { method: string; url: string; headers: IncomingMessage['headers']; body: string; at: number };

export type TTestServer = {
  url: string;
  requests: TRecordedRequest[];
  close(): Promise<void>;
};

type THandler = (req: TRecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 (random port) that records every request before handing it over. */
export async function startTestServer(handler: THandler): Promise<TTestServer> {
  const requests: TRecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, requests.length - 1)).catch((err: Error) => {
        res.statusCode = 599;
        res.end(err.message);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` as JSON with `status` (200 unless `more.status`) and `more.headers`. */
export function sendJson(res: ServerResponse, body: unknown, more: { status?: number; headers?: Record<string, string> } = {}) {
  const { status = 200, headers = {} } = more;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
