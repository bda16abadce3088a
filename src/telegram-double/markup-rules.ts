/**
 * reply_markup checks. Descriptions follow telegram-bot-api; the one rule
 * Telegram does not enforce (several action fields on one button: Telegram
 * silently keeps the first) is flagged because it is always a bug.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { badRequest } from './errors.ts';

export const MAX_CALLBACK_DATA_BYTES = 64;
export const MAX_INLINE_BUTTONS = 100;

const ACTION_FIELDS = [
  'url', 'login_url', 'callback_data', 'web_app', 'switch_inline_query', 'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay',
] as const;

export interface CheckedMarkup {
  /** Present only for inline keyboards, the only kind a sent Message carries. */
  inline: InlineKeyboardMarkup | undefined;
}

export function checkReplyMarkup(raw: unknown, options: { inlineOnly: boolean }): CheckedMarkup {
  let value = raw;
  if (value === undefined || value === null || value === '') return { inline: undefined };
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('object expected as reply markup');
  }
  const markup = value as Record<string, unknown>;
  if (!('inline_keyboard' in markup)) {
    if (options.inlineOnly) throw badRequest('inline keyboard expected');
    return { inline: undefined };
  }
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  let count = 0;
  for (const row of rows as unknown[][]) {
    for (const button of row) {
      count++;
      checkButton(button);
    }
  }
  if (count > MAX_INLINE_BUTTONS) throw badRequest('reply markup is too long');
  return { inline: value as InlineKeyboardMarkup };
}

function checkButton(raw: unknown): void {
  const fail = (reason: string): never => {
    throw badRequest(`can't parse inline keyboard button: ${reason}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('InlineKeyboardButton must be an Object');
  const button = raw as Record<string, unknown>;
  if (!('text' in button)) fail('Can\'t find field "text"');
  if (typeof button.text !== 'string') fail('Field "text" must be of type String');
  // Telegram's server refuses an empty label with this MTProto error name.
  if ((button.text as string).trim() === '') throw badRequest('BUTTON_TEXT_INVALID');

  // An empty callback_data is treated by the Bot API as absent.
  const present = ACTION_FIELDS.filter((field) => {
    const v = button[field];
    return v !== undefined && v !== null && !(field === 'callback_data' && v === '');
  });
  if (present.length === 0) fail('Text buttons are unallowed in the inline keyboard');
  if (present.length > 1) {
    fail(`exactly one of ${present.join(', ')} may be set (fake-telegram rule: Telegram silently drops all but one)`);
  }

  if (present[0] === 'callback_data') {
    const data = button.callback_data;
    if (typeof data !== 'string') fail('Field "callback_data" must be of type String');
    if (Buffer.byteLength(data as string, 'utf8') > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
  }
  if (present[0] === 'url') {
    if (typeof button.url !== 'string') fail('Field "url" must be of type String');
    if (!isAcceptableUrl(button.url as string)) throw badRequest('BUTTON_URL_INVALID');
  }
}

function isAcceptableUrl(raw: string): boolean {
  // Telegram adds http:// to scheme-less links, so "example.com/x" is fine.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'tg:') return true;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.hostname.includes('.') || url.hostname === 'localhost';
  } catch {
    return false;
  }
}
