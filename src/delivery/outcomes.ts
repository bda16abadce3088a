/**
 * One send and what its answer does to the outbox, the chat and the pacing: the sender's policy for
 * every error class, kept apart from the loop that decides when to send.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Logger } from '../logger.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import { classifySendError, describeSendError, type SendErrorClass } from './classify-error.ts';
import type { Outbox, OutboxRow } from './outbox.ts';
import type { Pacer } from './pacer.ts';
import type { Counters, FailureReason, SenderEvent } from './report.ts';

export interface SendMessageExtra {
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: boolean };
  reply_markup?: InlineKeyboardMarkup;
}

/** The one Bot API call the sender makes; Telegraf's `Telegram` satisfies it. */
export interface TelegramSendApi {
  sendMessage(chatId: number, text: string, extra: SendMessageExtra & { message_thread_id?: number }): Promise<{ message_id: number }>;
}

export type SenderLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

export const MAX_BACKOFF_MS = 5 * 60 * 1000;
/** A 429 from this many different chats within a second means Telegram is throttling the bot as a whole. */
const GLOBAL_FLOOD_CHATS = 3;
const GLOBAL_FLOOD_WINDOW_MS = 1000;
/** A wrong token or API root is no message's fault: wait, keep the rows, let an operator fix it. */
const UNAUTHORIZED_PAUSE_MS = 60_000;

/** 1 s, 2 s, 4 s … capped at five minutes, ±10 % so chats that failed together do not retry together. */
export function backoffMs(attempts: number, random: () => number): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.9 + 0.2 * random()));
}

export interface OutcomeDeps {
  outbox: Outbox;
  pacer: Pacer;
  telegram: TelegramSendApi;
  chats: Pick<ChatService, 'setStatus' | 'migrate'>;
  counters: Counters;
  now: () => number;
  random: () => number;
  maxAttempts: number;
  logger: SenderLogger;
  emit(event: SenderEvent): void;
  /** Telegram asked the whole bot to wait until then (or the token is wrong). */
  pause(until: number, reason: string): void;
  /** Queue heads changed (a chat moved): the loop should look again. */
  invalidate(): void;
  /**
   * Telegram refused the row for a reason that stops one edition, not the chat (a closed or deleted
   * forum topic, a channel without the post right): true when it suspended that edition.
   */
  editionRefused?(row: OutboxRow, error: SendErrorClass): boolean;
}

