import { Telegraf } from 'telegraf';
import { countUpdates } from '../http/metrics.ts';
import type { BotContext } from './context.ts';
import type { BotDeps } from './deps.ts';
import { adminFeatures } from './features/admin/index.ts';
import { channelsFeature } from './features/channels.ts';
import { chatMemberFeature } from './features/chat-member.ts';
import { editionsFeature } from './features/editions.ts';
import { digestFeature } from './features/digest.ts';
import { fallbackFeature } from './features/fallback.ts';
import { languageFeature } from './features/language.ts';
import { readingLanguagesFeature } from './features/reading-languages.ts';
import { searchFeature } from './features/search.ts';
import { settingsFeature } from './features/settings.ts';
import { startFeature } from './features/start.ts';
import { subscribeFeature } from './features/subscribe.ts';
import { tasteFeature } from './features/taste.ts';
import { subscriptionsFeature } from './features/subscriptions-list.ts';
import { unsubscribeFeature } from './features/unsubscribe.ts';
import { contextMiddleware } from './middlewares/context.ts';
import { errorBoundary } from './middlewares/errors.ts';
import { retryOn429 } from './middlewares/retry.ts';

export interface BotOptions {
  token: string;
  apiRoot: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the bot with every feature registered; starting it is main.ts's job. */
export function createBot(deps: BotDeps, options: BotOptions): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(options.token, { telegram: { apiRoot: options.apiRoot } });
  if (deps.metrics) bot.use(countUpdates(deps.metrics));
  bot.use(retryOn429(deps.sleep ?? realSleep));
  // Outside the context middleware: reading the chat is the first thing a broken database breaks.
  bot.use(errorBoundary());
  bot.use(contextMiddleware({
    chats: deps.services.chats, i18n: deps.i18n, logger: deps.logger,
    ...(deps.services.editions ? { editions: deps.services.editions } : {}), ...(deps.now ? { now: deps.now } : {}),
  }));
  bot.use(chatMemberFeature(deps));
  bot.use(channelsFeature(deps));
  bot.use(editionsFeature(deps));
  bot.use(startFeature(deps));
  bot.use(languageFeature(deps));
  bot.use(readingLanguagesFeature(deps));
  bot.use(subscribeFeature(deps));
  bot.use(unsubscribeFeature(deps));
  bot.use(subscriptionsFeature(deps));
  bot.use(settingsFeature(deps));
  bot.use(digestFeature(deps));
  bot.use(tasteFeature(deps));
  bot.use(searchFeature(deps));
  if (deps.services.admin) bot.use(adminFeatures(deps));
  // Last on purpose: only what no feature above took reaches the fallback.
  bot.use(fallbackFeature());
  bot.catch((error, ctx) => {
    deps.logger.error({ err: error, updateId: ctx.update.update_id }, 'unhandled bot error');
  });
  return bot;
}
