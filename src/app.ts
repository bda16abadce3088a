import type { Telegraf } from 'telegraf';
import { createBot } from './bot/index.ts';
import type { BotContext } from './bot/context.ts';
import type { BotServices } from './bot/deps.ts';
import type { Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/client.ts';
import { createI18n, type I18n } from './i18n.ts';
import type { Logger } from './logger.ts';
import { createChatService } from './subscriptions/chats.ts';
import { createSubscriptionService } from './subscriptions/subscriptions.ts';
import { createTaxonomy, type Taxonomy } from './taxonomy/index.ts';

export interface App {
  readonly config: Config;
  readonly db: DbHandle;
  readonly i18n: I18n;
  readonly taxonomy: Taxonomy;
  readonly services: BotServices;
  readonly bot: Telegraf<BotContext>;
  close(): void;
}

export interface AppOptions {
  /** The bot talks to this token; in sandbox mode the sandbox supplies its own. */
  token: string;
  apiRoot: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Wires config → db → services → bot. Opens the database but starts nothing that runs. */
export async function createApp(config: Config, logger: Logger, options: AppOptions): Promise<App> {
  const db = openDatabase(config.databasePath);
  const i18n = await createI18n();
  const taxonomy = createTaxonomy();
  const now = options.now ?? Date.now;
  const services: BotServices = {
    chats: createChatService({ db: db.db, config, now }),
    subscriptions: createSubscriptionService({ db: db.db }),
  };
  const bot = createBot(
    { config, logger, i18n, taxonomy, services, ...(options.sleep ? { sleep: options.sleep } : {}) },
    { token: options.token, apiRoot: options.apiRoot },
  );
  return { config, db, i18n, taxonomy, services, bot, close: () => db.close() };
}
