/**
 * Runs at most `limit` jobs at once and the rest in arrival order. Slash commands are acknowledged
 * before they queue here: with only a few answers being worked on, only a few stretches of work can
 * stand between a new request and its acknowledgement, however many arrive at once.
 */
export function workQueue(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    // A finishing job hands its place straight to the next in line, so `running` counts places taken.
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
