/** Time comes in through a port so that tests and `--as-of` can set it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
