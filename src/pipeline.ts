/**
 * The composition root: the product's parts built once, in the order the flow runs. Taxonomy and
 * i18n; one database with its stores; the ingestor; digests; the outbox and its one sender. The bot
 * (app.ts), the CLI and the benchmarks all start here, so none rebuilds a part or builds a second one.
 */
import type { Ingestor } from './articles/ingest.ts';
import { createSearch } from './articles/search.ts';
import type { Config } from './config.ts';
import { openDatabase, type DbHandle } from './db/client.ts';
import { createSenderLease } from './delivery/lease.ts';
import { createOutbox, type Outbox } from './delivery/outbox.ts';
import { createSender, type Sender, type SenderEvent, type TelegramSendApi } from './delivery/sender.ts';
import { createDigestService, type DigestService } from './digests/service.ts';
import { createI18n, type I18n } from './i18n.ts';
import type { Logger } from './logger.ts';
import { createChatService, type ChatService } from './subscriptions/chats.ts';
import { createEditionAlerts, type EditionAlerts } from './subscriptions/edition-alerts.ts';
import { createEditionService, type EditionService } from './subscriptions/editions.ts';
import { createSubscriptionService, type SubscriptionService } from './subscriptions/subscriptions.ts';
import { createTaxonomy, type Taxonomy } from './taxonomy/index.ts';

/** What the pipeline takes from the outside world: the clock, the log, and (for a CLI) a database already open. */
export interface PipelineIo {
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  db?: DbHandle;
  onSenderEvent?: (event: SenderEvent) => void;
}

export interface Pipeline {
  readonly config: Config;
  readonly db: DbHandle;
  readonly i18n: I18n;
  readonly taxonomy: Taxonomy;
  readonly chats: ChatService;
  readonly subscriptions: SubscriptionService;
  readonly editions: EditionService;
  readonly editionAlerts: EditionAlerts;
  readonly outbox: Outbox;
  readonly digests: DigestService;
  readonly search: ReturnType<typeof createSearch>;
  /**
   * The ingestor, loaded on first use: enrichment brings the language models and lexicons (about
   * 90 MB), which a digest run, a search or a backup never needs.
   */
  ingestor(): Promise<Ingestor>;
  /** The one sender, on the pipeline's outbox and lease; made on first call with the Telegram client given. */
  sender(telegram: TelegramSendApi): Sender;
  /** Wakes the sender if there is one: something was queued. */
  wakeSender(): void;
  close(): void;
}

export async function createPipeline(config: Config, io: PipelineIo): Promise<Pipeline> {
  const { logger } = io;
  const now = io.now ?? Date.now;
  const db = io.db ?? openDatabase(config.databasePath);
  const i18n = await createI18n();
  const taxonomy = createTaxonomy();
  const chats = createChatService({ db: db.db, config, now });
  const outbox = createOutbox(db, { now });
  let sender: Sender | undefined;
  // Built on first use: a digest run or a backup has no need of the classifiers' lexicons.
  let search: ReturnType<typeof createSearch> | undefined;
  let ingestor: Promise<Ingestor> | undefined;
  const wakeSender = () => sender?.notify();
  const editions = createEditionService({ db: db.db, now });
  const editionAlerts = createEditionAlerts({ chats, editions, outbox, i18n, wake: wakeSender, now });
  return {
    config,
    db,
    i18n,
    taxonomy,
    chats,
    subscriptions: createSubscriptionService({ db: db.db }),
    editions,
    editionAlerts,
    outbox,
    digests: createDigestService({ handle: db, config, taxonomy, i18n, chats, outbox, logger }),
    get search() {
      return (search ??= createSearch(db, now, taxonomy));
    },
    ingestor: () =>
      (ingestor ??= (async () => {
        const [{ createIngestor }, { createClassifiers }, { createArticleStore }] = await Promise.all([
          import('./articles/ingest.ts'),
          import('./enrich/classifiers.ts'),
          import('./articles/store.ts'),
        ]);
        return createIngestor({ store: createArticleStore(db), classifiers: createClassifiers(taxonomy), logger, now });
      })()),
    sender: (telegram) =>
      (sender ??= createSender({
        handle: db,
        outbox,
        telegram,
        chats,
        sendRate: config.sendRate,
        now,
        ...(io.sleep ? { sleep: io.sleep } : {}),
        logger,
        editionRefused: (row, error) => editionAlerts.refused(row, error),
        lease: createSenderLease(db, { now }),
        ...(io.onSenderEvent ? { onEvent: io.onSenderEvent } : {}),
      })),
    wakeSender,
    close: () => db.close(),
  };
}
