import pino, { type DestinationStream, type Logger } from 'pino';

// Keys whose values never reach a log line, at the top level or one level down (e.g. `config.SLACK_BOT_TOKEN`,
// `update.note`). A safety net, not the plan: log lines carry ids and counts, never people's words or secrets.
const SENSITIVE = ['token', 'password', 'secret', 'authorization', 'note', 'nextSteps', 'text', 'email'];
const SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'MICROSOFT_APP_PASSWORD', 'DATABASE_URL'];

/** Structured JSON logs on stdout (or `destination`, for tests). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'stocktake' },
    redact: {
      paths: [...SENSITIVE, ...SENSITIVE.map((k) => `*.${k}`), 'headers.authorization', ...SETTINGS.map((k) => `config.${k}`)],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
