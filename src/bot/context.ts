import type { Context } from 'telegraf';
import type { Locale } from '../config.ts';
import type { Translate } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { ChatRecord } from '../subscriptions/chats.ts';

/** Per-update things only; services reach handlers through the feature factories. */
export interface BotContext extends Context {
  t: Translate;
  locale: Locale;
  logger: Logger;
  chatRecord: ChatRecord | undefined;
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

/** Every handler that stores something keys it by the chat; an update without one is not ours to serve. */
export function chatIdOf(ctx: BotContext): number {
  if (!ctx.chat) throw new UserError('errors.generic');
  return ctx.chat.id;
}
