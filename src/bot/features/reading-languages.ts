import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { SUPPORTED_LOCALES, type Locale } from '../../config.ts';
import type { ChatRecord } from '../../subscriptions/chats.ts';
import { pressedData } from '../../buttons/kind.ts';
import { READING, SETTINGS } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { button } from '../keyboards/buttons.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { cutText, showScreen, toPlainText, type Screen } from '../reply.ts';
import { languageNamed, NATIVE_NAMES } from './language.ts';

/**
 * The languages a chat reads, in order: a story comes in the first of them it exists in. Separate
 * from /language (the bot's own language) because a reader in Kazan may want the bot in Russian and
 * stories in Russian or English, whichever came first.
 */
export function readingLanguagesFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { chats } = deps.services;

  const record = (ctx: BotContext): ChatRecord => {
    const chat = chats.get(chatIdOf(ctx)) ?? ctx.chatRecord;
    if (!chat) throw new UserError('errors.generic');
    return chat;
  };

  const screen = (ctx: BotContext): Screen => {
    const chat = record(ctx);
    const langs = chats.readingLanguages(chat);
    const order = langs.map((l, i) => `${i + 1}. ${NATIVE_NAMES[l]}`).join('\n');
    const others = ctx.t(`reading.others_${chat.otherLangs}`);
    const text = `${ctx.t('reading.title')}\n\n${order}\n\n${others}\n\n${ctx.t('reading.hint')}`;
    const rows: InlineKeyboardButton[][] = SUPPORTED_LOCALES.map((l) => {
      const at = langs.indexOf(l);
      const row = [button(`${at >= 0 ? '✅' : '➕'} ${NATIVE_NAMES[l]}`, READING.toggle, { locale: l })];
      if (at > 0) row.push(button(`⬆ ${NATIVE_NAMES[l]}`, READING.up, { locale: l }));
      return row;
    });
    rows.push(
      (['tag', 'hide'] as const).map((mode) =>
        button(`${chat.otherLangs === mode ? '✅ ' : ''}${toPlainText(ctx.t(`reading.button_${mode}`))}`, READING.others, { mode }),
      ),
    );
    rows.push([button(toPlainText(ctx.t('reading.back')), SETTINGS.menu, {})]);
    return { text, keyboard: { inline_keyboard: rows } };
  };

  const save = async (ctx: BotContext, langs: Locale[]) => {
    // An empty list would mean a chat that reads nothing: every digest empty, silently.
    if (langs.length === 0) throw new UserError('reading.empty');
    await assertCanManage(ctx);
    chats.setReadingLanguages(chatIdOf(ctx), langs);
  };

  composer.command('languages', async (ctx) => {
    const args = ctx.payload.trim().toLowerCase();
    if (args.length === 0) return showScreen(ctx, screen(ctx));
    const langs: Locale[] = [];
    for (const word of args.split(/[\s,]+/).filter(Boolean)) {
      const locale = languageNamed(word);
      if (!locale) throw new UserError('reading.unknown', { input: cutText(word, 30) });
      if (!langs.includes(locale)) langs.push(locale);
    }
    await save(ctx, langs);
    await showScreen(ctx, { ...screen(ctx), text: `${ctx.t('reading.saved')}\n\n${screen(ctx).text}` });
  });

  composer.action(/^rl:/, async (ctx) => {
    const data = pressedData(ctx);
    if (READING.menu.unpack(data)) {
      await showScreen(ctx, screen(ctx));
      return ctx.answerCbQuery();
    }
    const toggle = READING.toggle.unpack(data)?.locale;
    const up = READING.up.unpack(data)?.locale;
    const others = READING.others.unpack(data)?.mode;
    const langs = chats.readingLanguages(record(ctx));
    if (toggle) {
      await save(ctx, langs.includes(toggle) ? langs.filter((l) => l !== toggle) : [...langs, toggle]);
    } else if (up && langs.indexOf(up) > 0) {
      const at = langs.indexOf(up);
      const next = [...langs];
      next.splice(at - 1, 2, up, langs[at - 1] as Locale);
      await save(ctx, next);
    } else if (others) {
      await assertCanManage(ctx);
      chats.setOtherLanguages(chatIdOf(ctx), others);
    } else {
      throw new UserError('errors.button_expired');
    }
    await showScreen(ctx, screen(ctx));
    return ctx.answerCbQuery(toPlainText(ctx.t('settings.saved_toast')));
  });

  return composer;
}
