/**
 * The admin desk hears of a source's health once per change (failing, switched off, working again),
 * in each admin's own language, through the outbox like every message. The poller decides when
 * (sources/health.ts); this decides who and in which words.
 */
import type { Outbox } from '../delivery/outbox.ts';
import type { I18n } from '../i18n.ts';
import type { SourceRecord } from '../sources/repository.ts';
import { healthMessage, type HealthEvent } from '../sources/health.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import type { AdminRoles } from './roles.ts';

/** Behind breaking items, ahead of digests: an editor should know before the next digest runs short. */
const ALERT_PRIORITY = 5;

export function createSourceAlerts(deps: { roles: Pick<AdminRoles, 'list'>; chats: ChatService; outbox: Outbox; i18n: I18n; wake?: () => void; now?: () => number }) {
  const now = deps.now ?? Date.now;
  return (source: SourceRecord, event: HealthEvent): void => {
    const at = now();
    const { key, params } = healthMessage(source, event, at);
    const rows = deps.roles.list().flatMap((admin) => {
      const chat = deps.chats.get(admin.userId);
      // An admin who never opened a chat with the bot cannot be written to.
      if (!chat || chat.status === 'blocked') return [];
      const text = deps.i18n.t(deps.chats.localeOf(chat), key, params);
      return [{ chatId: chat.id, itemKey: `source:${source.id}:${event}:${at}`, kind: 'notice' as const, priority: ALERT_PRIORITY, text, articleIds: [] }];
    });
    if (deps.outbox.enqueue(rows) > 0) deps.wake?.();
  };
}
