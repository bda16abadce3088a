import type { BotContext } from '../context.ts';
import { UserError } from '../context.ts';

// Telegram sends this id for admins who post anonymously on behalf of the group.
const GROUP_ANONYMOUS_BOT = 1087968824;

/**
 * In a group only its administrators change what the group receives; members may still read
 * the list and search. Asked at the moment of the action, since admin rights change.
 */
export async function assertCanManage(ctx: BotContext): Promise<void> {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private') return;
  const from = ctx.from;
  if (!from) throw new UserError('errors.group_admin_only');
  if (from.id === GROUP_ANONYMOUS_BOT) return;
  const member = await ctx.telegram.getChatMember(chat.id, from.id);
  if (member.status !== 'creator' && member.status !== 'administrator') {
    throw new UserError('errors.group_admin_only');
  }
}
