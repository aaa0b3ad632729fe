import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A small TCP proxy between the server and PostgreSQL, for database outages without touching the shared
 * cluster. Modes:
 * - `forward`: bytes flow both ways;
 * - `pause()`: open connections stay open but nothing flows (a hung database or a network partition);
 *   new connections are accepted and held. `resume()` lets the held bytes through;
 * - `drop()`: every connection is reset and new ones are refused (the database is down or restarting);
 * - `partition()`: the open connections go silent for good (no FIN, no RST: a dead peer, a failover behind a
 *   stale TCP path) while new connections work.
 */
export type TTcpProxy = {
  port: number;
  url(databaseUrl: string): string;
  pause(): void;
  drop(): void;
  partition(): void;
  resume(): void;
  mode(): 'forward' | 'paused' | 'down';
  connections(): number;
  close(): Promise<void>;
};

type TPair = { client: Socket; upstream: Socket; piped: boolean };

const connect = (p: TPair) => {
  if (p.piped) return;
  p.piped = true;
  p.client.pipe(p.upstream);
  p.upstream.pipe(p.client);
  p.client.resume();
  p.upstream.resume();
};
const hold = (p: TPair) => {
  p.client.pause();
  p.upstream.pause();
  if (!p.piped) return;
  p.piped = false;
  p.client.unpipe(p.upstream);
  p.upstream.unpipe(p.client);
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TTcpProxy> {
  let mode: 'forward' | 'paused' | 'down' = 'forward';
  const pairs = new Set<TPair>();
  const lost = new Set<TPair>();

  const server: Server = createServer((client) => {
    if (mode === 'down') {
      client.resetAndDestroy();

      return;
    }
    const upstream = new Socket();
    const pair: TPair = { client, upstream, piped: false };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      lost.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.connect(target.port, target.host);
    // Piped only while forwarding; a connection opened during a pause is held until resume().
    if (mode === 'paused') hold(pair);
    else connect(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (databaseUrl) => databaseUrl.replace(/@([^/:]+)(:\d+)?\//, `@127.0.0.1:${port}/`),
    pause() {
      mode = 'paused';
      pairs.forEach(hold);
    },
    drop() {
      mode = 'down';
      for (const { client, upstream } of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    partition() {
      mode = 'forward';
      for (const p of pairs) {
        hold(p);
        lost.add(p);
      }
    },
    resume() {
      mode = 'forward';
      for (const p of pairs) if (!lost.has(p)) connect(p);
    },
    mode: () => mode,
    connections: () => pairs.size,
    async close() {
      mode = 'down';
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
