import type { InlineKeyboardButton } from 'telegraf/types';
import type { ButtonKind, Fields, Values } from '../../buttons/kind.ts';

/** A button whose data is packed by its kind, so no keyboard can outgrow Telegram's limit. */
export const button = <F extends Fields>(text: string, kind: ButtonKind<F>, values: Values<F>): InlineKeyboardButton => ({
  text,
  callback_data: kind.pack(values),
});

export const rows = <T>(items: readonly T[], perRow: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) out.push(items.slice(i, i + perRow));
  return out;
};
