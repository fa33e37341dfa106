import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface EmbeddedPostgres {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

/** PGlite speaks the PostgreSQL wire protocol from a worker thread, so Prisma reaches it through the same pg adapter as production. */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 10): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  // Creating the database (initdb) leaves its worker holding about 500 MB it never gives back: a
  // worker of its own does it, and the one that serves starts afresh on the files it left.
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await (await launch(dataDir, maxConnections)).stop();
  return launch(dataDir, maxConnections);
}

async function launch(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
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
