/**
 * When Telegram stops taking an edition (a channel took the bot's post right away or removed it, a
 * forum topic was closed or deleted), the edition is suspended with its subscriptions kept, and the
 * admin who set a channel up is told once, in their language, through the outbox.
 */
import type { SendErrorClass } from '../delivery/classify-error.ts';
import type { Outbox } from '../delivery/outbox.ts';
import type { I18n } from '../i18n.ts';
import type { ChatService } from './chats.ts';
import type { EditionService, SuspendReason } from './editions.ts';

/** Ahead of digests, behind breaking items: the admin should hear before the next run fails again. */
export const NOTICE_PRIORITY = 5;

/** Which refusals stop only an edition, by what Telegram says. */
export function refusalReason(error: SendErrorClass, target: { threadId: number | null; type: string | undefined }): SuspendReason | undefined {
  if (error.kind !== 'bad_request' && error.kind !== 'blocked') return undefined;
  const text = error.description;
  if (target.threadId !== null) {
    if (/TOPIC_CLOSED/i.test(text)) return 'topic_closed';
    if (/message thread not found|TOPIC_DELETED|TOPIC_ID_INVALID/i.test(text)) return 'topic_deleted';
  }
  if (target.type === 'channel') {
    if (error.kind === 'blocked') return 'removed';
    if (/administrator rights|not enough rights|CHAT_WRITE_FORBIDDEN|CHAT_ADMIN_REQUIRED|no rights/i.test(text)) return 'no_post_right';
  }
  return undefined;
}

export function createEditionAlerts(deps: { chats: ChatService; editions: EditionService; outbox: Outbox; i18n: I18n; wake?: () => void; now?: () => number }) {
  const now = deps.now ?? Date.now;

  const tell = (editionId: number, key: string, at: number): void => {
    const edition = deps.chats.get(editionId);
    const managerId = edition?.managedBy;
    if (!edition || managerId === null || managerId === undefined) return;
    const manager = deps.chats.get(managerId);
    // Only someone who has talked to the bot can be written to; a blocked chat would only refuse.
    if (!manager || manager.type !== 'private' || manager.status === 'blocked') return;
    const text = deps.i18n.t(deps.chats.localeOf(manager), key, { title: edition.title ?? String(edition.id) });
    deps.outbox.enqueue([{ chatId: manager.id, itemKey: `edition:${edition.id}:${key}:${at}`, kind: 'notice', priority: NOTICE_PRIORITY, text, articleIds: [] }]);
    deps.wake?.();
  };

  /** Suspends the edition; its manager hears of it only when it was running until now. */
  const suspend = (editionId: number, reason: SuspendReason): boolean => {
    const wasActive = deps.chats.get(editionId)?.status === 'active';
    const changed = deps.editions.suspend(editionId, reason);
    if (changed && wasActive) tell(editionId, `editions.suspended_${reason}`, now());
    return changed;
  };

  return {
    suspend,
    /** Back to active after a suspension for one of `reasons`; the manager hears that too. */
    resume(editionId: number, reasons: readonly SuspendReason[]): boolean {
      const resumed = deps.editions.resume(editionId, reasons);
      if (resumed) tell(editionId, 'editions.resumed', now());
      return resumed;
    },
    /** The sender's hook: suspends the edition a refusal concerns, if it concerns one. */
    refused(row: { chatId: number; threadId: number | null }, error: SendErrorClass): boolean {
      const reason = refusalReason(error, { threadId: row.threadId, type: deps.chats.get(row.chatId)?.type });
      if (!reason) return false;
      suspend(row.chatId, reason);
      return true;
    },
  };
}

export type EditionAlerts = ReturnType<typeof createEditionAlerts>;
