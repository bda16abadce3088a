import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { decodeInstant, encodeInstant } from '../../digests/buttons.ts';
import type { Subscription } from '../../subscriptions/subscriptions.ts';
import { pressedData } from '../../buttons/kind.ts';
import { DIGEST } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { toPlainText } from '../reply.ts';

export interface TasteOffer {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

// What a button asks for, signed with the chat: "t|TJ|security|<at>" or, after the wizard, "tw|<at>".
const payloadOf = (sub: Pick<Subscription, 'region' | 'topic'> | undefined, at36: string) =>
  sub ? `t|${sub.region}|${sub.topic}|${at36}` : `tw|${at36}`;

/** "the last 24 hours", or in days when whole and long ("the last 30 days", not "720 hours"). */
function lookbackPeriod(ctx: BotContext, hours: number): string {
  const days = hours / 24;
  return Number.isInteger(days) && days >= 2 ? ctx.t('digest.period_days', { count: days }) : ctx.t('digest.period_hours', { count: hours });
}

/**
 * The line under "Subscribed": how many stories of the lookback the new subscription (or, after
 * the wizard, the chat's subscriptions) already brings, with a button to have them now. Stories the
 * chat already has never count; what is not taken comes with the next digest anyway.
 */
export function tasteOffer(ctx: BotContext, deps: BotDeps, sub?: Subscription): TasteOffer {
  const { digests } = deps.services;
  const chatId = chatIdOf(ctx);
  const period = lookbackPeriod(ctx, deps.config.digestLookbackHours);
  const count = digests.tasteCount(chatId, sub);
  if (count === 0) return { text: ctx.t('digest.taste_none', { period }) };
  // A channel gets no post on one admin's tap: what matches leads its next briefing.
  if (ctx.edition?.kind === 'channel') return { text: ctx.t('editions.taste_next', { count, period }) };
  const at36 = encodeInstant((deps.now ?? Date.now)());
  const tag = digests.tag(chatId, payloadOf(sub, at36));
  const data = sub ? DIGEST.taste.pack({ region: sub.region, topic: sub.topic, at: at36, tag }) : DIGEST.tasteWhole.pack({ at: at36, tag });
  const label = toPlainText(ctx.t('digest.taste_button', { count }));
  return { text: ctx.t('digest.taste_offer', { count, period }), keyboard: { inline_keyboard: [[{ text: label, callback_data: data }]] } };
}

export function tasteFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { digests, subscriptions } = deps.services;

  const answer = async (ctx: BotContext, sub: Subscription | undefined, at36: string, tag: string) => {
    const chatId = chatIdOf(ctx);
    const at = decodeInstant(at36);
    if (at === undefined || !digests.verify(chatId, payloadOf(sub, at36), tag)) throw new UserError('errors.button_expired');
    await assertCanManage(ctx);
    const outcome = digests.sendTaste(chatId, sub, at);
    // Nothing left to send means the stories reached the chat already: by this button or a digest.
    const key = outcome === 'queued' ? 'digest.more_queued' : outcome === 'paused' ? 'subscriptions.paused' : 'digest.taste_already';
    await ctx.answerCbQuery(toPlainText(ctx.t(key)).slice(0, 200));
  };

  composer.action(DIGEST.taste.trigger, async (ctx) => {
    const { region = '', topic = '', at: at36 = '', tag = '' } = DIGEST.taste.unpack(pressedData(ctx)) ?? {};
    // The subscription as it is now: its keywords may have changed since the offer.
    const sub = subscriptions.list(chatIdOf(ctx)).find((s) => s.region === region && s.topic === topic);
    if (!sub) throw new UserError('errors.button_expired');
    await answer(ctx, sub, at36, tag);
  });

  composer.action(DIGEST.tasteWhole.trigger, async (ctx) => {
    const { at: at36 = '', tag = '' } = DIGEST.tasteWhole.unpack(pressedData(ctx)) ?? {};
    if (subscriptions.list(chatIdOf(ctx)).length === 0) throw new UserError('errors.button_expired');
    await answer(ctx, undefined, at36, tag);
  });

  return composer;
}
