import { Composer } from 'telegraf';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../admin/index.ts';
import { formatDateTime } from '../../../i18n.ts';
import type { BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { replyHtml } from '../../reply.ts';
import { targetLabel } from '../subscribe.ts';
import { adminServicesOf, clip, fitBlocks, requireAdmin, zoneOf } from './common.ts';

export const AUDIT_SHOWN = 20;
const KNOWN: readonly string[] = AUDIT_ACTIONS;

/** `/audit`: the latest admin actions, newest first: who, what, when, on what and how many chats. */
export function auditFeature(deps: BotDeps): Composer<BotContext> {
  const admin = adminServicesOf(deps);
  const composer = new Composer<BotContext>();

  const target = (ctx: BotContext, entry: AuditEntry): string => {
    const raw = entry.target ?? '';
    // Breaking items store "REGION/TOPIC" ids: shown with the names the admin reads.
    const pair = entry.action.startsWith('breaking_') ? /^([^/]+)\/([^/]+)$/.exec(raw) : null;
    if (pair?.[1] && pair[2]) return targetLabel(ctx, deps, { region: pair[1], topic: pair[2] });
    return ctx.t('admin.audit.plain', { text: clip(raw, 80) });
  };

  const line = (ctx: BotContext, entry: AuditEntry): string => {
    const action = KNOWN.includes(entry.action) ? ctx.t(`admin.audit.action_${entry.action}`) : entry.action;
    const parts = [
      ctx.t('admin.audit.line', {
        when: formatDateTime(entry.at, ctx.locale, zoneOf(ctx, deps)),
        admin: String(entry.adminId),
        action,
      }),
      target(ctx, entry),
    ];
    if (entry.targetCount !== null) parts.push(ctx.t('admin.audit.count', { count: entry.targetCount }));
    if (entry.details && entry.action.startsWith('breaking_')) parts.push(ctx.t('admin.audit.details', { text: clip(entry.details, 60) }));
    return parts.join(' · ');
  };

  composer.command('audit', async (ctx) => {
    requireAdmin(ctx, admin);
    const entries = admin.audit.recent(AUDIT_SHOWN);
    if (entries.length === 0) return replyHtml(ctx, ctx.t('admin.audit.empty'));
    await replyHtml(ctx, fitBlocks(ctx, ctx.t('admin.audit.title', { count: entries.length }), entries.map((e) => line(ctx, e))));
  });

  return composer;
}
