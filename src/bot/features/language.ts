import { Composer } from 'telegraf';
import { SUPPORTED_LOCALES, type Locale } from '../../config.ts';
import { toLocale } from '../../subscriptions/chats.ts';
import { pressedData } from '../../buttons/kind.ts';
import { LANGUAGE } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { setChatMenu } from '../commands.ts';
import { adminCommandList } from './admin/commands.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { cutText, showScreen, type Screen } from '../reply.ts';

// Each language names itself, so a reader lost in the wrong language still finds their own.
export const NATIVE_NAMES: Record<Locale, string> = { ar: 'العربية', ru: 'Русский', en: 'English' };

const NAMED: Record<string, Locale> = {
  arabic: 'ar', العربية: 'ar', عربي: 'ar', арабский: 'ar',
  russian: 'ru', русский: 'ru', الروسية: 'ru', روسي: 'ru',
  english: 'en', английский: 'en', الإنجليزية: 'en', الانجليزية: 'en', انجليزي: 'en',
};

/** "ru", "Russian", «русский», «الروسية»: the language a reader means, or undefined. */
export const languageNamed = (word: string): Locale | undefined => toLocale(word) ?? NAMED[word.toLowerCase()];

export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const menu = (ctx: BotContext): Screen => ({
    text: ctx.t('language.choose'),
    keyboard: {
      inline_keyboard: [
        SUPPORTED_LOCALES.map((l) => ({
          text: (l === ctx.locale ? '✅ ' : '') + NATIVE_NAMES[l],
          callback_data: LANGUAGE.pick.pack({ locale: l }),
        })),
      ],
    },
  });

  const apply = async (ctx: BotContext, locale: Locale) => {
    await assertCanManage(ctx);
    const chatId = chatIdOf(ctx);
    deps.services.chats.setLocale(chatId, locale);
    // A channel's admin keeps talking to the bot in their own language; the menu is theirs too.
    if (ctx.edition?.kind === 'channel') return;
    ctx.locale = locale;
    ctx.t = deps.i18n.translator(locale);
    // One forum topic's language is not the whole group's menu.
    if (ctx.edition) return;
    // The menu follows the chat's choice, not Telegram's language: a menu of this chat's own.
    try {
      const admin = chatId > 0 && deps.services.admin?.roles.isAdmin(chatId) === true;
      await setChatMenu(ctx.telegram, deps.i18n, chatId, locale, admin ? adminCommandList(deps.i18n, locale) : []);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'could not set the chat’s command menu');
    }
  };

  composer.command('language', async (ctx) => {
    const arg = ctx.payload.trim().toLowerCase();
    if (arg.length === 0) return showScreen(ctx, menu(ctx));
    const locale = languageNamed(arg);
    if (!locale) throw new UserError('language.unknown', { input: cutText(arg, 30) });
    await apply(ctx, locale);
    await showScreen(ctx, { text: ctx.t('language.set') });
  });

  composer.action(/^lang:/, async (ctx) => {
    const data = pressedData(ctx);
    const pick = LANGUAGE.pick.unpack(data);
    if (LANGUAGE.menu.unpack(data)) {
      await showScreen(ctx, menu(ctx));
    } else if (pick) {
      await apply(ctx, pick.locale);
      await showScreen(ctx, { text: ctx.t('language.set') });
    } else {
      throw new UserError('errors.button_expired');
    }
    await ctx.answerCbQuery();
  });

  return composer;
}
