// Hosts PGlite and its socket server off the bot's event loop (DESIGN decision 1).
// Plain JavaScript so that it runs in a worker thread whatever TypeScript loader the parent used.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, maxConnections } = workerData;

// Postgres's default shared_buffers (128 MB) would sit in this process's memory all the time; the data
// files are read through the operating system's page cache anyway, so a small buffer pool costs little.
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB'];

try {
  const db = await PGlite.create(dataDir, { startParams });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  parentPort.postMessage({ type: 'ready', port });
  parentPort.on('message', async (message) => {
    if (message?.type !== 'stop') return;
    await server.stop();
    await db.close();
    parentPort.postMessage({ type: 'stopped' });
  });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
