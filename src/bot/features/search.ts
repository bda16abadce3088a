import { Composer } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Locale } from '../../config.ts';
import { safeUrl } from '../../digests/format.ts';
import { escapeHtml, formatDateTime, isolateForRtl } from '../../i18n.ts';
import { PERIOD_MS, parseSearch, type ParsedSearch, type Period } from '../../search/query.ts';
import { pressedData } from '../../buttons/kind.ts';
import { SEARCH } from '../../buttons/kinds.ts';
import { chatIdOf, UserError, type BotContext } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { cutText, showScreen, type Screen } from '../reply.ts';

export const RESULTS_PER_PAGE = 5;
/** Searches per chat per window: one user typing fast is fine, a script hammering the database is not. */
export const SEARCH_BURST = 5;
export const SEARCH_WINDOW_MS = 20_000;
const SESSIONS_KEPT = 500;
const MAX_QUERY_CHARS = 3000;

interface Session extends ParsedSearch {
  chatId: number;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${cutText(text, max - 1).trimEnd()}…`);

export function searchFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const now = deps.now ?? Date.now;
  // Paging and filter buttons refer to the query by a short id: callback data cannot hold the text.
  const sessions = new Map<string, Session>();
  let nextSession = 1;
  const recent = new Map<number, number[]>();

  const allow = (chatId: number) => {
    const t = now();
    const times = (recent.get(chatId) ?? []).filter((x) => t - x < SEARCH_WINDOW_MS);
    if (times.length >= SEARCH_BURST) {
      const wait = Math.ceil((SEARCH_WINDOW_MS - (t - (times[0] ?? t))) / 1000);
      throw new UserError('search.slow_down', { seconds: Math.max(wait, 1) });
    }
    times.push(t);
    recent.set(chatId, times);
  };

  const remember = (session: Session): string => {
    const id = (nextSession++).toString(36);
    sessions.set(id, session);
    if (sessions.size > SESSIONS_KEPT) sessions.delete(sessions.keys().next().value as string);
    return id;
  };

  const render = (ctx: BotContext, id: string, session: Session, page: number): Screen => {
    const regions = session.region ? deps.taxonomy.coveredBy(session.region) : undefined;
    // The digest's choice of version, here too: a story once, in the first language the chat reads.
    const reading = ctx.chatRecord ? deps.services.chats.readingLanguages(ctx.chatRecord) : [ctx.locale];
    const result = deps.services.search.search({
      text: session.text,
      lang: session.lang,
      regions,
      topic: session.topic,
      since: session.period ? now() - PERIOD_MS[session.period] : undefined,
      limit: RESULTS_PER_PAGE,
      offset: page * RESULTS_PER_PAGE,
      preferLangs: reading,
    });
    const filters = [
      session.region ? deps.taxonomy.regionName(session.region, ctx.locale) : '',
      session.topic ? deps.taxonomy.topicName(session.topic, ctx.locale) : '',
      session.lang ?? '',
      session.period ? ctx.t(`search.period_${session.period}`) : '',
    ].filter(Boolean);
    const query = clip(session.text, 100);
    if (result.total === 0) {
      return { text: ctx.t(filters.length > 0 ? 'search.none_filtered' : 'search.none', { query, filters: filters.join(', ') }) };
    }
    const pages = Math.ceil(result.total / RESULTS_PER_PAGE);
    const chatTimeZone = ctx.chatRecord?.timeZone ?? deps.config.defaultTimezone;
    const lines = result.hits.map((hit, i) => {
      const n = page * RESULTS_PER_PAGE + i + 1;
      const title = escapeHtml(clip(hit.title, 300));
      // Never silently in another language: a version the chat does not read carries its tag.
      const tagged = reading.includes(hit.lang as Locale) ? title : `[${hit.lang.toUpperCase()}] ${title}`;
      const shown = ctx.locale === 'ar' ? isolateForRtl(tagged) : tagged;
      const href = safeUrl(hit.url);
      const link = href ? `<a href="${escapeHtml(href)}">${shown}</a>` : `<b>${shown}</b>`;
      // In Arabic a Latin source name and a date with slashes each keep their own direction.
      const own = (v: string) => (ctx.locale === 'ar' ? isolateForRtl(v) : v);
      const meta = [hit.sourceName ? own(escapeHtml(clip(hit.sourceName, 60))) : '', own(formatDateTime(hit.publishedAt, ctx.locale, chatTimeZone))].filter(Boolean).join(' · ');
      return `${n}. ${link}\n<i>${meta}</i>\n${escapeHtml(clip(hit.snippet, 220))}`;
    });
    const header = ctx.t('search.header', { query, count: result.total, page: page + 1, pages });
    const nav: InlineKeyboardButton[] = [];
    if (page > 0) nav.push({ text: ctx.t('common.prev'), callback_data: SEARCH.page.pack({ query: id, page: page - 1 }) });
    if (page < pages - 1) nav.push({ text: ctx.t('common.next'), callback_data: SEARCH.page.pack({ query: id, page: page + 1 }) });
    const periods: Array<Period | 'all'> = ['day', 'week', 'month', 'all'];
    const periodRow = periods.map((p) => ({
      text: `${(session.period ?? 'all') === p ? '✅ ' : ''}${ctx.t(`search.period_${p}`)}`,
      callback_data: SEARCH.period.pack({ query: id, period: p }),
    }));
    return {
      text: `${header}${filters.length > 0 ? `\n${ctx.t('search.filters', { filters: filters.join(', ') })}` : ''}\n\n${lines.join('\n\n')}`,
      keyboard: { inline_keyboard: [...(nav.length > 0 ? [nav] : []), periodRow] },
    };
  };

  composer.command('search', async (ctx) => {
    const input = ctx.payload.trim();
    if (input.length === 0) return showScreen(ctx, { text: ctx.t('search.how') });
    const chatId = chatIdOf(ctx);
    allow(chatId);
    const session: Session = { ...parseSearch(input.slice(0, MAX_QUERY_CHARS), deps.taxonomy), chatId };
    if (session.text.length === 0) return showScreen(ctx, { text: ctx.t('search.how') });
    await showScreen(ctx, render(ctx, remember(session), session, 0));
  });

  composer.action(/^srchp?:/, async (ctx) => {
    const data = pressedData(ctx);
    const turn = SEARCH.page.unpack(data);
    const choice = SEARCH.period.unpack(data);
    const id = turn?.query ?? choice?.query ?? '';
    const session = sessions.get(id);
    // A button from another chat, or from before a restart, cannot run someone else's query.
    if (!session || session.chatId !== ctx.chat?.id) throw new UserError('errors.button_expired');
    allow(session.chatId);
    if (turn && turn.page >= 0 && turn.page < 10_000) {
      await showScreen(ctx, render(ctx, id, session, turn.page));
    } else if (choice) {
      const period = choice.period === 'all' ? undefined : choice.period;
      const updated: Session = { ...session, period };
      if (!period) delete updated.period;
      sessions.set(id, updated);
      await showScreen(ctx, render(ctx, id, updated, 0));
    } else {
      throw new UserError('errors.button_expired');
    }
    await ctx.answerCbQuery();
  });

  return composer;
}
