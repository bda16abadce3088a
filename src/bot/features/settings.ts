import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Locale } from '../../config.ts';
import type { ChatRecord, Frequency } from '../../subscriptions/chats.ts';
import { nextBriefingAt } from '../../digests/due.ts';
import { CITIES, likelyZoneOrder, offsetLabel } from '../../subscriptions/zones.ts';
import { formatDateTime } from '../../i18n.ts';
import { COMMON_TIME_ZONES, parseQuietArgs, parseScheduleArgs, type ParseResult } from '../../subscriptions/schedule.ts';
import { pressedData } from '../../buttons/kind.ts';
import { DIGEST, LANGUAGE, READING, SETTINGS } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { button as b, rows as inRows } from '../keyboards/buttons.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, showScreen, toPlainText, type Screen } from '../reply.ts';

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

/** "Москва (UTC+3)" for a zone the buttons offer, else the IANA id with its offset. */
function zoneLabel(zone: string, locale: Locale, at: number, style: ', ' | ' (' = ' ('): string {
  const city = CITIES.find((c) => c.zone === zone);
  const name = city ? city.names[locale] : zone;
  if (name === 'UTC') return name;
  const comma = locale === 'ar' ? '، ' : ', ';
  return style === ', ' ? `${name}${comma}${offsetLabel(zone, at)}` : `${name} (${offsetLabel(zone, at)})`;
}

export function describeSchedule(ctx: BotContext, chat: ChatRecord, at: number): string {
  const frequency = ctx.t(`settings.frequency_${chat.frequency}`);
  const quiet = chat.quietStart && chat.quietEnd ? `${chat.quietStart}–${chat.quietEnd}` : ctx.t('settings.quiet_off');
  const next = nextBriefingAt(chat, at);
  // Instant briefings have no time of day: saying "at 08:00" would mislead.
  const summary = ctx.t(chat.frequency === 'instant' ? 'settings.summary_instant' : 'settings.summary', {
    language: ctx.t('settings.language_name'),
    frequency,
    weekday: chat.frequency === 'weekly' ? ` (${weekdayName(chat.weeklyDay, ctx.locale)})` : '',
    time: chat.digestTime,
    zone: zoneLabel(chat.timeZone, ctx.locale, at, ', '),
    quiet,
  });
  return next === undefined ? summary : `${summary}\n${ctx.t('settings.next', { when: formatDateTime(next, ctx.locale, chat.timeZone) })}`;
}

