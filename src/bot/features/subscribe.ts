import { Composer } from 'telegraf';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { pressedData } from '../../buttons/kind.ts';
import { SUBSCRIBE } from '../../buttons/kinds.ts';
import { countriesScreen, macroScreen, regionLabel, topicLabel, topicsScreen, WIZARD_GROUPS } from '../keyboards/subscribe-wizard.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { cutText, replyHtml, showScreen, toPlainText } from '../reply.ts';
import { isolateForRtl } from '../../i18n.ts';
import { formatKeyword, keywordTerms, parseKeywords, type KeywordProblem, type Keywords } from '../../subscriptions/keywords.ts';
import type { Subscription } from '../../subscriptions/subscriptions.ts';
import { MAX_TARGET_LENGTH, parseTarget, type Suggestion, type Target, type TargetResult } from '../../subscriptions/target.ts';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { tasteOffer } from './taste.ts';

const MACROS: readonly string[] = WIZARD_GROUPS;
/** Keeps /subscriptions within one message and the unsubscribe keyboard within Telegram's button limit. */
export const MAX_SUBSCRIPTIONS = 50;

/** The messages a failed parse is explained with; /breaking words them for its own command. */
export interface TargetErrorKeys {
  tooLong: string;
  /** Followed by `region` or `topic`, the part not understood. */
  unknownPrefix: string;
  noSuggestions: string;
}

const SUBSCRIBE_ERRORS: TargetErrorKeys = {
  tooLong: 'subscribe.too_long',
  unknownPrefix: 'subscribe.unknown_',
  noSuggestions: 'subscribe.no_suggestions',
};

/** "Egypt · Economy" when both parts were typed; only the part typed otherwise ("Did you mean: Egypt?"). */
function suggestionLabel(ctx: BotContext, deps: BotDeps, s: Suggestion): string {
  if (s.named === 'region') return regionLabel(deps.taxonomy, ctx.t, ctx.locale, s.region);
  if (s.named === 'topic') return topicLabel(deps.taxonomy, ctx.t, ctx.locale, s.topic);
  return targetLabel(ctx, deps, s);
}

function targetError(ctx: BotContext, deps: BotDeps, result: Extract<TargetResult, { ok: false }>, keys: TargetErrorKeys): UserError {
  const names = result.suggestions.map((s) => suggestionLabel(ctx, deps, s));
  const hint = names.length > 0 ? ctx.t('subscribe.suggestions', { list: names.join(', ') }) : ctx.t(keys.noSuggestions);
  return new UserError(`${keys.unknownPrefix}${result.part}`, { input: cutText(result.input, 60), hint });
}

function parseOrThrowTooLong(args: string, deps: BotDeps, keys: TargetErrorKeys): TargetResult {
  if (args.length > MAX_TARGET_LENGTH) throw new UserError(keys.tooLong, { max: MAX_TARGET_LENGTH });
  return parseTarget(args, deps.taxonomy);
}

/** Resolves typed arguments or explains, in the user's language, what was not understood. */
export function resolveTargetOrThrow(ctx: BotContext, deps: BotDeps, args: string, keys = SUBSCRIBE_ERRORS): Target {
  const result = parseOrThrowTooLong(args, deps, keys);
  if (result.ok) return result.target;
  throw targetError(ctx, deps, result, keys);
}

/**
 * One button per guess, each subscribing to it with one tap. With +/− words the button says them,
 * and they wait in the chat's state (they do not fit in 64 bytes of button data).
 */
function suggestionKeyboard(ctx: BotContext, deps: BotDeps, suggestions: readonly Suggestion[], keywords?: Keywords): InlineKeyboardMarkup {
  const words = keywords && hasKeywords(keywords)
    ? ` ${[...keywords.include.map((w) => formatKeyword('include', w)), ...keywords.exclude.map((w) => formatKeyword('exclude', w))].join(' ')}`
    : '';
  return {
    inline_keyboard: suggestions.map((s) => [
      {
        text: toPlainText(ctx.t('subscribe.suggestion_button', { target: targetLabel(ctx, deps, s) })) + words,
        callback_data: (words ? SUBSCRIBE.pickWithWords : SUBSCRIBE.pick).pack({ region: s.region, topic: s.topic }),
      },
    ]),
  };
}

export function targetLabel(ctx: BotContext, deps: BotDeps, target: Target): string {
  const region = regionLabel(deps.taxonomy, ctx.t, ctx.locale, target.region);
  const topic = topicLabel(deps.taxonomy, ctx.t, ctx.locale, target.topic);
  return ctx.t('subscriptions.pair', { region, topic });
}

