import type { Command } from 'commander';
import { reportError } from '../run-command.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('what npm start runs: one HTTP server with /slack/events, /api/messages and /healthz')
    .action(async () => {
      try {
        // Loaded on demand: the server pulls in Bolt, botbuilder and the document renderer, which other commands never need.
        const { startStocktake } = await import('../../../src/main.ts');
        const running = await startStocktake();
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          // Under `npm start` a Ctrl-C arrives twice (from the terminal and forwarded by npm): the shutdown's own bound covers a stuck stop.
          if (stopping) return;
          stopping = true;
          void running.shutdown(signal).then((code) => process.exit(code));
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      } catch (error) {
        process.exitCode = reportError(error);
      }
    });
}
