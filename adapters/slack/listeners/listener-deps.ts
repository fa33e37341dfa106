import type { ChatRuntime } from '../../../src/chat/router.ts';

/** What every Slack listener is given. */
export interface ListenerDeps {
  runtime: ChatRuntime;
}
