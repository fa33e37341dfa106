import { setTimeout as delay } from 'node:timers/promises';
import type { MiddlewareHandler, TurnContext } from 'botbuilder';

/**
 * Who retries a call to the Bot Connector. botbuilder's ConnectorClient (4.23) sends through an
 * @azure/core-rest-pipeline pipeline whose default retry policy repeats 429s, 5xx and dropped
 * connections by itself: a message whose answer was lost is posted twice, and a 429's Retry-After
 * never reaches the outbox. Its documented switches do nothing here: `noRetryPolicy` is not passed
 * on by botbuilder-stdlib's ServiceClientContext, and `requestPolicyFactories` is overwritten by the
 * ConnectorFactory and would sit outside the Retry phase anyway. So the policy in the pipeline's
 * Retry phase is replaced on each turn's client:
 * - `none`: exactly one HTTP request per call (an outbox send: the outbox owns retries);
 * - `throttled`: a call Teams turned away with 429 or 412 (nothing was posted) is tried again after
 *   its Retry-After, a few times; a 5xx or a dropped connection is never repeated, since the
 *   message may exist.
 */
export type ConnectorRetries = 'none' | 'throttled';

interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface PipelinePolicy {
  name: string;
  sendRequest(request: unknown, next: (request: unknown) => Promise<PipelineResponse>): Promise<PipelineResponse>;
}
interface Pipeline {
  removePolicy(options: { phase?: string; name?: string }): unknown[];
  addPolicy(policy: PipelinePolicy, options?: { phase?: string }): void;
}

const THROTTLED = new Set([412, 429]);
const TRIES = 3;
// A turn is waiting on the answer (Teams gives an invoke about 15 seconds): longer waits are not worth it.
const LONGEST_WAIT_MS = 10_000;

/** Seconds in Retry-After (or an HTTP date), in milliseconds; null when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

const throttledOnly: PipelinePolicy = {
  name: 'stocktakeThrottledRetry',
  async sendRequest(request, next) {
    for (let attempt = 1; ; attempt++) {
      const response = await next(request);
      if (!THROTTLED.has(response.status) || attempt >= TRIES) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? 1000 * attempt;
      if (wait > LONGEST_WAIT_MS) return response;
      await delay(wait);
    }
  },
};

function pipelineOf(connector: unknown): Pipeline {
  // The client is private in botbuilder-stdlib's typings; fail loudly if an upgrade moves it, rather than retry silently.
  const pipeline = (connector as { client?: { pipeline?: Partial<Pipeline> } } | undefined)?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') {
    throw new Error('botbuilder’s connector client has no pipeline where expected: its own retries cannot be switched off');
  }
  return pipeline as Pipeline;
}

/** Sets who retries this turn's connector calls (see ConnectorRetries). */
export function setConnectorRetries(context: TurnContext, mode: ConnectorRetries): void {
  const pipeline = pipelineOf(context.turnState.get(context.adapter.ConnectorClientKey));
  pipeline.removePolicy({ phase: 'Retry' });
  if (mode === 'throttled') pipeline.addPolicy(throttledOnly, { phase: 'Retry' });
}

/** Middleware: every turn's replies wait out Teams' throttling, and repeat nothing that may have arrived. */
export const replyRetries: MiddlewareHandler = async (context, next) => {
  setConnectorRetries(context, 'throttled');
  await next();
};
