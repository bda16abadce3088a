import type { AdminServices } from '../admin/index.ts';
import type { SearchQuery, SearchResult } from '../articles/search.ts';
import type { Config } from '../config.ts';
import type { DigestActions } from '../digests/actions.ts';
import type { Metrics } from '../http/metrics.ts';
import type { I18n } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { MuteService } from '../subscriptions/mutes.ts';
import type { SubscriptionService } from '../subscriptions/subscriptions.ts';
import type { EditionAlerts } from '../subscriptions/edition-alerts.ts';
import type { EditionService } from '../subscriptions/editions.ts';
import type { Taxonomy } from '../taxonomy/index.ts';

export type { DigestNowOutcome } from '../digests/actions.ts';

export interface BotServices {
  chats: ChatService;
  /** Forum topics and channels as digest targets; absent, the bot serves chats only. */
  editions?: EditionService;
  editionAlerts?: EditionAlerts;
  subscriptions: SubscriptionService;
  digests: DigestActions;
  mutes: MuteService;
  search: { search(query: SearchQuery): SearchResult };
  /** The admin desk (/breaking, /sources, /stats, /audit, /admins); absent, the bot has no admin commands. */
  admin?: AdminServices;
}

export interface BotDeps {
  config: Config;
  logger: Logger;
  i18n: I18n;
  taxonomy: Taxonomy;
  services: BotServices;
  /** Injected so tests of 429 handling need not wait real seconds. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Counts every update (by type) and its handling time. */
  metrics?: Pick<Metrics, 'countUpdate'>;
}
