import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { tick } from '../../../src/app/cycle/tick.ts';
import { createComposer } from '../../../src/chat/cycle/compose-intent.ts';
import { createLogger } from '../../logging/logger.ts';
import { runCommand } from '../run-command.ts';

function parseInstant(value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError(`"${value}" is not a time: use ISO 8601, e.g. 2025-03-10T09:30:00Z.`);
  return d;
}

export function registerTick(program: Command): void {
  program
    .command('tick')
    .description('one evaluation of what is due now (prompts, chasers, nudges, digests), then dispatch')
    .option('--now <iso-time>', 'evaluate as at this instant (default: now)', parseInstant)
    .action((o: { now?: Date }) =>
      runCommand(
        async ({ deps, config }) => {
          const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
          // --now sets where the clock starts; it then runs on, so a retry due in a few seconds falls due.
          const at = o.now;
          const started = Date.now();
          const tickDeps = at ? { ...deps, clock: { now: () => new Date(at.getTime() + (Date.now() - started)) } } : deps;
          // Loaded on demand: the platform SDKs are only needed when a tick sends.
          const { createGateways } = await import('../../outbound/gateways.ts');
          const result = await tick(tickDeps, createComposer(tickDeps), createGateways(config, tickDeps, log));
          const d = result.dispatched;
          console.log(
            `${result.due} message(s) due, ${result.queued} newly queued; sent ${d.sent}, retrying ${d.retried}, failed ${d.failed}` +
              (d.reconciled.sent + d.reconciled.resent + d.reconciled.unknown > 0
                ? `; sends cut short: ${d.reconciled.sent} had arrived, ${d.reconciled.resent} queued again, ${d.reconciled.unknown} unknown`
                : '') +
              '.',
          );
        },
      ),
    );
}
