import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are epoch milliseconds (integers): cheap to compare in the due and compose queries.
const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

export const chats = sqliteTable('chats', {
  id: integer('id').primaryKey(),
  type: text('type', { enum: ['private', 'group', 'supergroup', 'channel'] }).notNull(),
  title: text('title'),
  /** Set by /language; null means "follow Telegram's language_code, else DEFAULT_LOCALE". */
  locale: text('locale', { enum: ['ar', 'ru', 'en'] }),
  telegramLocale: text('telegram_locale'),
  timeZone: text('time_zone').notNull(),
  digestTime: text('digest_time').notNull(),
  frequency: text('frequency', { enum: ['daily', 'weekly', 'instant'] }).notNull().default('daily'),
  /** 0 = Sunday … 6 = Saturday, used when frequency is weekly. */
  weeklyDay: integer('weekly_day').notNull().default(1),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  /** `suspended`: an edition Telegram will not take (post right lost, topic closed or gone); its subscriptions are kept. */
  status: text('status', { enum: ['active', 'paused', 'blocked', 'suspended'] }).notNull().default('active'),
  /** Why an edition is suspended, e.g. "no_post_right", "topic_closed", "topic_deleted". */
  suspendedReason: text('suspended_reason'),
  /**
   * An edition of another chat: the Telegram chat it is posted to (a forum topic's group). Null for
   * an ordinary chat, whose id is its Telegram id; a topic edition has an id of its own (editions.ts).
   */
  telegramId: integer('telegram_id'),
  /** The forum topic (message_thread_id) a topic edition is posted in. */
  threadId: integer('thread_id'),
  /** A language edition follows this chat's subscriptions instead of keeping its own. */
  subscriptionsOf: integer('subscriptions_of'),
  /** Who set up a channel edition: told when the bot can no longer post there. */
  managedBy: integer('managed_by'),
  /** Digits in dates, times and counts: 'arab' (Arabic-Indic) or 'latn'; null follows the language's convention. */
  digits: text('digits', { enum: ['latn', 'arab'] }),
  /** Languages the chat reads, best first, comma-separated ("ru,en"); null means its UI language alone. */
  readingLangs: text('reading_langs'),
  /** A story with no version in a reading language: shown in its original with a language tag, or left out. */
  otherLangs: text('other_langs', { enum: ['tag', 'hide'] }).notNull().default('tag'),
  lastDigestAt: integer('last_digest_at'),
  createdAt: integer('created_at').notNull().default(now),
  updatedAt: integer('updated_at').notNull().default(now),
}, (t) => [uniqueIndex('chats_topic_edition').on(t.telegramId, t.threadId)]);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chatId: integer('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    region: text('region').notNull().default('all'),
    topic: text('topic').notNull().default('all'),
    /** JSON arrays of lower-cased keywords; null when unused. */
    includeKeywords: text('include_keywords'),
    excludeKeywords: text('exclude_keywords'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('subscriptions_chat_region_topic').on(t.chatId, t.region, t.topic)],
);

export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull().unique(),
  name: text('name'),
  lang: text('lang'),
  /**
   * A deactivated source is 'paused' with deactivatedAt set: the poller stopped it, not an admin,
   * and the admin's Resume (status back to 'active') clears the mark.
   */
  status: text('status', { enum: ['active', 'paused', 'failing'] }).notNull().default('active'),
  etag: text('etag'),
  lastModified: text('last_modified'),
  lastFetchedAt: integer('last_fetched_at'),
  lastSuccessAt: integer('last_success_at'),
  lastError: text('last_error'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** When the current run of failures began; null while the source works. */
  failingSince: integer('failing_since'),
  deactivatedAt: integer('deactivated_at'),
  /** 'gone': the server answered 410; 'dead': failed too often for too long (see sources/health.ts). */
  deactivatedReason: text('deactivated_reason', { enum: ['gone', 'dead'] }),
  nextFetchAt: integer('next_fetch_at'),
  itemsCount: integer('items_count').notNull().default(0),
  createdAt: integer('created_at').notNull().default(now),
});

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').references(() => sources.id, { onDelete: 'set null' }),
    sourceName: text('source_name'),
    /** Stable identity of the item (normalized URL, else guid, else content hash): re-ingesting adds nothing. */
    dedupKey: text('dedup_key').notNull().unique(),
    url: text('url'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    lang: text('lang').notNull(),
    declaredLang: text('declared_lang'),
    /** JSON array of sentences copied verbatim from text. */
    summary: text('summary').notNull().default('[]'),
    contentHash: text('content_hash').notNull(),
    /** 64-bit SimHash as 16 hex digits, for near-duplicate detection. */
    simhash: text('simhash'),
    /** Story cluster: the id of the first article of the story. */
    clusterId: integer('cluster_id'),
    isBreaking: integer('is_breaking', { mode: 'boolean' }).notNull().default(false),
    publishedAt: integer('published_at').notNull(),
    firstSeenAt: integer('first_seen_at').notNull().default(now),
  },
  (t) => [
    index('articles_first_seen').on(t.firstSeenAt),
    index('articles_cluster').on(t.clusterId),
    index('articles_content_hash').on(t.contentHash),
    // Search filters and ranks thousands of matches by these; the covering index spares reading each row (and its long text).
    index('articles_search_meta').on(t.id, t.lang, t.publishedAt),
  ],
);

