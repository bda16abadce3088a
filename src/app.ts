import type { Telegraf } from 'telegraf';
import { createAdminServices } from './admin/index.ts';
import type { Ingestor } from './articles/ingest.ts';
import { createBot } from './bot/index.ts';
import type { BotContext } from './bot/context.ts';
import type { BotServices } from './bot/deps.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/client.ts';
import type { Outbox } from './delivery/outbox.ts';
import type { Sender, SenderEvent } from './delivery/sender.ts';
import { createDigestActions } from './digests/actions.ts';
import type { DigestService } from './digests/service.ts';
import type { Metrics } from './http/metrics.ts';
import type { I18n } from './i18n.ts';
import type { Logger } from './logger.ts';
import { createPipeline } from './pipeline.ts';
import { createMuteService } from './subscriptions/mutes.ts';
import type { Taxonomy } from './taxonomy/index.ts';

export interface App {
  readonly config: Config;
  readonly db: DbHandle;
  readonly i18n: I18n;
  readonly taxonomy: Taxonomy;
  readonly services: BotServices;
  readonly bot: Telegraf<BotContext>;
  readonly outbox: Outbox;
  readonly digests: DigestService;
  readonly sender: Sender;
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

/** The pipeline (pipeline.ts) with the bot on top: its services, its features, and the sender on its Telegram client. Starts nothing. */
export async function createApp(config: Config, logger: Logger, options: AppOptions): Promise<App> {
  const now = options.now ?? Date.now;
  const pipeline = await createPipeline(config, {
    logger, now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    onSenderEvent: (event) => {
      options.metrics?.onSenderEvent(event);
      options.onSenderEvent?.(event);
    },
  });
  const { db, i18n, taxonomy, chats, subscriptions, outbox, digests } = pipeline;
  const ingestor = await pipeline.ingestor();
  const { wakeSender } = pipeline;
  const services: BotServices = {
    editions: pipeline.editions,
    editionAlerts: pipeline.editionAlerts,
    admin: createAdminServices({ handle: db, config, taxonomy, i18n, chats, outbox, ingestor, wakeSender, now }),
    chats,
    subscriptions,
    mutes: createMuteService({ db: db.db }),
    search: pipeline.search,
    digests: createDigestActions({ digests, chats, subscriptions, now, wake: wakeSender }),
  };
  const bot = createBot(
    {
      config, logger, i18n, taxonomy, services, now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    },
    { token: options.token, apiRoot: options.apiRoot },
  );
  const sender = pipeline.sender(bot.telegram);
  options.metrics?.observeOutbox(() => outbox.stats());
  return { config, db, i18n, taxonomy, services, bot, outbox, digests, sender, ingestor, close: () => pipeline.close() };
}
