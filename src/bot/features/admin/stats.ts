import { Composer } from 'telegraf';
import type { DeskStats } from '../../../admin/index.ts';
import type { Locale } from '../../../config.ts';
import { formatDateTime, formatNumber } from '../../../i18n.ts';
import type { BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { regionLabel, topicLabel } from '../../keyboards/subscribe-wizard.ts';
import { replyHtml } from '../../reply.ts';
import { adminServicesOf, clip, fitBlocks, requireAdmin, zoneOf } from './common.ts';

const KINDS = ['breaking', 'digest', 'notice'] as const;

/** Any language an article may carry, named by Intl in the admin's language (Russian names come lower-case). */
function languageName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return code;
  }
}

/** The /stats screen: blocks in a fixed order, each short; fitBlocks keeps the whole under Telegram's limit. */
export function statsText(ctx: BotContext, deps: BotDeps, stats: DeskStats): string {
  const n = (value: number) => formatNumber(value, ctx.locale);
  const named = (id: string, kind: 'region' | 'topic') => (kind === 'region' ? regionLabel : topicLabel)(deps.taxonomy, ctx.t, ctx.locale, id);
  const top = (list: DeskStats['topRegions'], kind: 'region' | 'topic') =>
    list.length === 0 ? ctx.t('admin.stats.nothing') : list.map((c) => ctx.t('admin.stats.count_item', { name: named(c.id, kind), n: n(c.count) })).join(', ');

  const blocks: string[] = [];
  const totals = stats.chatTotals;
  blocks.push(
    [
      ctx.t('admin.stats.chats_title', { n: n(totals.active + totals.paused + totals.blocked) }),
      ...stats.chatsByLocale.map((row) =>
        ctx.t('admin.stats.chats_line', { language: languageName(row.locale, ctx.locale), active: n(row.active), paused: n(row.paused), blocked: n(row.blocked) }),
      ),
    ].join('\n'),
  );
  blocks.push(
    [
      ctx.t('admin.stats.subscriptions_title', { n: n(stats.subscriptions) }),
      ctx.t('admin.stats.top_regions', { list: top(stats.topRegions, 'region') }),
      ctx.t('admin.stats.top_topics', { list: top(stats.topTopics, 'topic') }),
    ].join('\n'),
  );
  const byLang = stats.articlesToday.map((c) => ctx.t('admin.stats.count_item', { name: languageName(c.id, ctx.locale), n: n(c.count) })).join(', ');
  blocks.push(ctx.t('admin.stats.articles_today', { n: n(stats.articlesTodayTotal), list: byLang || ctx.t('admin.stats.nothing') }));
  const run = stats.lastDigest;
  blocks.push(
    run
      ? ctx.t('admin.stats.last_digest', {
          when: formatDateTime(run.at, ctx.locale, zoneOf(ctx, deps)),
          count: run.chats, chats: n(run.chats), sent: n(run.sent), failed: n(run.failed), blocked: n(run.blocked), pending: n(run.pending),
        })
      : ctx.t('admin.stats.no_digest'),
  );
  blocks.push(
    [
      ctx.t('admin.stats.outbox_title', { rate: n(stats.sentLastMinute) }),
      ...KINDS.map((kind) => {
        const s = stats.outbox.byKind[kind];
        return ctx.t('admin.stats.outbox_line', {
          kind: ctx.t(`admin.stats.kind_${kind}`), pending: n(s.pending + s.sending), sent: n(s.sent), failed: n(s.failed),
        });
      }),
    ].join('\n'),
  );
  blocks.push(
    stats.failingSources.length === 0
      ? ctx.t('admin.stats.no_failing')
      : [
          ctx.t('admin.stats.failing_title', { n: n(stats.failingSources.length) }),
          ...stats.failingSources.map((s) =>
            ctx.t('admin.stats.failing_line', { id: String(s.id), name: clip(s.name ?? s.url, 60), failures: n(s.failures), error: clip(s.lastError ?? '', 100) }),
          ),
        ].join('\n'),
  );
  return fitBlocks(ctx, ctx.t('admin.stats.title'), blocks, '\n\n');
}

export function statsFeature(deps: BotDeps): Composer<BotContext> {
  const admin = adminServicesOf(deps);
  const composer = new Composer<BotContext>();
  composer.command('stats', async (ctx) => {
    requireAdmin(ctx, admin);
    await replyHtml(ctx, statsText(ctx, deps, admin.stats.collect({ timeZone: zoneOf(ctx, deps) })));
  });
  return composer;
}
