/**
 * `/editions`: language editions of one set of subscriptions. In a forum group an admin writes
 * `/editions ar ru en` and gets a topic per language, each following the subscriptions of the
 * topic (or General) it was asked in; in a private chat managing a channel, `/editions ru=@channel`
 * makes that channel the Russian edition of this one. Bare, it lists the editions that share the set.
 */
import { Composer } from 'telegraf';
import { SUPPORTED_LOCALES, type Locale } from '../../config.ts';
import type { ChatRecord } from '../../subscriptions/chats.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { cutText, replyHtml } from '../reply.ts';
import { canPostInChannel } from './chat-member.ts';
import { languageNamed, NATIVE_NAMES } from './language.ts';

const MAX_ARGS = 200;
const ADMIN = new Set(['creator', 'administrator']);

export function editionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { editions, chats } = deps.services;
  if (!editions) return composer;

  // A topic made here is named after its language already: it is not named twice.
  const describe = (ctx: BotContext, record: ChatRecord): string => {
    const title = record.title ?? String(record.id);
    const language = NATIVE_NAMES[chats.localeOf(record)];
    return ctx.t(title.includes(language) ? 'editions.line_plain' : 'editions.line', { title, language });
  };

  const list = async (ctx: BotContext) => {
    const others = editions.editionsOf(chatIdOf(ctx));
    if (others.length === 0) return replyHtml(ctx, ctx.t('editions.none'));
    return replyHtml(ctx, [ctx.t('editions.shared'), ...others.map((e) => describe(ctx, e))].join('\n'));
  };

  const language = (word: string): Locale => {
    const locale = languageNamed(word);
    if (!locale) throw new UserError('editions.unknown_language', { input: cutText(word, 30), languages: SUPPORTED_LOCALES.join(', ') });
    return locale;
  };

  /** Forum: one new topic per language, unless an edition in that language already shares the set. */
  const topics = async (ctx: BotContext, groupId: number, words: string[]) => {
    await assertCanManage(ctx);
    const locales = [...new Set(words.map(language))];
    const base = chatIdOf(ctx);
    const have = new Set([editions.subscriptionOwner(base), ...editions.editionsOf(base).map((e) => e.id)].map((id) => chats.localeOf(chats.get(id))));
    const made: string[] = [];
    for (const locale of locales) {
      if (have.has(locale)) {
        made.push(ctx.t('editions.exists', { language: NATIVE_NAMES[locale] }));
        continue;
      }
      const name = `${deps.i18n.t(locale, 'editions.topic_name')} · ${NATIVE_NAMES[locale]}`;
      const topic = await ctx.telegram.createForumTopic(groupId, name);
      const edition = editions.link(base, editions.topic(groupId, topic.message_thread_id, name).id, locale);
      made.push(describe(ctx, edition));
    }
    await replyHtml(ctx, [ctx.t('editions.made'), ...made].join('\n'));
  };

  /** Channel: `ru=@name` or `ru=-100…`, each a channel the bot was added to, that this person administers and the bot may post in. */
  const channels = async (ctx: BotContext, words: string[], resolved: ReadonlyMap<string, number>) => {
    const base = chatIdOf(ctx);
    const userId = ctx.from?.id;
    if (userId === undefined) throw new UserError('errors.generic');
    const pairs = words.map((word) => {
      const [lang = '', target = ''] = word.split('=');
      if (!target) throw new UserError('editions.channel_usage');
      return { locale: language(lang), target };
    });
    const known = editions.channels();
    const made: string[] = [];
    for (const { locale, target } of pairs) {
      const channel = target.startsWith('@')
        ? known.find((c) => c.id === resolved.get(target))
        : known.find((c) => c.id === Number(target));
      if (!channel || channel.id === base) throw new UserError('editions.unknown_channel', { input: cutText(target, 40) });
      const title = channel.title ?? String(channel.id);
      const member = await ctx.telegram.getChatMember(channel.id, userId).catch(() => undefined);
      if (!member || !ADMIN.has(member.status)) throw new UserError('channels.not_admin', { title });
      const bot = await ctx.telegram.getChatMember(channel.id, ctx.botInfo.id).catch(() => undefined);
      if (!bot || !canPostInChannel(bot)) throw new UserError('channels.bot_cannot_post', { title });
      if (channel.managedBy === null) editions.channelSeen({ id: channel.id, title: channel.title ?? undefined }, userId);
      made.push(describe(ctx, editions.link(base, channel.id, locale)));
    }
    await replyHtml(ctx, [ctx.t('editions.made'), ...made].join('\n'));
  };

  composer.command('editions', async (ctx) => {
    const words = ctx.payload.slice(0, MAX_ARGS).split(/[\s,]+/).filter(Boolean);
    if (words.length === 0) return list(ctx);
    const chat = ctx.chat;
    if (chat.type === 'supergroup' && 'is_forum' in chat && chat.is_forum) return topics(ctx, chat.id, words);
    if (ctx.edition?.kind === 'channel') {
      // @usernames are resolved through Telegram once per command.
      const resolved = new Map<string, number>();
      for (const word of words) {
        const target = word.split('=')[1];
        if (!target?.startsWith('@')) continue;
        const found = await ctx.telegram.getChat(target).catch(() => undefined);
        if (found) resolved.set(target, found.id);
      }
      return channels(ctx, words, resolved);
    }
    throw new UserError('editions.where');
  });

  return composer;
}
