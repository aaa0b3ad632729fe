import { createServer, type Server } from 'node:http';

import type { Express } from 'express';

export type TListening = Server & { closeAll(): Promise<void> };

/** Listens and resolves once bound; closeAll() also ends keep-alive connections so tests finish promptly. */
export function listen(app: Express, port: number, host: string): Promise<TListening> {
  const server = createServer(app) as TListening;
  server.closeAll = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
