import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets and note text are never logged (the redact list is a safety net, not the plan). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'stocktake' },
    redact: {
      paths: ['*.token', '*.password', '*.secret', '*.authorization', 'headers.authorization', '*.note', 'config.SLACK_BOT_TOKEN', 'config.SLACK_SIGNING_SECRET', 'config.SLACK_APP_TOKEN', 'config.MICROSOFT_APP_PASSWORD', 'config.DATABASE_URL'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
