import type { AdminServices } from '../../../admin/index.ts';
import { visibleLength } from '../../../digests/html.ts';
import { UserError, type BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';

/** Under Telegram's 4096 with room for the odd multi-unit character the estimate misses. */
export const SCREEN_LIMIT = 4000;

export function adminServicesOf(deps: BotDeps): AdminServices {
  const admin = deps.services.admin;
  if (!admin) throw new Error('admin features need deps.services.admin');
  return admin;
}

/**
 * Every admin command and button asks this at the moment it runs: a removed admin loses the role at
 * once, and a button forwarded to (or replayed by) someone else does nothing. In groups the answer
 * is the same for everyone, so it says nothing about who the admins are.
 */
export function requireAdmin(ctx: BotContext, admin: AdminServices): number {
  if (ctx.chat?.type !== 'private') throw new UserError('admin.private_only');
  const userId = ctx.from?.id;
  if (userId === undefined || !admin.roles.isAdmin(userId)) throw new UserError('admin.only_admins');
  return userId;
}

export const clip = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

/** Joins blocks under a header while they fit; the rest become a localized "… and N more" line. */
export function fitBlocks(ctx: BotContext, header: string, blocks: readonly string[], separator = '\n'): string {
  let text = header;
  for (const [i, block] of blocks.entries()) {
    const next = `${text}${separator}${block}`;
    const rest = blocks.length - i;
    const tail = ctx.t('admin.common.more', { count: rest });
    if (visibleLength(next) + (rest > 1 ? visibleLength(tail) + 1 : 0) > SCREEN_LIMIT) return `${text}\n${tail}`;
    text = next;
  }
  return text;
}

/** The admin's own zone, for "today" and for dates on admin screens. */
export const zoneOf = (ctx: BotContext, deps: BotDeps): string => ctx.chatRecord?.timeZone ?? deps.config.defaultTimezone;
