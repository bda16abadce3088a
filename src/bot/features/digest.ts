import { Composer } from 'telegraf';
import type { PageOutcome } from '../../digests/actions.ts';
import { decodeInstant } from '../../digests/buttons.ts';
import { sourceKey } from '../../subscriptions/mutes.ts';
import { pressedData } from '../../buttons/kind.ts';
import { DIGEST } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, toPlainText } from '../reply.ts';

const PAGE_ANSWERS: Record<PageOutcome, string> = {
  queued: 'digest.more_queued', stale: 'digest.more_stale', already: 'digest.more_already', paused: 'subscriptions.paused', none: 'digest.more_none',
};
const SOURCE_KEY = /^[0-9a-z]{1,7}$/;

/** The pressed button's own label: a source's name is too long for callback data, so the label says it. */
function pressedLabel(ctx: BotContext, data: string): string | undefined {
  const message = ctx.callbackQuery?.message;
  const markup = message && 'reply_markup' in message ? message.reply_markup : undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if ('callback_data' in button && button.callback_data === data) return button.text;
  }
  return undefined;
}

/**
 * `/digest` (what is new for this chat, now, whatever its schedule; it arrives through the outbox
 * like any digest) and the buttons under a digest: "More (N)" and "Less like this". Settings has
 * its own feature.
 */
export function digestFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { digests, mutes } = deps.services;

  composer.command('digest', async (ctx) => {
    await assertCanManage(ctx);
    const outcome = digests.sendNow(chatIdOf(ctx));
    if (outcome === 'no_subscriptions') return replyHtml(ctx, ctx.t('subscriptions.none'));
    if (outcome === 'paused') return replyHtml(ctx, ctx.t('subscriptions.paused'));
    if (outcome === 'empty') return replyHtml(ctx, ctx.t('digest.empty'));
  });

  /** The digest instant a button names, when its tag proves it was made for this chat. */
  const digestOf = (ctx: BotContext, at36: string, tag: string): number => {
    const at = decodeInstant(at36);
    if (at === undefined || !digests.verify(chatIdOf(ctx), at36, tag)) throw new UserError('errors.button_expired');
    return at;
  };

  composer.action(DIGEST.more.trigger, async (ctx) => {
    const press = DIGEST.more.unpack(pressedData(ctx));
    if (!press || press.page < 2 || press.page > 99) throw new UserError('errors.button_expired');
    const at = digestOf(ctx, press.at, press.tag);
    await assertCanManage(ctx);
    const outcome = digests.nextPage(chatIdOf(ctx), at, press.page);
    const key = PAGE_ANSWERS[outcome];
    await ctx.answerCbQuery(toPlainText(ctx.t(key)).slice(0, 200));
  });

  composer.action(DIGEST.less.trigger, async (ctx) => {
    const data = pressedData(ctx) ?? '';
    const { kind = '', value = '', at: at36 = '', tag = '' } = DIGEST.less.unpack(data) ?? {};
    const isTopic = kind === 't' && deps.taxonomy.isTopic(value);
    if (!isTopic && !(kind === 's' && SOURCE_KEY.test(value))) throw new UserError('errors.button_expired');
    digestOf(ctx, at36, tag);
    await assertCanManage(ctx);
    const name = isTopic ? deps.taxonomy.topicName(value, ctx.locale) : sourceLabel(ctx, data, value);
    const added = mutes.mute(chatIdOf(ctx), { kind: isTopic ? 'topic' : 'source', value, label: isTopic ? null : name });
    await ctx.answerCbQuery(toPlainText(ctx.t(added ? 'digest.less_done' : 'digest.less_already', { name })).slice(0, 200));
  });

  /** The name on the button, less the "🔇 Less:" around it, as long as it still hashes to the key. */
  const sourceLabel = (ctx: BotContext, data: string, key: string): string => {
    const label = pressedLabel(ctx, data);
    const [before = '', after = ''] = toPlainText(ctx.t('digest.button_less', { name: '\u0000' })).split('\u0000');
    const bare = label?.replace(/[\u2066-\u2069]/g, '');
    const name = bare?.startsWith(before) && bare.endsWith(after) ? bare.slice(before.length, bare.length - after.length).trim() : '';
    return name && (sourceKey(name) === key || name.endsWith('…')) ? name : ctx.t('digest.source_unnamed');
  };

  return composer;
}
