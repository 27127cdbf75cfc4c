import type { Server } from 'node:http';
import type { Express } from 'express';
import { createHttpServer } from './http-server';

/** Listens with the slow-client limits of webhooks/http-server.ts; resolves once bound, rejects on EADDRINUSE and the like. */
export async function listenApp(app: Express, port: number, host: string | undefined): Promise<Server> {
  const http = createHttpServer(app);
  const server = host ? http.listen(port, host) : http.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return server;
}

export function boundPort(server: Server, fallback: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : fallback;
}

/** Stops taking connections and waits for those in flight (idle keep-alive ones are closed). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
