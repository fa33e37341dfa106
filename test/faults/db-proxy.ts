import net from 'node:net';

/**
 * A loopback TCP hop between the bot and PostgreSQL that a test can cut and restore, as a database
 * server that stops (or fails over) does to its clients: on `cut()` every open connection is reset
 * and new ones are refused (nothing listens on the port) until `restore()` listens again on the same
 * port. How long the cut lasts is the test's to say, so "30 seconds" need not be 30 real seconds.
 */
export interface DbProxy {
  /** `databaseUrl` with its host and port swapped for the proxy's. */
  urlFor(databaseUrl: string): string;
  readonly cut: boolean;
  /** Connections accepted and passed on so far. */
  readonly connections: number;
  cutOff(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startDbProxy(target: { host: string; port: number }): Promise<DbProxy> {
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  let connections = 0;
  let cut = false;
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    const pair = { client, server: upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  const cutOff = async () => {
    if (cut) return;
    cut = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A reset, not a polite end: what clients of a server that has gone away see.
    for (const pair of [...pairs]) {
      pair.client.resetAndDestroy();
      pair.server.destroy();
    }
    await closed;
  };

  return {
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    get cut() {
      return cut;
    },
    get connections() {
      return connections;
    },
    cutOff,
    async restore() {
      if (!cut) return;
      await listen(port);
      cut = false;
    },
    close: cutOff,
  };
}
