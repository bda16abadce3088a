import type { Ingestor } from '../articles/ingest.ts';
import type { Config } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import type { OutboxMessage, OutboxStats } from '../delivery/outbox.ts';
import type { I18n } from '../i18n.ts';
import { createFetcher, type Fetcher } from '../sources/fetcher.ts';
import { checkSourceUrl } from '../sources/url-safety.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { createAuditLog, type AuditLog } from './audit.ts';
import { createBreakingDesk, type BreakingDesk } from './breaking.ts';
import { createAdminRoles, type AdminRoles } from './roles.ts';
import { createSourceDesk, type SourceDesk } from './sources.ts';
import { createStatsService, type StatsService } from './stats.ts';

export { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from './audit.ts';
export { BREAKING_DRAFT_TTL_MS, BREAKING_PRIORITY, type BreakingDraft, type DraftProblem } from './breaking.ts';
export { BREAKING_MAX_CHARS, checkBreakingText, formatBreaking, splitBreakingInput } from './breaking-format.ts';
export type { AdminEntry } from './roles.ts';
export type { AddSourceOutcome, SourceRecord } from './sources.ts';
export type { DeskStats } from './stats.ts';

/** Everything the admin desk does; the bot's admin features call only these. */
export interface AdminServices {
  roles: AdminRoles;
  audit: AuditLog;
  breaking: BreakingDesk;
  sources: SourceDesk;
  stats: StatsService;
}

export interface AdminServicesDeps {
  handle: DbHandle;
  config: Config;
  taxonomy: Taxonomy;
  i18n: I18n;
  chats: ChatService;
  outbox: { enqueue(messages: readonly OutboxMessage[]): number; stats(): OutboxStats };
  ingestor: Pick<Ingestor, 'ingestOne'>;
  /**
   * The sender sleeps when the outbox is empty: a breaking item must not wait for its next tick.
   * The app creates the sender after these services, so pass a closure (`() => wakeSender()`).
   */
  wakeSender: () => void;
  now: () => number;
  /** Tests may inject one; by default a fetcher that vets every hop with the operator's private-network rule. */
  fetcher?: Fetcher;
}

export function createAdminServices(deps: AdminServicesDeps): AdminServices {
  const { handle, config, now } = deps;
  const audit = createAuditLog(handle.db, now);
  const checkUrl = (url: string) => checkSourceUrl(url, { allowPrivate: config.allowPrivateSources });
  return {
    roles: createAdminRoles({ db: handle.db, adminIds: config.adminIds, audit, now }),
    audit,
    breaking: createBreakingDesk({
      handle,
      taxonomy: deps.taxonomy,
      i18n: deps.i18n,
      chats: deps.chats,
      outbox: deps.outbox,
      ingestor: deps.ingestor,
      wakeSender: deps.wakeSender,
      audit,
      now,
    }),
    // Adding a source is an admin waiting in a chat: a shorter timeout than the poller's.
    sources: createSourceDesk({ db: handle.db, fetcher: deps.fetcher ?? createFetcher({ checkUrl, timeoutMs: 10_000 }), checkUrl, audit }),
    stats: createStatsService({ handle, chats: deps.chats, outbox: deps.outbox, now }),
  };
}
