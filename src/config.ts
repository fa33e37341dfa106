import cron from 'node-cron';
import { z } from 'zod';
import { isTimezone } from './domain/dates/timezone.ts';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z.object({
  DATABASE_URL: optional,
  STOCKTAKE_DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  /** Where channel posts go before any activity has said (after a restart): Teams' global service URL. */
  MICROSOFT_SERVICE_URL: z.string().url().default('https://smba.trafficmanager.net/teams/'),
  STOCKTAKE_TIMEZONE: z.string().default('Europe/London'),
  STOCKTAKE_SCHEDULER: z.enum(['on', 'off']).default('on'),
  STOCKTAKE_TICK_SCHEDULE: z
    .string()
    .default('*/5 * * * *')
    .refine((v) => cron.validate(v), 'is not a cron expression, e.g. */5 * * * *'),
  /** 0: keep every status update forever (boards need the history). */
  STOCKTAKE_RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads settings from the environment; every one is listed, with a comment, in .env.example. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid settings: ${problems}`);
  }
  if (!isTimezone(parsed.data.STOCKTAKE_TIMEZONE)) {
    throw new ConfigError(`Invalid settings: STOCKTAKE_TIMEZONE "${parsed.data.STOCKTAKE_TIMEZONE}" is not a known timezone`);
  }
  return parsed.data;
}
