import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface HttpServer {
  port: number;
  /** Stops taking new requests (a request that still arrives on an open connection gets 503) and resolves once those under way are answered. */
  close(): Promise<void>;
}

/** One HTTP server for every entry point: `/healthz` now, and the chat platforms' endpoints as they are added. */
export async function startHttpServer(port: number, routes: Record<string, Route>, onError: (error: unknown) => void): Promise<HttpServer> {
  let closing = false;
  const server = http.createServer((req, res) => {
    if (closing) {
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: 'shutting down' }));
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    Promise.resolve(route(req, res)).catch((error) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
