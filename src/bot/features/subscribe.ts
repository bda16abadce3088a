import { Composer } from 'telegraf';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { callbackDataOf, parseCallbackData } from '../callback-data.ts';
import { countriesScreen, macroScreen, regionLabel, topicLabel, topicsScreen } from '../keyboards/subscribe-wizard.ts';
import { assertCanManage } from '../middlewares/group-admin.ts';
import { replyHtml, showScreen, toPlainText } from '../reply.ts';
import { MAX_TARGET_LENGTH, parseTarget, type Target } from '../../subscriptions/target.ts';
import { MACRO_REGION_IDS } from '../../taxonomy/index.ts';

const MACROS: readonly string[] = MACRO_REGION_IDS;
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

/** Resolves typed arguments or explains, in the user's language, what was not understood. */
export function resolveTargetOrThrow(ctx: BotContext, deps: BotDeps, args: string, keys = SUBSCRIBE_ERRORS): Target {
  if (args.length > MAX_TARGET_LENGTH) throw new UserError(keys.tooLong, { max: MAX_TARGET_LENGTH });
  const result = parseTarget(args, deps.taxonomy);
  if (result.ok) return result.target;
  const names = result.suggestions.map((id) =>
    result.part === 'region' ? deps.taxonomy.regionName(id, ctx.locale) : deps.taxonomy.topicName(id, ctx.locale),
  );
  const hint = names.length > 0 ? ctx.t('subscribe.suggestions', { list: names.join(', ') }) : ctx.t(keys.noSuggestions);
  throw new UserError(`${keys.unknownPrefix}${result.part}`, { input: result.input.slice(0, 60), hint });
}

export function targetLabel(ctx: BotContext, deps: BotDeps, target: Target): string {
  const region = regionLabel(deps.taxonomy, ctx.t, ctx.locale, target.region);
  const topic = topicLabel(deps.taxonomy, ctx.t, ctx.locale, target.topic);
  return ctx.t('subscriptions.pair', { region, topic });
}

export function subscribeFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { subscriptions } = deps.services;
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
    const target = resolveTargetOrThrow(ctx, deps, args);
    await assertCanManage(ctx);
    assertRoom(ctx, target);
    const added = subscriptions.add(chatIdOf(ctx), target.region, target.topic);
    const label = targetLabel(ctx, deps, target);
    await replyHtml(ctx, ctx.t(added ? 'subscribe.added' : 'subscribe.exists', { target: label }));
  });

  composer.action(/^sub:/, async (ctx) => {
    const data = callbackDataOf(ctx);
    const open = parseCallbackData(data, 'sub', 1);
    const macro = parseCallbackData(data, 'sub', 3);
    const topics = parseCallbackData(data, 'sub', 4);
    const toggle = parseCallbackData(data, 'sub', 5);
    const validPage = (p: string) => /^\d{1,2}$/.test(p);
    const validBack = (b: string) => b === 'm' || MACROS.includes(b);

    if (open?.[0] === 'm') {
      await showScreen(ctx, macroScreen(view(ctx)));
    } else if (open?.[0] === 'done') {
      const list = subscriptions.list(chatIdOf(ctx));
      await showScreen(ctx, { text: ctx.t('wizard.done', { count: list.length }) });
    } else if (macro?.[0] === 'c' && MACROS.includes(macro[1] ?? '') && validPage(macro[2] ?? '')) {
      await showScreen(ctx, countriesScreen(view(ctx), macro[1] as string, Number(macro[2])));
    } else if (
      topics?.[0] === 't' &&
      (topics[1] === 'all' || deps.taxonomy.isRegion(topics[1] ?? '')) &&
      validBack(topics[2] ?? '') &&
      validPage(topics[3] ?? '')
    ) {
      await showScreen(ctx, topicsScreen(view(ctx), topics[1] as string, topics[2] as string, Number(topics[3])));
    } else if (
      toggle?.[0] === 'x' &&
      (toggle[1] === 'all' || deps.taxonomy.isRegion(toggle[1] ?? '')) &&
      (toggle[2] === 'all' || deps.taxonomy.isTopic(toggle[2] ?? '')) &&
      validBack(toggle[3] ?? '') &&
      validPage(toggle[4] ?? '')
    ) {
      await assertCanManage(ctx);
      const [, region, topic, back, page] = toggle as [string, string, string, string, string];
      assertRoom(ctx, { region, topic });
      const on = subscriptions.toggle(chatIdOf(ctx), region, topic);
      const label = targetLabel(ctx, deps, { region, topic });
      await showScreen(ctx, topicsScreen(view(ctx), region, back, Number(page)));
      await ctx.answerCbQuery(toPlainText(ctx.t(on ? 'subscribe.added' : 'unsubscribe.removed', { target: label })));
      return;
    } else {
      throw new UserError('errors.button_expired');
    }
    await ctx.answerCbQuery();
  });

  return composer;
}
