import { Composer } from 'telegraf';
import { formatDateTime } from '../../../i18n.ts';
import { UserError, type BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { replyHtml } from '../../reply.ts';
import { registerAdminCommands, unregisterAdminCommands } from './commands.ts';
import { adminServicesOf, fitBlocks, requireAdmin, zoneOf } from './common.ts';

/** Telegram user ids are positive and below 2^52. */
const USER_ID = /^\d{1,15}$/;

function parseUserId(input: string | undefined): number {
  const id = Number(input);
  if (!input || !USER_ID.test(input) || !Number.isSafeInteger(id) || id <= 0) {
    throw new UserError('admin.admins.bad_id', { input: (input ?? '').slice(0, 40) });
  }
  return id;
}

/** `/admins`, `/admins add ID`, `/admins remove ID`: ADMIN_IDS are fixed, the others are stored and audited. */
export function adminsFeature(deps: BotDeps): Composer<BotContext> {
  const admin = adminServicesOf(deps);
  const composer = new Composer<BotContext>();

  const list = (ctx: BotContext) => {
    const lines = admin.roles.list().map((entry) =>
      entry.origin === 'env'
        ? ctx.t('admin.admins.env_line', { id: String(entry.userId) })
        : ctx.t('admin.admins.added_line', {
            id: String(entry.userId),
            by: String(entry.addedBy ?? ''),
            date: formatDateTime(entry.addedAt ?? 0, ctx.locale, zoneOf(ctx, deps)),
          }),
    );
    return `${fitBlocks(ctx, ctx.t('admin.admins.title', { count: lines.length }), lines)}\n\n${ctx.t('admin.admins.hint')}`;
  };

  composer.command('admins', async (ctx) => {
    const by = requireAdmin(ctx, admin);
    const [action, arg, ...extra] = ctx.payload.trim().split(/\s+/).filter(Boolean);
    if (!action) return replyHtml(ctx, list(ctx));
    if ((action !== 'add' && action !== 'remove') || extra.length > 0) throw new UserError('admin.admins.usage');
    const id = parseUserId(arg);
    if (action === 'add') {
      const outcome = admin.roles.add(id, by);
      if (outcome === 'added') await registerAdminCommands(ctx.telegram, deps.i18n, id, ctx.logger);
      return replyHtml(ctx, ctx.t(outcome === 'added' ? 'admin.admins.added' : 'admin.admins.already', { id: String(id) }));
    }
    const outcome = admin.roles.remove(id, by);
    if (outcome === 'removed') await unregisterAdminCommands(ctx.telegram, id, ctx.logger);
    const key = { removed: 'admin.admins.removed', env: 'admin.admins.env_locked', missing: 'admin.admins.not_admin' }[outcome];
    await replyHtml(ctx, ctx.t(key, { id: String(id) }));
  });

  return composer;
}
