import type { Clock } from './ports/clock.ts';
import type { DocumentPort } from './ports/documents.ts';
import type { Store } from './ports/store.ts';

/** What every use case is given: ports only, never Prisma or a platform SDK. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  /** The timezone new programmes start with (STOCKTAKE_TIMEZONE). */
  defaultTimezone: string;
  /** Board papers; absent where no document renderer is wired (then chat offers no download). */
  documents?: DocumentPort;
}
