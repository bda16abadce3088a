import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Locale } from '../../config.ts';
import type { ChatRecord, Frequency } from '../../subscriptions/chats.ts';
import { COMMON_TIME_ZONES, parseQuietArgs, parseScheduleArgs } from '../../subscriptions/schedule.ts';
import { callbackData, callbackDataOf, parseCallbackData } from '../callback-data.ts';
import type { BotContext } from '../context.ts';
import { UserError } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, showScreen, type Screen } from '../reply.ts';
import { chatIdOf } from './subscribe.ts';

const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'instant'];
const QUIET_PRESETS = ['off', '2200-0700', '2300-0800', '0000-0600'] as const;

function weekdayName(day: number, locale: Locale): string {
  // 2023-01-01 was a Sunday: day 0.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day));
}

function shiftTime(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function describeSchedule(ctx: BotContext, chat: ChatRecord): string {
  const frequency = ctx.t(`settings.frequency_${chat.frequency}`);
  const quiet = chat.quietStart && chat.quietEnd ? `${chat.quietStart}–${chat.quietEnd}` : ctx.t('settings.quiet_off');
  return ctx.t('settings.summary', {
    language: ctx.t('settings.language_name'),
    frequency,
    weekday: chat.frequency === 'weekly' ? ` (${weekdayName(chat.weeklyDay, ctx.locale)})` : '',
    time: chat.digestTime,
    zone: chat.timeZone,
    quiet,
  });
}

export function settingsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats } = deps.services;
  const current = (ctx: BotContext): ChatRecord => {
    const chat = chats.get(chatIdOf(ctx));
    if (!chat) throw new UserError('errors.generic');
    return chat;
  };
  const b = (text: string, ...data: Array<string | number>): InlineKeyboardButton => ({ text, callback_data: callbackData(...data) });

  const screen = (ctx: BotContext): Screen => {
    const chat = current(ctx);
    const mark = (on: boolean, text: string) => (on ? `✅ ${text}` : text);
    const rows: InlineKeyboardButton[][] = [
      [b(ctx.t('start.button_language'), 'lang', 'menu')],
      FREQUENCIES.map((f) => b(mark(chat.frequency === f, ctx.t(`settings.frequency_${f}`)), 'set', 'f', f)),
    ];
    if (chat.frequency === 'weekly') {
      const days = [1, 2, 3, 4, 5, 6, 0].map((d) => b(mark(chat.weeklyDay === d, weekdayName(d, ctx.locale)), 'set', 'd', d));
      rows.push(days.slice(0, 4), days.slice(4));
    }
    rows.push([b('−1h', 'set', 't', 'm60'), b(`🕗 ${chat.digestTime}`, 'set', 'menu'), b('+1h', 'set', 't', 'p60')]);
    rows.push([b(`🌍 ${chat.timeZone}`, 'set', 'zones')]);
    rows.push(
      QUIET_PRESETS.map((q) => {
        const on = q === 'off' ? !chat.quietStart : `${chat.quietStart}-${chat.quietEnd}`.replace(/:/g, '') === q;
        const label = q === 'off' ? ctx.t('settings.quiet_off') : `${q.slice(0, 2)}–${q.slice(5, 7)}`;
        return b(mark(on, `🌙 ${label}`), 'set', 'q', q);
      }),
    );
    return { text: `${ctx.t('settings.title')}\n\n${describeSchedule(ctx, chat)}\n\n${ctx.t('settings.hint')}`, keyboard: { inline_keyboard: rows } };
  };

  const zonesScreen = (ctx: BotContext): Screen => {
    const buttons = COMMON_TIME_ZONES.map((z, i) => b(z, 'set', 'z', i));
    const rows: InlineKeyboardButton[][] = [];
    for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
    rows.push([b(ctx.t('common.back'), 'set', 'menu')]);
    return { text: ctx.t('settings.zones_title'), keyboard: { inline_keyboard: rows } };
  };

  composer.command('settings', (ctx) => showScreen(ctx, screen(ctx)));

  composer.command('schedule', async (ctx) => {
    const args = ctx.payload.trim();
    if (args.length === 0) return showScreen(ctx, screen(ctx));
    const parsed = parseScheduleArgs(args.slice(0, 200));
    if (!parsed.ok) throw new UserError(parsed.key, parsed.params);
    await assertCanManage(ctx);
    const chat = chats.setSchedule(chatIdOf(ctx), parsed.value);
    await replyHtml(ctx, `${ctx.t('schedule.saved')}\n${describeSchedule(ctx, chat)}`);
  });

  composer.command('quiet', async (ctx) => {
    const args = ctx.payload.trim();
    if (args.length === 0) return showScreen(ctx, screen(ctx));
    const parsed = parseQuietArgs(args.slice(0, 100));
    if (!parsed.ok) throw new UserError(parsed.key, parsed.params);
    await assertCanManage(ctx);
    const chat = chats.setQuietHours(chatIdOf(ctx), parsed.value);
    await replyHtml(ctx, `${ctx.t(parsed.value ? 'quiet.saved' : 'quiet.off')}\n${describeSchedule(ctx, chat)}`);
  });

  composer.action(/^set:/, async (ctx) => {
    const data = callbackDataOf(ctx);
    const single = parseCallbackData(data, 'set', 1);
    const [kind, value = ''] = parseCallbackData(data, 'set', 2) ?? [];
    const chatId = chatIdOf(ctx);
    if (single?.[0] === 'menu') return showScreen(ctx, screen(ctx)).then(() => ctx.answerCbQuery());
    if (single?.[0] === 'zones') return showScreen(ctx, zonesScreen(ctx)).then(() => ctx.answerCbQuery());
    await assertCanManage(ctx);
    if (kind === 'f' && (FREQUENCIES as readonly string[]).includes(value)) {
      chats.setSchedule(chatId, { frequency: value as Frequency });
    } else if (kind === 'd' && /^[0-6]$/.test(value)) {
      chats.setSchedule(chatId, { weeklyDay: Number(value) });
    } else if (kind === 't' && (value === 'm60' || value === 'p60')) {
      chats.setSchedule(chatId, { digestTime: shiftTime(current(ctx).digestTime, value === 'm60' ? -60 : 60) });
    } else if (kind === 'z' && /^\d+$/.test(value) && COMMON_TIME_ZONES[Number(value)]) {
      chats.setSchedule(chatId, { timeZone: COMMON_TIME_ZONES[Number(value)] as string });
    } else if (kind === 'q' && (QUIET_PRESETS as readonly string[]).includes(value)) {
      const quiet = value === 'off' ? null : { start: `${value.slice(0, 2)}:${value.slice(2, 4)}`, end: `${value.slice(5, 7)}:${value.slice(7, 9)}` };
      chats.setQuietHours(chatId, quiet);
    } else {
      throw new UserError('errors.button_expired');
    }
    await showScreen(ctx, screen(ctx));
    await ctx.answerCbQuery(ctx.t('settings.saved_toast'));
  });

  return composer;
}
