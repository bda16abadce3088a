import type { InlineKeyboardButton } from 'telegraf/types';
import type { SourceRecord } from '../../../admin/index.ts';
import { escapeHtml, formatDateTime } from '../../../i18n.ts';
import { SOURCES } from '../../../buttons/kinds.ts';
import type { BotContext } from '../../context.ts';
import type { Screen } from '../../reply.ts';
import { clip, fitBlocks } from './common.ts';

/** Two buttons a source: eight keep the screen readable and far below Telegram's 100 buttons. */
export const SOURCES_PER_PAGE = 8;

const STATUS_ICON: Record<SourceRecord['status'], string> = { active: '🟢', paused: '⏸', failing: '🔴' };

function sourceBlock(ctx: BotContext, source: SourceRecord, timeZone: string): string {
  // Switched off (410, or dead a week) is paused with a reason: shown as such, resumed the same way.
  const off = source.deactivatedAt !== null;
  const lines = [
    ctx.t('admin.sources.line', {
      id: String(source.id),
      icon: off ? '⛔' : STATUS_ICON[source.status],
      status: off ? ctx.t('source_health.status_deactivated') : ctx.t(`admin.sources.status_${source.status}`),
      name: clip(source.name ?? '', 60) || ctx.t('admin.sources.unnamed'),
      lang: source.lang ?? '—',
    }),
    // A URL is shown as text, never as a link: a source list is not a place to click through.
    `<code>${escapeHtml(clip(source.url, 120))}</code>`,
    ctx.t('admin.sources.fetch', {
      when: source.lastFetchedAt ? formatDateTime(source.lastFetchedAt, ctx.locale, timeZone) : ctx.t('admin.sources.never'),
      count: source.itemsCount,
    }),
  ];
  if (off && source.deactivatedAt !== null) {
    lines.push(ctx.t(`source_health.note_${source.deactivatedReason ?? 'dead'}`, { when: formatDateTime(source.deactivatedAt, ctx.locale, timeZone) }));
  }
  if (source.lastError) lines.push(ctx.t('admin.sources.error', { error: clip(source.lastError, 140) }));
  return lines.join('\n');
}

export function sourcesScreen(ctx: BotContext, sources: readonly SourceRecord[], requestedPage: number, timeZone: string): Screen {
  if (sources.length === 0) return { text: ctx.t('admin.sources.none') };
  const pages = Math.ceil(sources.length / SOURCES_PER_PAGE);
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = sources.slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE);
  const header = ctx.t('admin.sources.title', { count: sources.length, page: page + 1, pages });
  const rows: InlineKeyboardButton[][] = shown.map((s) => [
    s.status === 'paused'
      ? { text: ctx.t('admin.sources.resume_button', { id: String(s.id) }), callback_data: SOURCES.act.pack({ op: 'r', source: s.id, page }) }
      : { text: ctx.t('admin.sources.pause_button', { id: String(s.id) }), callback_data: SOURCES.act.pack({ op: 'p', source: s.id, page }) },
    { text: ctx.t('admin.sources.remove_button', { id: String(s.id) }), callback_data: SOURCES.act.pack({ op: 'd', source: s.id, page }) },
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push({ text: ctx.t('common.prev'), callback_data: SOURCES.list.pack({ page: page - 1 }) });
  if (page < pages - 1) nav.push({ text: ctx.t('common.next'), callback_data: SOURCES.list.pack({ page: page + 1 }) });
  if (nav.length > 0) rows.push(nav);
  const text = `${fitBlocks(ctx, header, shown.map((s) => sourceBlock(ctx, s, timeZone)), '\n\n')}\n\n${ctx.t('admin.sources.hint')}`;
  return { text, keyboard: { inline_keyboard: rows } };
}

export function confirmRemoveScreen(ctx: BotContext, source: SourceRecord, page: number): Screen {
  return {
    text: ctx.t('admin.sources.confirm_remove', { id: String(source.id), name: clip(source.name ?? source.url, 80) }),
    keyboard: {
      inline_keyboard: [
        [
          { text: ctx.t('admin.sources.confirm_button'), callback_data: SOURCES.act.pack({ op: 'x', source: source.id, page }) },
          { text: ctx.t('admin.sources.keep_button'), callback_data: SOURCES.list.pack({ page }) },
        ],
      ],
    },
  };
}
