import type { Context } from 'telegraf';
import type { Locale } from '../config.ts';
import type { Translate } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord } from '../subscriptions/chats.ts';

/**
 * What an update acts on when it is not the chat it came from: a forum topic's edition (the topic
 * the message was in), or a channel that this private chat is managing (see /channels).
 */
export interface EditionContext {
  kind: 'topic' | 'channel';
  id: number;
  title: string;
  /** The chat the update came from (the group of a topic, the admin's private chat). */
  own: ChatRecord;
}

/** Per-update things only; services reach handlers through the feature factories. */
export interface BotContext extends Context {
  t: Translate;
  locale: Locale;
  logger: Logger;
  /** The record of what the update acts on: the edition when there is one, else the chat. */
  chatRecord: ChatRecord | undefined;
  edition?: EditionContext | undefined;
}

/** An error the user caused and can fix: answered in their language, not logged as a fault. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/**
 * Every handler that stores something keys it by the chat, or by the edition the update acts on (a
 * forum topic, a managed channel); an update without a chat is not ours to serve.
 */
export function chatIdOf(ctx: BotContext): number {
  if (!ctx.chat) throw new UserError('errors.generic');
  return ctx.edition?.id ?? ctx.chat.id;
}
