import type { InlineKeyboardButton } from 'telegraf/types';
import { callbackData } from '../callback-data.ts';

/** A button whose data goes through callbackData, so no keyboard can outgrow Telegram's limit. */
export const button = (text: string, ...data: Array<string | number>): InlineKeyboardButton => ({
  text,
  callback_data: callbackData(...data),
});

export const rows = <T>(items: readonly T[], perRow: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
};
