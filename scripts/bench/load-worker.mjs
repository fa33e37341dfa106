// The ack bench's load generator, in a worker thread of its own: its timers and its HTTP answers are
// then never held up by the fake Slack, which shares the bench's main thread and is busy checking
// and storing the bot's answers. Plain JavaScript, so it runs whatever TypeScript loader the parent used.
// In: { url, gapMs, requests: [{ headers, body }] }. Out: one { sentWall, ackMs, lateMs, status } per
// request, in order, and this thread's event-loop delay while it ran.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, gapMs, requests } = workerData;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const t0 = performance.now() + 200;
const results = requests.map(() => ({ sentWall: 0, ackMs: null, lateMs: 0, status: null }));

await Promise.all(
  requests.map(
    (request, i) =>
      new Promise((resolve) => {
        const at = t0 + i * gapMs;
        setTimeout(() => {
          const r = results[i];
          const sentAt = performance.now();
          r.lateMs = sentAt - at;
          r.sentWall = Date.now();
          fetch(url, { method: 'POST', headers: request.headers, body: request.body })
            .then(async (res) => {
              r.ackMs = performance.now() - sentAt;
              r.status = res.status;
              await res.arrayBuffer();
            })
            .catch((error) => {
              r.status = error instanceof Error ? `${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}` : String(error);
            })
            .finally(resolve);
        }, Math.max(0, at - performance.now()));
      }),
  ),
);
loop.disable();
parentPort.postMessage({ results, loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } });
