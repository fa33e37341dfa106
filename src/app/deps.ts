import type { Clock } from './ports/clock.ts';
import type { Store } from './ports/store.ts';

/** What every use case is given: ports only, never Prisma or a platform SDK. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  /** The timezone new programmes start with (STOCKTAKE_TIMEZONE). */
  defaultTimezone: string;
}