export const articleRegions = sqliteTable(
  'article_regions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    region: text('region').notNull(),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.region] }), index('article_regions_region').on(t.region)],
);

export const articleTopics = sqliteTable(
  'article_topics',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    score: real('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topic] }), index('article_topics_topic').on(t.topic)],
);

/** Language versions a page declares (hreflang alternates), to link ar/ru/en versions of one story. */
export const articleAlternates = sqliteTable(
  'article_alternates',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    url: text('url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.lang] }), index('article_alternates_url').on(t.url)],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    chatId: integer('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** e.g. "digest:<run>:<part>" or "breaking:<draft>": composing twice cannot queue twice. */
    itemKey: text('item_key').notNull(),
    kind: text('kind', { enum: ['digest', 'breaking', 'notice'] }).notNull(),
    /** Higher goes first: breaking items overtake digest backlogs. */
    priority: integer('priority').notNull().default(0),
    text: text('text').notNull(),
    replyMarkup: text('reply_markup'),
    /** JSON array of article ids this message carries, recorded as delivered once sent. */
    articleIds: text('article_ids').notNull().default('[]'),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    lastError: text('last_error'),
    telegramMessageId: integer('telegram_message_id'),
    /** Where it goes: the Telegram chat (an edition's group or channel) and forum topic, fixed when queued. */
    sendTo: integer('send_to'),
    threadId: integer('thread_id'),
    createdAt: integer('created_at').notNull().default(now),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_chat_item').on(t.chatId, t.itemKey),
    index('outbox_queue').on(t.status, t.priority, t.nextAttemptAt),
  ],
);

/** What each chat has been sent, so no story is repeated in a later digest. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    chatId: integer('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    clusterId: integer('cluster_id'),
    outboxId: integer('outbox_id'),
    /** The language of the version the chat got. */
    lang: text('lang'),
    deliveredAt: integer('delivered_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.articleId] }), index('deliveries_chat_cluster').on(t.chatId, t.clusterId)],
);

/** "Less like this": topics and sources a chat muted from its digests, undone from /settings. */
export const chatMutes = sqliteTable(
  'chat_mutes',
  {
    chatId: integer('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
    kind: text('kind', { enum: ['topic', 'source'] }).notNull(),
    /** A topic id, or a source's key (sourceKey(): a short hash of its name, as its buttons carry it). */
    value: text('value').notNull(),
    /** What the chat saw when it muted it, for the undo list (a source's name). */
    label: text('label'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.chatId, t.kind, t.value] })],
);

export const digestRuns = sqliteTable('digest_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  chats: integer('chats').notNull().default(0),
  messages: integer('messages').notNull().default(0),
  trigger: text('trigger').notNull(),
});

export const admins = sqliteTable('admins', {
  userId: integer('user_id').primaryKey(),
  addedBy: integer('added_by').notNull(),
  addedAt: integer('added_at').notNull().default(now),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  adminId: integer('admin_id').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  targetCount: integer('target_count'),
  details: text('details'),
  at: integer('at').notNull().default(now),
});

/** A breaking item between preview and send; callback buttons carry its id and nonce. */
export const breakingDrafts = sqliteTable('breaking_drafts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  adminId: integer('admin_id').notNull(),
  nonce: text('nonce').notNull(),
  text: text('text').notNull(),
  region: text('region').notNull().default('all'),
  topic: text('topic').notNull().default('all'),
  status: text('status', { enum: ['draft', 'sent', 'cancelled'] }).notNull().default('draft'),
  articleId: integer('article_id'),
  createdAt: integer('created_at').notNull().default(now),
  expiresAt: integer('expires_at').notNull(),
});

/** Small durable facts of running services, e.g. a Telegram-wide pause that must outlive a restart. */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});
