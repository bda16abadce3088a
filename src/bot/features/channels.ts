/**
 * Channel editions, managed from a private chat: `/channels` lists the channels the bot was added
 * to that this person administers; "Manage" points the private chat at one, and from then on the
 * usual screens (/subscribe, /schedule, /language, /languages, /settings…) change that channel's
 * edition until "Back to my chat" or half an hour idle. Rights are asked of Telegram at every
 * update that acts on a channel, so an admin demoted a second ago is refused.
 */
import { Composer } from 'telegraf';
import type { ChatRecord } from '../../subscriptions/chats.ts';
import { pressedData } from '../../buttons/kind.ts';
import { CHANNELS } from '../../buttons/kinds.ts';
import { UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { cutText, replyHtml, showScreen, type Screen } from '../reply.ts';
import { canPostInChannel } from './chat-member.ts';

/** The list may reuse an answer this long; acting on a channel never does. */
const LIST_CACHE_MS = 60_000;
/** Commands that act on the private chat itself, so they make no sense for a channel. */
const OWN_CHAT_COMMANDS = new Set(['digest', 'search', 'stop']);
const ADMIN = new Set(['creator', 'administrator']);

const commandOf = (ctx: BotContext): string | undefined => {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  return text?.startsWith('/') ? text.slice(1).split(/[\s@]/)[0]?.toLowerCase() : undefined;
};

export function channelsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { editions } = deps.services;
  if (!editions) return composer;
  const now = deps.now ?? Date.now;
  const listed = new Map<string, { admin: boolean; at: number }>();

  const isAdmin = async (ctx: BotContext, channelId: number, fresh: boolean): Promise<boolean> => {
    const userId = ctx.from?.id;
    if (userId === undefined) return false;
    const key = `${channelId}:${userId}`;
    const known = listed.get(key);
    if (!fresh && known && now() - known.at < LIST_CACHE_MS) return known.admin;
    let admin = false;
    try {
      admin = ADMIN.has((await ctx.telegram.getChatMember(channelId, userId)).status);
    } catch (error) {
      // A channel that is gone or that the bot left cannot be managed either.
      ctx.logger.info({ err: error, channelId }, 'could not ask a channel for its admins');
    }
    listed.set(key, { admin, at: now() });
    return admin;
  };

  const statusLine = (ctx: BotContext, channel: ChatRecord): string =>
    channel.status === 'suspended' ? ctx.t(`channels.status_${channel.suspendedReason ?? 'removed'}`) : ctx.t('channels.status_active');

  const listScreen = async (ctx: BotContext): Promise<Screen> => {
    const mine: ChatRecord[] = [];
    for (const channel of editions.channels()) if (await isAdmin(ctx, channel.id, false)) mine.push(channel);
    if (mine.length === 0) return { text: ctx.t('channels.none') };
    const lines = mine.map((c) => ctx.t('channels.line', { title: c.title ?? String(c.id), status: statusLine(ctx, c) }));
    const rows = mine.map((c) => [{ text: (ctx.edition?.id === c.id ? '✅ ' : '') + cutText(c.title ?? String(c.id), 40), callback_data: CHANNELS.manage.pack({ channel: c.id }) }]);
    if (ctx.edition?.kind === 'channel') rows.push([{ text: ctx.t('channels.button_back'), callback_data: CHANNELS.back.pack({}) }]);
    return { text: [ctx.t('channels.title'), '', ...lines].join('\n'), keyboard: { inline_keyboard: rows } };
  };

  // Every update that acts on a channel first proves its sender still administers it.
  composer.use(async (ctx, next) => {
    if (ctx.edition?.kind !== 'channel' || !ctx.chat) return next();
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const command = commandOf(ctx);
    if (command === 'channels' || data?.startsWith('chn:')) return next();
    if (!(await isAdmin(ctx, ctx.edition.id, true))) {
      editions.setManaging(ctx.chat.id, null, now());
      throw new UserError('channels.not_admin', { title: ctx.edition.title });
    }
    if (command && OWN_CHAT_COMMANDS.has(command)) throw new UserError('channels.own_chat_only', { title: ctx.edition.title });
    return next();
  });

  composer.command('channels', async (ctx) => {
    if (ctx.chat.type !== 'private') throw new UserError('channels.private_only');
    await showScreen(ctx, await listScreen(ctx));
  });

  composer.action(/^chn:/, async (ctx) => {
    if (ctx.chat?.type !== 'private') throw new UserError('channels.private_only');
    const data = pressedData(ctx);
    if (CHANNELS.back.unpack(data)) {
      editions.setManaging(ctx.chat.id, null, now());
      ctx.edition = undefined;
      await ctx.answerCbQuery();
      return showScreen(ctx, { text: ctx.t('channels.back') });
    }
    const id = CHANNELS.manage.unpack(data)?.channel;
    // The id comes from the button: a forged one must name a channel the bot knows and the sender administers.
    const channel = id === undefined ? undefined : editions.channels().find((c) => c.id === id);
    if (!channel) throw new UserError('errors.button_expired');
    const title = channel.title ?? String(channel.id);
    if (!(await isAdmin(ctx, channel.id, true))) throw new UserError('channels.not_admin', { title });
    let canPost = false;
    try {
      canPost = canPostInChannel(await ctx.telegram.getChatMember(channel.id, ctx.botInfo.id));
    } catch (error) {
      ctx.logger.info({ err: error, channelId: channel.id }, 'could not ask a channel for the bot’s rights');
    }
    if (!canPost) throw new UserError('channels.bot_cannot_post', { title });
    editions.setManaging(ctx.chat.id, channel.id, now());
    // Whoever sets the edition up hears when it stops.
    if (channel.managedBy === null) editions.channelSeen({ id: channel.id, title: channel.title ?? undefined }, ctx.from.id);
    await ctx.answerCbQuery();
    await replyHtml(ctx, ctx.t('channels.managing', { title }));
  });

  return composer;
}