/** A keyword problem as the user-facing error that explains it. */
export function keywordError(problem: KeywordProblem): UserError {
  const { problem: kind, ...params } = problem;
  return new UserError(`keywords.${kind}`, params);
}

/** "+water −football", unescaped: the caller escapes it (ctx.t does). In Arabic each term keeps its own direction. */
export function keywordsLabel(ctx: BotContext, keywords: Keywords): string {
  const terms = keywordTerms(keywords);
  return (ctx.locale === 'ar' ? terms.map(isolateForRtl) : terms).join(' ');
}

/** Every region and topic with only words to leave out is the whole firehose: almost surely not what was meant. */
export function assertNotOnlyExclusions(target: Target, keywords: Keywords): void {
  if (target.region === 'all' && target.topic === 'all' && keywords.include.length === 0 && keywords.exclude.length > 0) {
    throw new UserError('keywords.only_exclude');
  }
}

const hasKeywords = (s: Keywords) => s.include.length > 0 || s.exclude.length > 0;

/** "Tajikistan · Security" for a message, with its keywords when it has some. */
function subscribedReply(ctx: BotContext, deps: BotDeps, sub: Subscription, key: 'added' | 'exists'): string {
  const target = targetLabel(ctx, deps, sub);
  if (!hasKeywords(sub)) return ctx.t(`subscribe.${key}`, { target });
  return ctx.t(key === 'added' ? 'keywords.subscribed' : 'keywords.exists', { target, keywords: keywordsLabel(ctx, sub) });
}

/** Whether every story `narrow` brings, `broad` brings too (keywords aside). */
function covers(deps: BotDeps, broad: Target, narrow: Target): boolean {
  const region = broad.region === 'all' || (narrow.region !== 'all' && deps.taxonomy.coveredBy(broad.region).has(narrow.region));
  return region && (broad.topic === 'all' || broad.topic === narrow.topic);
}

