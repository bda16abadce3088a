/**
 * Breaking items: a stored draft between preview and send, and the dispatch through the outbox's
 * priority lane. The buttons carry the draft id and a random nonce; the draft row holds the admin,
 * the nonce, the expiry and the status, so a forged, replayed, late or repeated press does nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ingestor } from '../articles/ingest.ts';
import { contentHash } from '../enrich/fingerprint.ts';
import type { Locale } from '../config.ts';
import type { DbHandle } from '../db/client.ts';
import { breakingDrafts } from '../db/schema.ts';
import type { OutboxMessage } from '../delivery/outbox.ts';
import { createDigestRepository, parseSubscriptions, type DigestChat } from '../digests/repository.ts';
import type { I18n } from '../i18n.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { Target } from '../subscriptions/target.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { AuditLog } from './audit.ts';
import { breakingTitle, formatBreaking } from './breaking-format.ts';
import { createTargetMatcher } from './targeting.ts';

/** Above digests (0): a breaking row is every chat's next message, whatever backlog is queued. */
export const BREAKING_PRIORITY = 100;
export const BREAKING_DRAFT_TTL_MS = 15 * 60_000;
/** Shown as the source of breaking items in search results. */
export const BREAKING_SOURCE_NAME = 'Briefings';

export interface BreakingDraft {
  id: number;
  adminId: number;
  nonce: string;
  text: string;
  target: Target;
  status: 'draft' | 'sent' | 'cancelled';
  expiresAt: number;
}

export type DraftProblem = 'invalid' | 'not_yours' | 'expired' | 'sent' | 'cancelled';

export type SendOutcome =
  | { ok: true; chats: number; articleId: number | undefined; draft: BreakingDraft }
  | { ok: false; problem: DraftProblem };
export type CancelOutcome = { ok: true } | { ok: false; problem: DraftProblem };

export interface DraftPress {
  draftId: number;
  nonce: string;
  adminId: number;
}

export interface BreakingDesk {
  /** How many active chats a breaking item with this target and text would reach now. */
  reach(target: Target, text: string): number;
  prepare(input: { adminId: number; text: string; target: Target }): { draft: BreakingDraft; reach: number };
  /** Stores the article, queues one message per reached chat in its language, then wakes the sender. */
  send(press: DraftPress): SendOutcome;
  cancel(press: DraftPress): CancelOutcome;
}

export interface BreakingDeps {
  handle: DbHandle;
  taxonomy: Taxonomy;
  i18n: I18n;
  chats: ChatService;
  outbox: { enqueue(messages: readonly OutboxMessage[]): number };
  ingestor: Pick<Ingestor, 'ingestOne'>;
  wakeSender: () => void;
  audit: AuditLog;
  now: () => number;
}

type DraftRow = typeof breakingDrafts.$inferSelect;

const toDraft = (row: DraftRow): BreakingDraft => ({
  id: row.id,
  adminId: row.adminId,
  nonce: row.nonce,
  text: row.text,
  target: { region: row.region, topic: row.topic },
  status: row.status,
  expiresAt: row.expiresAt,
});

