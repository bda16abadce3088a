import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { fnv1a } from '../../enrich/fingerprint.ts';
import { escapeHtml } from '../../i18n.ts';
import { formatKeyword, mergeKeywords, parseKeywords, type Keywords } from '../../subscriptions/keywords.ts';
import type { SubscriptionRecord } from '../../subscriptions/subscriptions.ts';
import { pressedData } from '../../buttons/kind.ts';
import { KEYWORDS } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { button, rows } from '../keyboards/buttons.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { MESSAGE_LIMIT, replyHtml, showScreen, toPlainText, type Screen } from '../reply.ts';
import { assertNotOnlyExclusions, keywordError, keywordsLabel, targetLabel } from './subscribe.ts';

/** Room left in a message for the title, the hint and the paused line around the list. */
const LIST_BUDGET = MESSAGE_LIMIT - 600;
const SIDES = { i: 'include', e: 'exclude' } as const;

/** A short fingerprint of a keyword for its remove button: stays right when the list changes under it. */
function keywordTag(side: 'include' | 'exclude', word: string): string {
  return fnv1a(`${side}:${word}`).toString(36);
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);

export function subscriptionsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.services;
  const now = deps.now ?? Date.now;

  const listScreen = (ctx: BotContext): Screen => {
    const list = subscriptions.list(chatIdOf(ctx));
    if (list.length === 0) return { text: ctx.t('subscriptions.none') };
    const labels = list.map((s) => targetLabel(ctx, deps, s));
    const filters = list.map((s) => keywordsLabel(ctx, s));
    // Fifty subscriptions with twenty keywords each would outgrow one message: share the room out.
    const fixed = labels.reduce((n, l) => n + l.length + 8, 0);
    const total = fixed + filters.reduce((n, f) => n + f.length, 0);
    const each = total > LIST_BUDGET ? Math.max(12, Math.floor((LIST_BUDGET - fixed) / list.length)) : Infinity;
    const lines = list.map((_, i) => {
      const words = filters[i] as string;
      return `• ${labels[i] as string}${words ? ` — ${escapeHtml(clip(words, each))}` : ''}`;
    });
    const paused = ctx.chatRecord?.status === 'paused' ? `\n\n${ctx.t('subscriptions.paused')}` : '';
    const text = `${ctx.t('subscriptions.title', { count: list.length })}\n${lines.join('\n')}\n\n${ctx.t('keywords.list_hint')}${paused}`;
    const buttons = list.map((s, i) => [button(`✏️ ${toPlainText(labels[i] as string)}`, KEYWORDS.open, { sub: s.id })]);
    return { text, keyboard: { inline_keyboard: buttons } };
  };

  const editorScreen = (ctx: BotContext, sub: SubscriptionRecord): Screen => {
    const target = targetLabel(ctx, deps, sub);
    const side = (key: 'include' | 'exclude') => keywordsLabel(ctx, { include: [], exclude: [], [key]: sub[key] });
    const lines = [ctx.t('keywords.title', { target })];
    if (sub.include.length > 0) lines.push(ctx.t('keywords.include', { keywords: side('include') }));
    if (sub.exclude.length > 0) lines.push(ctx.t('keywords.exclude', { keywords: side('exclude') }));
    const any = sub.include.length + sub.exclude.length > 0;
    lines.push('', ctx.t(any ? 'keywords.help' : 'keywords.none'));
    const removers = (['i', 'e'] as const).flatMap((s) =>
      sub[SIDES[s]].map((w) => button(`✖ ${formatKeyword(SIDES[s], w)}`, KEYWORDS.remove, { sub: sub.id, side: s, word: keywordTag(SIDES[s], w) })),
    );
    const actions = [button(ctx.t('keywords.add_button'), KEYWORDS.add, { sub: sub.id })];
    if (any) actions.push(button(ctx.t('keywords.clear_button'), KEYWORDS.clear, { sub: sub.id }));
    const keyboard: InlineKeyboardButton[][] = [...rows(removers, 2), actions, [button(ctx.t('keywords.back_button'), KEYWORDS.list, {})]];
    return { text: lines.join('\n'), keyboard: { inline_keyboard: keyboard } };
  };

  /** The chat's own subscription named by a button; another chat's id reads as a stale button. */
  const subscriptionOf = (ctx: BotContext, id: number | undefined): SubscriptionRecord => {
    const sub = id === undefined ? undefined : subscriptions.get(chatIdOf(ctx), id);
    if (!sub) throw new UserError('errors.button_expired');
    return sub;
  };

  const save = (ctx: BotContext, sub: SubscriptionRecord, keywords: Keywords): SubscriptionRecord => {
    assertNotOnlyExclusions(sub, keywords);
    if (!subscriptions.setKeywords(chatIdOf(ctx), sub.id, keywords)) throw new UserError('errors.button_expired');
    return { ...sub, ...keywords };
  };

  composer.command('subscriptions', (ctx) => showScreen(ctx, listScreen(ctx)));

  composer.action(/^kw:/, async (ctx) => {
    const data = pressedData(ctx);
    if (KEYWORDS.list.unpack(data)) {
      await showScreen(ctx, listScreen(ctx));
      return ctx.answerCbQuery();
    }
    const open = KEYWORDS.open.unpack(data);
    const add = KEYWORDS.add.unpack(data);
    const clear = KEYWORDS.clear.unpack(data);
    const remove = KEYWORDS.remove.unpack(data);
    const action = open ? 'o' : add ? 'a' : clear ? 'c' : remove ? 'r' : undefined;
    if (!action) throw new UserError('errors.button_expired');
    const sub = subscriptionOf(ctx, (open ?? add ?? clear ?? remove)?.sub);
    await assertCanManage(ctx);

    if (action === 'o') {
      await showScreen(ctx, editorScreen(ctx, sub));
      return ctx.answerCbQuery();
    }
    if (action === 'a') {
      // Not selective: in a group any admin may answer; the reply is checked like any change.
      const prompt = await ctx.reply(ctx.t('keywords.prompt', { target: targetLabel(ctx, deps, sub) }), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: { force_reply: true, input_field_placeholder: toPlainText(ctx.t('keywords.placeholder')) },
      });
      subscriptions.rememberPrompt(chatIdOf(ctx), prompt.message_id, sub.id, now());
      return ctx.answerCbQuery();
    }
    if (action === 'c') {
      await showScreen(ctx, editorScreen(ctx, save(ctx, sub, { include: [], exclude: [] })));
      return ctx.answerCbQuery(toPlainText(ctx.t('keywords.cleared')));
    }
    const side = remove ? SIDES[remove.side] : undefined;
    const word = side ? sub[side].find((w) => keywordTag(side, w) === remove?.word) : undefined;
    if (!side || word === undefined) throw new UserError('errors.button_expired');
    const keywords = { include: sub.include, exclude: sub.exclude, [side]: sub[side].filter((w) => w !== word) };
    await showScreen(ctx, editorScreen(ctx, save(ctx, sub, keywords)));
    return ctx.answerCbQuery(toPlainText(ctx.t('keywords.removed', { keyword: formatKeyword(side, word) })));
  });

  // A reply to the keyword prompt; any other message goes on to the features after this one.
  composer.on('message', async (ctx, next) => {
    const message = ctx.message;
    const replyTo = 'reply_to_message' in message ? message.reply_to_message : undefined;
    if (!replyTo || !('text' in message) || message.text.startsWith('/')) return next();
    const chatId = chatIdOf(ctx);
    const id = subscriptions.promptFor(chatId, replyTo.message_id, now());
    if (id === undefined) return next();
    const sub = subscriptions.get(chatId, id);
    if (!sub) {
      subscriptions.forgetPrompt(chatId, replyTo.message_id);
      throw new UserError('keywords.prompt_expired');
    }
    await assertCanManage(ctx);
    // A bad reply keeps the prompt open: replying again with the words fixed just works.
    const parsed = parseKeywords(message.text, 'include');
    if (!parsed.ok) throw keywordError(parsed);
    const merged = mergeKeywords(sub, parsed.keywords);
    if (!merged.ok) throw keywordError(merged);
    const saved = save(ctx, sub, merged.keywords);
    subscriptions.forgetPrompt(chatId, replyTo.message_id);
    const screen = editorScreen(ctx, saved);
    const note = merged.added > 0 ? ctx.t('keywords.added', { count: merged.added }) : ctx.t('keywords.nothing_new');
    await replyHtml(ctx, `${note}\n\n${screen.text}`, screen.keyboard);
  });

  return composer;
}
