/**
 * The sandbox: `npm start` without a token. The bot runs unchanged against a Bot API of its own on
 * loopback, and a web page on HTTP_PORT lets a person chat with it as Telegram users would.
 *
 * The Bot API listens on its own 127.0.0.1 port rather than under a path of the shared HTTP server:
 * the shared server may face the network (it binds 0.0.0.0 for health checks), and a Bot API there
 * would let anyone who can reach it take the bot's updates with a getUpdates of their own.
 */
import { dirname, join } from 'node:path';
import type { App } from '../app.ts';
import type { IngestReport } from '../articles/ingest.ts';
import { registerAdminMenus } from '../bot/features/admin/index.ts';
import type { Config } from '../config.ts';
import type { Route } from '../http/server.ts';
import { HttpError } from '../http/server.ts';
import type { Logger } from '../logger.ts';
import { createApiRoute } from './api-routes.ts';
import { createFakeTelegram, type FakeTelegram } from '../telegram-double/index.ts';
import { createChatLog, type ChatLog } from './chat-log.ts';
import { seedDemoArticles } from './demo/seed.ts';
import { SANDBOX_ADMIN_IDS, SANDBOX_BOT_NAME, SANDBOX_BOT_USERNAME, SANDBOX_TOKEN } from './personas.ts';
import { createStaticRoute } from './static-route.ts';
import { createUserSide } from './user-side.ts';

export { CHANNEL, FORUM, GROUP, PERSONAS, SANDBOX_ADMIN_IDS, SANDBOX_TOKEN } from './personas.ts';

export interface SandboxOptions {
  logger: Logger;
  now?: () => number;
  /**
   * Longest getUpdates long poll. Telegraf asks for 50 s; shorter keeps shutdown quick while an idle
   * bot still makes only a couple of requests a minute. Default 25 s.
   */
  maxPollTimeoutMs?: number;
}

export interface Sandbox {
  readonly token: string;
  /** Usable once start() has resolved. */
  readonly apiRoot: string;
  /** The demo admin(s): give them to the app's config so /breaking, /sources and /stats work. */
  readonly adminIds: readonly number[];
  /** The page and its API; they answer 503 until start() has resolved. */
  readonly routes: readonly Route[];
  /** The Bot API the bot talks to (tests read what the bot did from it). */
  readonly botApi: FakeTelegram;
  /** Opens the loopback Bot API. */
  start(): Promise<void>;
  /**
   * Once the app exists: ingests the demo articles (the first time; ingest is idempotent, so later
   * starts add nothing) and gives the demo admin the admin command menu.
   */
  attach(app: Pick<App, 'ingestor' | 'bot' | 'i18n' | 'services'>): Promise<IngestReport>;
  stop(): Promise<void>;
}

/** The demo articles are ingested once; a first digest reaching back this far still finds them weeks later. */
const SANDBOX_LOOKBACK_HOURS = 30 * 24;

/**
 * The app's config in sandbox mode: its own database file beside DATABASE_PATH, so the demo never
 * touches a real bot's data (a real outbox would otherwise be "delivered" to the sandbox), the demo
 * admin added to ADMIN_IDS, and first digests that still reach the demo articles.
 */
export function sandboxConfig(config: Config): Config {
  const databasePath = config.databasePath === ':memory:' ? ':memory:' : join(dirname(config.databasePath), 'sandbox.db');
  return Object.freeze({
    ...config,
    databasePath,
    adminIds: Object.freeze([...new Set([...config.adminIds, ...SANDBOX_ADMIN_IDS])]),
    digestLookbackHours: Math.max(config.digestLookbackHours, SANDBOX_LOOKBACK_HOURS),
  });
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const { logger } = options;
  const now = options.now ?? Date.now;
  let running: { botApi: FakeTelegram; log: ChatLog; routes: Route[] } | undefined;
  // The channel's "deliver now" needs the app, which exists only from attach() on.
  let sendNow: ((chatId: number) => string) | undefined;

  const route: Route = async (req, res, url) => {
    if (!running) {
      if (url.pathname === '/' || url.pathname.startsWith('/sandbox')) throw new HttpError(503, 'the sandbox is starting; try again in a moment');
      return false;
    }
    for (const inner of running.routes) {
      if (await inner(req, res, url)) return true;
    }
    return false;
  };

  const started = () => {
    if (!running) throw new Error('the sandbox has not been started');
    return running;
  };

  return {
    token: SANDBOX_TOKEN,
    adminIds: SANDBOX_ADMIN_IDS,
    routes: [route],
    get apiRoot() {
      return started().botApi.apiRoot;
    },
    get botApi() {
      return started().botApi;
    },

    async start() {
      if (running) return;
      const botApi = await createFakeTelegram({
        token: SANDBOX_TOKEN,
        botUsername: SANDBOX_BOT_USERNAME,
        botFirstName: SANDBOX_BOT_NAME,
        clock: now,
        maxPollTimeoutMs: options.maxPollTimeoutMs ?? 25_000,
        maxRecordedCalls: 1000,
      });
      const log = createChatLog(botApi);
      // A refusal here is a bug in the bot that real Telegram would refuse too: say so loudly.
      botApi.onCall((call) => {
        if (call.status >= 400 && call.status !== 429 && call.status !== 403 && call.method !== 'getUpdates') {
          logger.warn({ method: call.method, status: call.status, response: call.response }, 'sandbox Bot API refused a call');
        }
      });
      const userSide = createUserSide({ botApi, log, now });
      const apiRoute = createApiRoute({
        userSide, log, botName: SANDBOX_BOT_NAME, botUsername: SANDBOX_BOT_USERNAME, deliver: (chatId) => sendNow?.(chatId),
      });
      running = { botApi, log, routes: [createStaticRoute(), apiRoute] };
      logger.debug({ apiRoot: botApi.apiRoot }, 'sandbox Bot API listening on loopback');
    },

    async attach(app) {
      const report = seedDemoArticles(app.ingestor, now());
      logger.info({ new: report.new, duplicates: report.duplicates, errors: report.errors.length }, 'sandbox demo articles');
      // What /digest does, for a chat whose readers cannot type it: the scheduler's run for this chat, brought forward.
      sendNow = (chatId) => app.services.digests.sendNow(chatId);
      const roles = app.services.admin?.roles;
      if (roles) await registerAdminMenus(app.bot.telegram, app.i18n, roles, logger);
      return report;
    },

    async stop() {
      if (!running) return;
      const { botApi, log } = running;
      running = undefined;
      sendNow = undefined;
      log.close();
      await botApi.close();
    },
  };
}
