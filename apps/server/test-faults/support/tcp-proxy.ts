import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * A small TCP proxy between the server and PostgreSQL, for database outages without touching the shared
 * cluster. Modes:
 * - `forward`: bytes flow both ways;
 * - `pause()`: open connections stay open but nothing flows (a hung database or a network partition);
 *   new connections are accepted and held. `resume()` lets the held bytes through;
 * - `drop()`: every connection is reset and new ones are refused (the database is down or restarting).
 */
export type TTcpProxy = {
  port: number;
  url(databaseUrl: string): string;
  pause(): void;
  drop(): void;
  resume(): void;
  mode(): 'forward' | 'paused' | 'down';
  connections(): number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TTcpProxy> {
  let mode: 'forward' | 'paused' | 'down' = 'forward';
  const pairs = new Set<{ client: Socket; upstream: Socket }>();

  const server: Server = createServer((client) => {
    if (mode === 'down') {
      client.resetAndDestroy();

      return;
    }
    const upstream = new Socket();
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.connect(target.port, target.host);
    client.pipe(upstream);
    upstream.pipe(client);
    if (mode === 'paused') {
      client.pause();
      upstream.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // pipe() resumes a paused source when the destination drains; unpipe while paused so nothing leaks through.
  const hold = () => {
    for (const { client, upstream } of pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  };

  return {
    port,
    url: (databaseUrl) => databaseUrl.replace(/@([^/:]+)(:\d+)?\//, `@127.0.0.1:${port}/`),
    pause() {
      mode = 'paused';
      hold();
    },
    drop() {
      mode = 'down';
      for (const { client, upstream } of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    resume() {
      const wasPaused = mode === 'paused';
      mode = 'forward';
      if (!wasPaused) return;
      for (const { client, upstream } of pairs) {
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        upstream.resume();
      }
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
