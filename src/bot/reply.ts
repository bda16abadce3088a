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
    try {
      await ctx.editMessageText(screen.text, htmlOptions(screen.keyboard));
    } catch (error) {
      if (!String((error as Error).message).includes('message is not modified')) throw error;
    }
    return;
  }
  await replyHtml(ctx, screen.text, screen.keyboard);
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