export function subscribeFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.services;
  const now = deps.now ?? Date.now;
  const assertRoom = (ctx: BotContext, target: Target) => {
    const list = subscriptions.list(chatIdOf(ctx));
    const replacing = list.some((s) => s.region === target.region && s.topic === target.topic);
    if (!replacing && list.length >= MAX_SUBSCRIPTIONS) throw new UserError('subscribe.limit', { max: MAX_SUBSCRIPTIONS });
  };
  const view = (ctx: BotContext) => ({
    taxonomy: deps.taxonomy,
    t: ctx.t,
    locale: ctx.locale,
    subscriptions: subscriptions.list(chatIdOf(ctx)),
  });

  composer.command('subscribe', async (ctx) => {
    const args = ctx.payload.trim();
    if (args.length === 0) return showScreen(ctx, macroScreen(view(ctx)));
    // Keywords first: "+water" is no region, and a bad keyword is better named than a failed region.
    const parsed = parseKeywords(args, 'target');
    if (!parsed.ok) throw keywordError(parsed);
    const { keywords, rest } = parsed;
    const result: TargetResult = rest.length > 0 ? parseOrThrowTooLong(rest, deps, SUBSCRIBE_ERRORS) : { ok: true, target: { region: 'all', topic: 'all' } };
    if (!result.ok) {
      if (result.suggestions.length === 0) throw targetError(ctx, deps, result, SUBSCRIBE_ERRORS);
      if (hasKeywords(keywords)) subscriptions.rememberKeywords(chatIdOf(ctx), keywords, now());
      const error = targetError(ctx, deps, result, SUBSCRIBE_ERRORS);
      return replyHtml(ctx, ctx.t(error.key, error.params), suggestionKeyboard(ctx, deps, result.suggestions, keywords));
    }
    const { target } = result;
    assertNotOnlyExclusions(target, keywords);
    await assertCanManage(ctx);
    assertRoom(ctx, target);
    const chatId = chatIdOf(ctx);
    const existing = subscriptions.list(chatId).find((s) => s.region === target.region && s.topic === target.topic);
    // Without keywords a repeated /subscribe keeps the filters set earlier; with keywords it sets them.
    if (existing && !hasKeywords(keywords)) return replyHtml(ctx, subscribedReply(ctx, deps, existing, 'exists'));
    const current = subscriptions.list(chatId);
    // A subscription an unfiltered broader one already brings adds nothing: say which one brings it.
    const wider = current.find((s) => !hasKeywords(s) && (s.region !== target.region || s.topic !== target.topic) && covers(deps, s, target));
    if (wider) return replyHtml(ctx, ctx.t('subscribe.covered', { target: targetLabel(ctx, deps, target), by: targetLabel(ctx, deps, wider) }));
    const added = subscriptions.add(chatId, target.region, target.topic, keywords);
    // And a broad one without keywords folds the narrower ones it now brings.
    const folded = hasKeywords(keywords) ? [] : current.filter((s) => (s.region !== target.region || s.topic !== target.topic) && covers(deps, target, s));
    for (const s of folded) subscriptions.remove(chatId, s.region, s.topic);
    const sub = { ...target, ...keywords };
    const offer = tasteOffer(ctx, deps, sub);
    const note = folded.length > 0 ? `\n${ctx.t('subscribe.folded', { targets: folded.map((s) => toPlainText(targetLabel(ctx, deps, s))).join(', ') })}` : '';
    await replyHtml(ctx, `${subscribedReply(ctx, deps, sub, added ? 'added' : 'exists')}${note}\n\n${offer.text}`, offer.keyboard);
  });

  composer.action(/^sub:/, async (ctx) => {
    const data = pressedData(ctx);
    const words = SUBSCRIBE.pickWithWords.unpack(data);
    const pick = words ?? SUBSCRIBE.pick.unpack(data);
    const countries = SUBSCRIBE.countries.unpack(data);
    const topics = SUBSCRIBE.topics.unpack(data);
    const toggle = SUBSCRIBE.toggle.unpack(data);
    const isRegion = (id: string) => id === 'all' || deps.taxonomy.isRegion(id);
    const isTopic = (id: string) => id === 'all' || deps.taxonomy.isTopic(id);
    const validPage = (p: number) => p < 100;
    const validBack = (b: string) => b === 'm' || MACROS.includes(b);

    if (SUBSCRIBE.macros.unpack(data)) {
      await showScreen(ctx, macroScreen(view(ctx)));
    } else if (SUBSCRIBE.done.unpack(data)) {
      const list = subscriptions.list(chatIdOf(ctx));
      const offer = list.length > 0 ? tasteOffer(ctx, deps) : undefined;
      const done = ctx.t('wizard.done', { count: list.length });
      await showScreen(ctx, offer ? { text: `${done}\n\n${offer.text}`, ...(offer.keyboard ? { keyboard: offer.keyboard } : {}) } : { text: done });
    } else if (pick && isRegion(pick.region) && isTopic(pick.topic)) {
      await assertCanManage(ctx);
      const target = { region: pick.region, topic: pick.topic };
      assertRoom(ctx, target);
      const chatId = chatIdOf(ctx);
      const existing = subscriptions.list(chatId).find((s) => s.region === target.region && s.topic === target.topic);
      // The words typed with a misspelt place come with its guess; gone stale, the button says so.
      const keywords = words ? subscriptions.keywordsFor(chatId, now()) : undefined;
      if (words && !keywords) throw new UserError('errors.button_expired');
      if (keywords) assertNotOnlyExclusions(target, keywords);
      // Tapped twice, or already followed with keywords: those filters stay, as with a repeated /subscribe.
      const added = keywords ? subscriptions.add(chatId, target.region, target.topic, keywords) : !existing && subscriptions.add(chatId, target.region, target.topic);
      const sub = keywords ? { ...target, ...keywords } : (existing ?? { ...target, include: [], exclude: [] });
      const offer = tasteOffer(ctx, deps, sub);
      const reply = subscribedReply(ctx, deps, sub, added ? 'added' : 'exists');
      await showScreen(ctx, { text: `${reply}\n\n${offer.text}`, ...(offer.keyboard ? { keyboard: offer.keyboard } : {}) });
    } else if (countries && MACROS.includes(countries.macro) && validPage(countries.page)) {
      await showScreen(ctx, countriesScreen(view(ctx), countries.macro, countries.page));
    } else if (topics && isRegion(topics.region) && validBack(topics.back) && validPage(topics.page)) {
      await showScreen(ctx, topicsScreen(view(ctx), topics.region, topics.back, topics.page));
    } else if (toggle && isRegion(toggle.region) && isTopic(toggle.topic) && validBack(toggle.back) && validPage(toggle.page)) {
      await assertCanManage(ctx);
      const { region, topic, back, page } = toggle;
      assertRoom(ctx, { region, topic });
      const on = subscriptions.toggle(chatIdOf(ctx), region, topic);
      const label = targetLabel(ctx, deps, { region, topic });
      await showScreen(ctx, topicsScreen(view(ctx), region, back, page));
      await ctx.answerCbQuery(toPlainText(ctx.t(on ? 'subscribe.added' : 'unsubscribe.removed', { target: label })));
      return;
    } else {
      throw new UserError('errors.button_expired');
    }
    await ctx.answerCbQuery();
  });

  return composer;
}
