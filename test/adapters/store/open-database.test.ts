import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../adapters/store/open-database.ts';

describe('opening a PostgreSQL database that does not answer', () => {
  // Accepts the connection and then says nothing, as a host behind a firewall that drops packets seems to.
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => void sockets.add(socket));
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    url = `postgresql://stocktake:secret@127.0.0.1:${(silent.address() as net.AddressInfo).port}/stocktake`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up with a connection timeout instead of waiting for ever', { timeout: 60_000 }, async () => {
    await expect(openDatabase({ databaseUrl: url, dataDir: 'unused' })).rejects.toThrow(/timeout/i);
  });
});