export function createOutcomes(deps: OutcomeDeps): { deliver(row: OutboxRow): Promise<void> } {
  const { outbox, pacer, counters, logger, emit } = deps;
  let floods: Array<{ at: number; chatId: number }> = [];

  const fail = (row: OutboxRow, reason: FailureReason, error: string, rows = 1): void => {
    counters.failed[reason] += rows;
    emit({ type: 'failed', id: row.id, chatId: row.chatId, reason, error, rows });
  };

  const retryLater = (row: OutboxRow, error: SendErrorClass, nextAttemptAt: number, countAttempt: boolean): void => {
    outbox.reschedule(row.id, { at: nextAttemptAt, error: describeSendError(error), countAttempt });
    emit({ type: 'retry', id: row.id, chatId: row.chatId, error, nextAttemptAt });
  };

  const onFlood = (row: OutboxRow, seconds: number, error: SendErrorClass, at: number): void => {
    counters.tooManyRequests++;
    const until = at + seconds * 1000;
    pacer.deferChat(row.sendTo, until);
    // Every pending row of the chat carries the wait, so a restarted sender honours it as well.
    outbox.deferChat(row.chatId, until, describeSendError(error));
    retryLater(row, error, until, false);
    floods = floods.filter((f) => f.at > at - GLOBAL_FLOOD_WINDOW_MS);
    floods.push({ at, chatId: row.chatId });
    if (new Set(floods.map((f) => f.chatId)).size >= GLOBAL_FLOOD_CHATS) {
      deps.pause(until, `429 from ${GLOBAL_FLOOD_CHATS}+ chats within a second`);
      floods = [];
    }
    logger.warn({ chatId: row.chatId, outboxId: row.id, retryAfter: seconds }, 'telegram asked to slow down');
  };

  const onFailure = (row: OutboxRow, error: SendErrorClass): void => {
    const at = deps.now();
    const reason = describeSendError(error);
    if ((error.kind === 'bad_request' || error.kind === 'blocked') && deps.editionRefused?.(row, error)) {
      // The edition waits, subscriptions kept, until it can be posted to again; its other rows with it.
      fail(row, error.kind, reason, outbox.failChat(row.chatId, reason));
      logger.info({ chatId: row.chatId, error: reason }, 'edition suspended');
      deps.invalidate();
      return;
    }
    switch (error.kind) {
      case 'retry_after':
        onFlood(row, error.seconds, error, at);
        return;
      case 'blocked': {
        // Subscriptions stay; the chat simply receives nothing until it unblocks the bot.
        deps.chats.setStatus(row.chatId, 'blocked');
        fail(row, 'blocked', reason, outbox.failChat(row.chatId, reason));
        logger.info({ chatId: row.chatId }, 'chat blocked the bot; suspended');
        return;
      }
      case 'migrated': {
        if (row.attempts + 1 >= deps.maxAttempts) {
          outbox.markFailed(row.id, reason, true);
          fail(row, 'migrated', reason);
          return;
        }
        // The outbox row and the chat's other rows follow the chat (ON UPDATE CASCADE); resend at once.
        deps.chats.migrate(row.chatId, error.toChatId);
        counters.retried++;
        retryLater(row, error, at, true);
        emit({ type: 'migrated', id: row.id, fromChatId: row.chatId, toChatId: error.toChatId });
        deps.invalidate();
        logger.info({ from: row.chatId, to: error.toChatId }, 'group became a supergroup; chat moved');
        return;
      }
      case 'bad_request':
        outbox.markFailed(row.id, reason);
        fail(row, 'bad_request', reason);
        logger.warn({ chatId: row.chatId, outboxId: row.id, error: reason }, 'telegram refused a message');
        return;
      case 'unauthorized':
        deps.pause(at + UNAUTHORIZED_PAUSE_MS, reason);
        retryLater(row, error, at + UNAUTHORIZED_PAUSE_MS, false);
        logger.error({ error: reason }, 'telegram refused the bot token or API root; sending paused');
        return;
      case 'server':
      case 'network': {
        if (row.attempts + 1 >= deps.maxAttempts) {
          outbox.markFailed(row.id, reason, true);
          fail(row, error.kind, reason);
          logger.warn({ chatId: row.chatId, outboxId: row.id, error: reason }, 'message given up after retries');
          return;
        }
        counters.retried++;
        retryLater(row, error, at + backoffMs(row.attempts + 1, deps.random), true);
      }
    }
  };

  const extraOf = (row: OutboxRow): SendMessageExtra => ({
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(row.replyMarkup ? { reply_markup: row.replyMarkup } : {}),
  });

  return {
    async deliver(row) {
      let messageId: number;
      try {
        const extra = row.threadId !== null ? { ...extraOf(row), message_thread_id: row.threadId } : extraOf(row);
        messageId = (await deps.telegram.sendMessage(row.sendTo, row.text, extra)).message_id;
      } catch (error) {
        try {
          onFailure(row, classifySendError(error));
        } catch (policyError) {
          // Recording the failure itself failed (database trouble): the row stays 'sending' and the
          // next start's recoverInFlight sends it again, which is the documented crash behaviour.
          logger.error({ err: policyError, outboxId: row.id }, 'could not record a failed send');
        }
        return;
      }
      try {
        // Nothing may come between Telegram's 2xx and this write: it bounds what a crash can repeat.
        outbox.markSent(row.id, messageId, deps.now());
        counters.sent++;
        emit({ type: 'sent', id: row.id, chatId: row.chatId, messageId, at: deps.now() });
      } catch (error) {
        logger.error({ err: error, outboxId: row.id }, 'sent but could not mark sent; it may repeat after a restart');
      }
    },
  };
}
