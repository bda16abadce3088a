import type { Telegraf } from 'telegraf';
import { createAdminServices } from './admin/index.ts';
import { createIngestor, type Ingestor } from './articles/ingest.ts';
import { createClassifiers } from './articles/pipeline.ts';
import { createSearch } from './articles/search.ts';
import { createArticleStore } from './articles/store.ts';
import { createBot } from './bot/index.ts';
import type { BotContext } from './bot/context.ts';
import type { BotServices } from './bot/deps.ts';
import type { Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/client.ts';
import { createOutbox, type Outbox } from './delivery/outbox.ts';
import { createSenderLease } from './delivery/lease.ts';
import { createSender, type SenderEvent } from './delivery/sender.ts';
import { createDigestActions } from './digests/actions.ts';
import { createDigestService, type DigestService } from './digests/service.ts';
import type { Metrics } from './http/metrics.ts';
import { createI18n, type I18n } from './i18n.ts';
import type { Logger } from './logger.ts';
import { createChatService } from './subscriptions/chats.ts';
import { createMuteService } from './subscriptions/mutes.ts';
import { createSubscriptionService } from './subscriptions/subscriptions.ts';
import { createEditionAlerts } from './subscriptions/edition-alerts.ts';
import { createEditionService } from './subscriptions/editions.ts';
import { createTaxonomy, type Taxonomy } from './taxonomy/index.ts';

export interface App {
  readonly config: Config;
  readonly db: DbHandle;
  readonly i18n: I18n;
  readonly taxonomy: Taxonomy;
  readonly services: BotServices;
  readonly bot: Telegraf<BotContext>;
  readonly outbox: Outbox;
  readonly digests: DigestService;
  readonly sender: ReturnType<typeof createSender>;
  readonly ingestor: Ingestor;
  close(): void;
}

export interface AppOptions {
  /** The bot talks to this token; in sandbox mode the sandbox supplies its own. */
  token: string;
  apiRoot: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Counts updates, sends and outbox depth when given (main passes one; most tests do not). */
  metrics?: Pick<Metrics, 'onSenderEvent' | 'observeOutbox' | 'countUpdate'>;
  /** Another listener for the sender's events (main's liveness watch for /healthz). */
  onSenderEvent?: (event: SenderEvent) => void;
}

/** Wires config → db → services → bot and sender. Opens the database but starts nothing that runs. */
export async function createApp(config: Config, logger: Logger, options: AppOptions): Promise<App> {
  const db = openDatabase(config.databasePath);
  const i18n = await createI18n();
  const taxonomy = createTaxonomy();
  const now = options.now ?? Date.now;
  const chats = createChatService({ db: db.db, config, now });
  const outbox = createOutbox(db, { now });
  const digests = createDigestService({ handle: db, config, taxonomy, i18n, chats, outbox, logger });
  const search = createSearch(db, now, taxonomy);
  const ingestor = createIngestor({ store: createArticleStore(db), classifiers: createClassifiers(taxonomy), logger, now });

  // The sender is created after the bot (it uses the bot's Telegram client); /digest only needs to wake it.
  let wakeSender = () => {};
  const subscriptions = createSubscriptionService({ db: db.db });
  const editions = createEditionService({ db: db.db, now });
  const editionAlerts = createEditionAlerts({ chats, editions, outbox, i18n, wake: () => wakeSender(), now });
  const services: BotServices = {
    editions,
    editionAlerts,
    admin: createAdminServices({ handle: db, config, taxonomy, i18n, chats, outbox, ingestor, wakeSender: () => wakeSender(), now }),
    chats,
    subscriptions,
    mutes: createMuteService({ db: db.db }),
    search,
    digests: createDigestActions({ digests, chats, subscriptions, now, wake: () => wakeSender() }),
  };
  const bot = createBot(
    {
      config, logger, i18n, taxonomy, services, now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    { token: options.token, apiRoot: options.apiRoot },
  );
  const sender = createSender({
    handle: db,
    telegram: bot.telegram,
    chats,
    sendRate: config.sendRate,
    now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    logger,
    editionRefused: (row, error) => editionAlerts.refused(row, error),
    lease: createSenderLease(db, { now }),
    onEvent: (event) => {
      options.metrics?.onSenderEvent(event);
      options.onSenderEvent?.(event);
    },
  });
  options.metrics?.observeOutbox(() => outbox.stats());
  wakeSender = () => sender.notify();
  return { config, db, i18n, taxonomy, services, bot, outbox, digests, sender, ingestor, close: () => db.close() };
}