export function settingsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats, mutes } = deps.services;
  const now = deps.now ?? Date.now;
  // The context middleware loaded the record for this update; every change below hands back the new one.
  const current = (ctx: BotContext): ChatRecord => {
    if (!ctx.chatRecord) throw new UserError('errors.generic');
    return ctx.chatRecord;
  };

  const screen = (ctx: BotContext): Screen => {
    const chat = current(ctx);
    const mark = (on: boolean, text: string) => (on ? `✅ ${text}` : text);
    const rows: InlineKeyboardButton[][] = [
      [b(ctx.t('start.button_language'), LANGUAGE.menu, {})],
      FREQUENCIES.map((f) => b(mark(chat.frequency === f, ctx.t(`settings.frequency_${f}`)), SETTINGS.frequency, { value: f })),
    ];
    if (chat.frequency === 'weekly') {
      const days = [1, 2, 3, 4, 5, 6, 0].map((d) => b(mark(chat.weeklyDay === d, weekdayName(d, ctx.locale)), SETTINGS.weekday, { day: d }));
      rows.push(days.slice(0, 4), days.slice(4));
    }
    if (chat.frequency !== 'instant') {
      rows.push([b(toPlainText(ctx.t('settings.hour_back')), SETTINGS.hour, { step: 'm60' }), b(`🕗 ${chat.digestTime}`, SETTINGS.menu, {}), b(toPlainText(ctx.t('settings.hour_on')), SETTINGS.hour, { step: 'p60' })]);
    }
    rows.push([b(`🌍 ${zoneLabel(chat.timeZone, ctx.locale, now())}`, SETTINGS.zones, {})]);
    const reading = chats.readingLanguages(chat).map((l) => l.toUpperCase()).join(' · ');
    rows.push([b(toPlainText(ctx.t('settings.button_reading', { langs: reading })), READING.menu, {})]);
    rows.push(
      QUIET_PRESETS.map((q) => {
        const on = q === 'off' ? !chat.quietStart : `${chat.quietStart}-${chat.quietEnd}`.replace(/:/g, '') === q;
        const label = q === 'off' ? ctx.t('settings.quiet_off') : `${q.slice(0, 2)}–${q.slice(5, 7)}`;
        return b(mark(on, `🌙 ${label}`), SETTINGS.quiet, { value: q });
      }),
    );
    // Digits are a matter of house style in Arabic only (see README: Editions).
    if (chats.localeOf(chat) === 'ar' && deps.services.editions) {
      rows.push([b(mark(chat.digits !== 'arab', '123'), SETTINGS.digits, { digits: 'latn' }), b(mark(chat.digits === 'arab', '١٢٣'), SETTINGS.digits, { digits: 'arab' })]);
    }
    // "Less like this" is undone here: one button per muted topic or source.
    const muted = mutes.list(chat.id);
    for (const m of muted) {
      const name = m.kind === 'topic' ? deps.taxonomy.topicName(m.value, ctx.locale) : (m.label ?? ctx.t('digest.source_unnamed'));
      rows.push([b(toPlainText(ctx.t('settings.button_unmute', { name })), SETTINGS.unmute, { kind: m.kind === 'topic' ? 't' : 's', value: m.value })]);
    }
    const mutedLine = muted.length > 0 ? `\n${ctx.t('settings.muted', { count: muted.length })}` : '';
    const banner = ctx.edition ? `${ctx.t(`editions.banner_${ctx.edition.kind}`, { title: ctx.edition.title })}\n` : '';
    return { text: `${banner}${ctx.t('settings.title')}\n\n${describeSchedule(ctx, chat, now())}${mutedLine}\n\n${ctx.t('settings.hint')}`, keyboard: { inline_keyboard: rows } };
  };

  const zonesScreen = (ctx: BotContext): Screen => {
    // Cities in the reader's language with today's offset, the likeliest first (see zones.ts).
    const followed = new Set(deps.services.subscriptions.list(chatIdOf(ctx)).map((s) => s.region.split('-')[0] ?? s.region));
    const at = now();
    const zones = likelyZoneOrder(ctx.locale, followed).map((i) => {
      const city = CITIES[i] as (typeof CITIES)[number];
      return b(`${city.names[ctx.locale]} (${offsetLabel(city.zone, at)})`, SETTINGS.zone, { city: i });
    });
    const rows = [...inRows(zones, 2), [b(ctx.t('common.back'), SETTINGS.menu, {})]];
    return { text: ctx.t('settings.zones_title'), keyboard: { inline_keyboard: rows } };
  };

  composer.command('settings', (ctx) => showScreen(ctx, screen(ctx)));

  /** `/schedule` and `/quiet`: bare, the settings screen; with words, parsed, saved and confirmed with the new summary. */
  const typedSetting = <T>(
    command: string,
    maxLength: number,
    parse: (args: string) => ParseResult<T>,
    save: (chatId: number, value: T) => { chat: ChatRecord; saved: string },
  ) =>
    composer.command(command, async (ctx) => {
      const args = ctx.payload.trim();
      if (args.length === 0) return showScreen(ctx, screen(ctx));
      const parsed = parse(args.slice(0, maxLength));
      if (!parsed.ok) throw new UserError(parsed.key, parsed.params);
      await assertCanManage(ctx);
      const { chat, saved } = save(chatIdOf(ctx), parsed.value);
      await replyHtml(ctx, `${ctx.t(saved)}\n${describeSchedule(ctx, chat, now())}`);
    });

  typedSetting('schedule', 200, parseScheduleArgs, (chatId, change) => ({ chat: chats.setSchedule(chatId, change), saved: 'schedule.saved' }));
  typedSetting('quiet', 100, parseQuietArgs, (chatId, quiet) => ({ chat: chats.setQuietHours(chatId, quiet), saved: quiet ? 'quiet.saved' : 'quiet.off' }));

  // The digest's "⚙️ Settings" opens the screen as a message of its own: editing would replace the digest.
  composer.action(DIGEST.settings.trigger, async (ctx) => {
    await replyHtml(ctx, screen(ctx).text, screen(ctx).keyboard);
    await ctx.answerCbQuery();
  });

  composer.action(SETTINGS.unmute.trigger, async (ctx) => {
    const { kind = '', value = '' } = SETTINGS.unmute.unpack(pressedData(ctx)) ?? {};
    if (!(kind === 't' && deps.taxonomy.isTopic(value)) && !(kind === 's' && /^[0-9a-z]{1,7}$/.test(value))) throw new UserError('errors.button_expired');
    await assertCanManage(ctx);
    mutes.unmute(chatIdOf(ctx), kind === 't' ? 'topic' : 'source', value);
    await showScreen(ctx, screen(ctx));
    await ctx.answerCbQuery(ctx.t('settings.saved_toast'));
  });

  composer.action(/^set:/, async (ctx) => {
    const data = pressedData(ctx);
    const chatId = chatIdOf(ctx);
    if (SETTINGS.menu.unpack(data)) return showScreen(ctx, screen(ctx)).then(() => ctx.answerCbQuery());
    if (SETTINGS.zones.unpack(data)) return showScreen(ctx, zonesScreen(ctx)).then(() => ctx.answerCbQuery());
    const frequency = SETTINGS.frequency.unpack(data)?.value;
    const day = SETTINGS.weekday.unpack(data)?.day;
    const step = SETTINGS.hour.unpack(data)?.step;
    const zone = COMMON_TIME_ZONES[SETTINGS.zone.unpack(data)?.city ?? -1];
    const digits = SETTINGS.digits.unpack(data)?.digits;
    const quietPreset = SETTINGS.quiet.unpack(data)?.value;
    await assertCanManage(ctx);
    if (frequency && (FREQUENCIES as readonly string[]).includes(frequency)) {
      ctx.chatRecord = chats.setSchedule(chatId, { frequency: frequency as Frequency });
    } else if (day !== undefined && day <= 6 && current(ctx).frequency === 'weekly') {
      // A weekday button left on a screen from before the switch to daily or instant is stale.
      ctx.chatRecord = chats.setSchedule(chatId, { weeklyDay: day });
    } else if (step) {
      ctx.chatRecord = chats.setSchedule(chatId, { digestTime: shiftTime(current(ctx).digestTime, step === 'm60' ? -60 : 60) });
    } else if (zone) {
      ctx.chatRecord = chats.setSchedule(chatId, { timeZone: zone });
    } else if (digits && deps.services.editions) {
      ctx.chatRecord = deps.services.editions.setDigits(chatId, digits);
    } else if (quietPreset && (QUIET_PRESETS as readonly string[]).includes(quietPreset)) {
      const value = quietPreset;
      const quiet = value === 'off' ? null : { start: `${value.slice(0, 2)}:${value.slice(2, 4)}`, end: `${value.slice(5, 7)}:${value.slice(7, 9)}` };
      ctx.chatRecord = chats.setQuietHours(chatId, quiet);
    } else {
      throw new UserError('errors.button_expired');
    }
    await showScreen(ctx, screen(ctx));
    await ctx.answerCbQuery(ctx.t('settings.saved_toast'));
  });

  return composer;
}
