import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotContext } from './context.ts';

export const MESSAGE_LIMIT = 4096;

export interface Screen {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

const htmlOptions = (keyboard?: InlineKeyboardMarkup) => ({
  parse_mode: 'HTML' as const,
  link_preview_options: { is_disabled: true },
  ...(keyboard ? { reply_markup: keyboard } : {}),
});

/** Every reply is HTML with previews off; texts come from i18n with escaped values. */
export async function replyHtml(ctx: BotContext, text: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  await ctx.reply(text, htmlOptions(keyboard));
}

/**
 * Keyboard screens are edited in place when a button was pressed, so the chat does not fill up
 * with stale menus; "not modified" means the screen already shows this state.
 */
export async function showScreen(ctx: BotContext, screen: Screen): Promise<void> {
  if (ctx.callbackQuery && ctx.callbackQuery.message) {
    // A button pressed twice asks for the screen it already shows: Telegram would refuse that edit.
    if (alreadyShows(ctx.callbackQuery.message, screen)) return;
    try {
      await ctx.editMessageText(screen.text, htmlOptions(screen.keyboard));
    } catch (error) {
      if (!String((error as Error).message).includes('message is not modified')) throw error;
    }
    return;
  }
  await replyHtml(ctx, screen.text, screen.keyboard);
}

/** Telegram sends the pressed message as the user sees it: plain text and its keyboard. */
function alreadyShows(message: object, screen: Screen): boolean {
  if (!('text' in message) || typeof message.text !== 'string') return false;
  const markup = 'reply_markup' in message ? message.reply_markup : undefined;
  return message.text === toPlainText(screen.text).trim() && JSON.stringify(markup ?? null) === JSON.stringify(screen.keyboard ?? null);
}

/** Alerts and toasts (answerCallbackQuery) are plain text: drop tags and decode our four entities. */
export function toPlainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * At most `max` UTF-16 units of a user's text or a chat's title, for quoting it back: a cut through
 * an emoji would leave half a surrogate pair, and Telegram refuses a message that holds one.
 */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}
