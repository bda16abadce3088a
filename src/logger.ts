import { pino, type Logger } from 'pino';

export type { Logger };

/** Logs go to stderr so CLI --json output on stdout stays clean. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.telegramBotToken'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
