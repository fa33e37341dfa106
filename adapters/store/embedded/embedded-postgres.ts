import { Worker } from 'node:worker_threads';
import { mkdir } from 'node:fs/promises';

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

/** PGlite speaks the PostgreSQL wire protocol from a worker thread, so Prisma reaches it through the same pg adapter as production. */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 10): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, maxConnections },
    // The worker's own JavaScript is only the glue around Postgres's Wasm memory: a small young generation
    // kept the idle bot about 15 MB smaller, measured as the bench does.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; port?: number; message?: string }) => {
      if (m.type === 'ready' && m.port) resolve(m.port);
      else reject(new Error(`The embedded database in ${dataDir} could not start: ${m.message ?? 'unknown error'}`));
    });
  });
  return {
    port,
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('exit', done);
        worker.once('message', (m: { type: string }) => {
          if (m.type === 'stopped') void worker.terminate().then(done);
        });
        worker.postMessage({ type: 'stop' });
      });
    },
  };
}
