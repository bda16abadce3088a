import { z } from 'zod';

const LOCALES = ['ar', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const SUPPORTED_LOCALES: readonly Locale[] = LOCALES;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const int = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

// Order matches .env.example and INTERFACE.md.
const schema = z.object({
  TELEGRAM_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather, like 123456:ABC-DEF...').optional(),
  ),
  TELEGRAM_API_ROOT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/briefings.db')),
  ADMIN_IDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'comma-separated numeric Telegram user ids')
      .transform((s) => s.split(',').map((x) => Number(x.trim())))
      .default([]),
  ),
  DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(LOCALES).default('en')),
  DEFAULT_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z.string().refine(isValidTimeZone, 'an IANA time zone such as Europe/Moscow').default('UTC'),
  ),
  DEFAULT_DIGEST_TIME: z.preprocess(emptyToUndefined, z.string().regex(hhmm, 'a time HH:MM such as 08:00').default('08:00')),
  DIGEST_LOOKBACK_HOURS: int(1, 24 * 30, 24),
  SEND_RATE: int(1, 30, 25),
  INGEST_INTERVAL_MINUTES: int(1, 24 * 60, 10),
  HTTP_PORT: int(0, 65535, 8080),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/ }).optional()),
  ALLOW_PRIVATE_SOURCES: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  SENDER: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
});

export interface Config {
  readonly telegramBotToken: string | undefined;
  readonly telegramApiRoot: string;
  readonly databasePath: string;
  readonly adminIds: readonly number[];
  readonly defaultLocale: Locale;
  readonly defaultTimezone: string;
  readonly defaultDigestTime: string;
  readonly digestLookbackHours: number;
  readonly sendRate: number;
  readonly ingestIntervalMinutes: number;
  readonly httpPort: number;
  readonly logLevel: string;
  readonly webhookUrl: string | undefined;
  /** Sources on loopback or private networks are refused unless an operator allows them. */
  readonly allowPrivateSources: boolean;
  /** `SENDER=off`: take updates and queue, never send (a replica beside the one that sends). */
  readonly senderEnabled: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Pure: reads only the object it is given, so tests pass their own environment. */
export function createConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // Never echo the value back: it may be the token.
      return `${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    databasePath: e.DATABASE_PATH,
    adminIds: Object.freeze([...e.ADMIN_IDS]),
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultDigestTime: e.DEFAULT_DIGEST_TIME,
    digestLookbackHours: e.DIGEST_LOOKBACK_HOURS,
    sendRate: e.SEND_RATE,
    ingestIntervalMinutes: e.INGEST_INTERVAL_MINUTES,
    httpPort: e.HTTP_PORT,
    logLevel: e.LOG_LEVEL,
    webhookUrl: e.WEBHOOK_URL,
    allowPrivateSources: e.ALLOW_PRIVATE_SOURCES === 'true',
    senderEnabled: e.SENDER === 'on',
  });
}