const sameNonce = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createBreakingDesk(deps: BreakingDeps): BreakingDesk {
  const { handle, taxonomy, i18n, chats, audit, now } = deps;
  const { db, sqlite } = handle;
  const repository = createDigestRepository(handle);
  const coveredBy = (region: string) => taxonomy.coveredBy(region);
  const articleByHash = sqlite.prepare('SELECT id FROM articles WHERE content_hash = ? ORDER BY id DESC LIMIT 1').pluck();
  const setStatus = sqlite.prepare("UPDATE breaking_drafts SET status = ? WHERE id = ? AND status = 'draft'");

  // Read through a cursor, one chat at a time, and decided once per distinct set of subscriptions:
  // a breaking item for 100k subscribers holds only the chats it reaches.
  const reachedChats = (target: Target, text: string): DigestChat[] => {
    const matcher = createTargetMatcher(target, text, coveredBy);
    const decided = new Map<string, boolean>();
    const reached: DigestChat[] = [];
    for (const { subscriptions: signature, ...chat } of repository.chatsWithSubscriptions()) {
      let reaches = decided.get(signature);
      if (reaches === undefined) decided.set(signature, (reaches = matcher.reaches(parseSubscriptions(signature))));
      if (reaches) reached.push(chat);
    }
    return reached;
  };

  const getDraft = (id: number) => db.select().from(breakingDrafts).where(eq(breakingDrafts.id, id)).get();

  /** Why this press may not act on the draft, or undefined when it may. */
  const problemWith = (row: DraftRow | undefined, press: DraftPress): DraftProblem | undefined => {
    if (!row || !sameNonce(row.nonce, press.nonce)) return 'invalid';
    if (row.adminId !== press.adminId) return 'not_yours';
    if (row.status === 'sent') return 'sent';
    if (row.status === 'cancelled') return 'cancelled';
    if (row.expiresAt <= now()) return 'expired';
    return undefined;
  };

  /** Stored like any article, so it is classified, searchable, and recorded as delivered once sent. */
  const storeArticle = (draft: BreakingDraft): number | undefined => {
    const title = breakingTitle(draft.text);
    const id = deps.ingestor.ingestOne({
      guid: `breaking:${draft.id}`,
      title,
      text: draft.text,
      isBreaking: true,
      sourceName: BREAKING_SOURCE_NAME,
      publishedAt: now(),
    });
    // The same words were stored before (an earlier item, a feed): that article stands for this one.
    return id ?? (articleByHash.get(contentHash(title, draft.text)) as number | undefined);
  };

  /** The draft row when this press may act on it and has moved it to `status`, else why not. */
  const claim = (press: DraftPress, status: 'sent' | 'cancelled'): { row: DraftRow } | { problem: DraftProblem } => {
    const row = getDraft(press.draftId);
    const problem = problemWith(row, press);
    if (problem || !row) return { problem: problem ?? 'invalid' };
    // The status flip is the lock: of two presses racing, only one changes the row.
    if (setStatus.run(status, row.id).changes !== 1) return { problem: 'sent' };
    return { row };
  };

  const sendTx = sqlite.transaction((press: DraftPress): SendOutcome => {
    const claimed = claim(press, 'sent');
    if ('problem' in claimed) return { ok: false, problem: claimed.problem };
    const { row } = claimed;
    const draft = toDraft(row);
    const reached = reachedChats(draft.target, draft.text);
    const articleId = storeArticle(draft);
    db.update(breakingDrafts).set({ articleId: articleId ?? null }).where(eq(breakingDrafts.id, row.id)).run();
    const texts = new Map<Locale, string>();
    const messages: OutboxMessage[] = reached.map((chat) => {
      const locale = chats.localeOf(chat);
      let text = texts.get(locale);
      if (text === undefined) {
        text = formatBreaking(i18n.translator(locale), draft.text);
        texts.set(locale, text);
      }
      return {
        chatId: chat.id,
        itemKey: `breaking:${draft.id}`,
        kind: 'breaking',
        priority: BREAKING_PRIORITY,
        text,
        articleIds: articleId === undefined ? [] : [articleId],
      };
    });
    deps.outbox.enqueue(messages);
    audit.record({
      adminId: press.adminId,
      action: 'breaking_send',
      target: `${draft.target.region}/${draft.target.topic}`,
      targetCount: messages.length,
      details: draft.text,
    });
    return { ok: true, chats: messages.length, articleId, draft: { ...draft, status: 'sent' } };
  });

  const cancelTx = sqlite.transaction((press: DraftPress): CancelOutcome => {
    const claimed = claim(press, 'cancelled');
    if ('problem' in claimed) return { ok: false, problem: claimed.problem };
    const { row } = claimed;
    audit.record({ adminId: press.adminId, action: 'breaking_cancel', target: `${row.region}/${row.topic}`, targetCount: 0, details: row.text });
    return { ok: true };
  });

  return {
    reach: (target, text) => reachedChats(target, text).length,
    prepare({ adminId, text, target }) {
      const row = db
        .insert(breakingDrafts)
        .values({
          adminId,
          nonce: randomBytes(9).toString('base64url'),
          text,
          region: target.region,
          topic: target.topic,
          createdAt: now(),
          expiresAt: now() + BREAKING_DRAFT_TTL_MS,
        })
        .returning()
        .get();
      return { draft: toDraft(row), reach: reachedChats(target, text).length };
    },
    send(press) {
      const outcome = sendTx(press);
      if (outcome.ok) deps.wakeSender();
      return outcome;
    },
    cancel: (press) => cancelTx(press),
  };
}
