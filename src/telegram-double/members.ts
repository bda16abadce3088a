/** Chat member objects with every field the Bot API marks as required for each status. */
import type { ChatMember, User, UserFromGetMe } from 'telegraf/types';
import type { ChatMemberRights, ChatMemberStatus } from './types.ts';

export interface MemberShape extends ChatMemberRights {
  /**
   * The telegram-bot-api server gives channel administrators can_post_messages / can_edit_messages and
   * drops the group-only rights; implied when either channel right is given.
   */
  channel?: boolean;
}

export const DEFAULT_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz';
export const DEFAULT_BOT_USERNAME = 'fake_test_bot';
export const DEFAULT_BOT_FIRST_NAME = 'Fake Test Bot';

export function makeBotInfo(token: string, username: string, firstName: string): UserFromGetMe {
  const id = Number(token.split(':')[0]);
  return {
    id: Number.isSafeInteger(id) && id > 0 ? id : 123456,
    is_bot: true,
    first_name: firstName,
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}

/** The bot as it appears in `from` fields (getMe-only flags removed). */
export function botUser(info: UserFromGetMe): User {
  return { id: info.id, is_bot: true, first_name: info.first_name, username: info.username };
}

export function chatMember(user: User, status: ChatMemberStatus, shape: MemberShape = {}): ChatMember {
  switch (status) {
    case 'creator':
      return { status, user, is_anonymous: false };
    case 'administrator': {
      const admin: ChatMember = {
        status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
        can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
        can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
      };
      if (shape.channel || shape.canPostMessages !== undefined || shape.canEditMessages !== undefined) {
        admin.can_post_messages = shape.canPostMessages ?? true;
        admin.can_edit_messages = shape.canEditMessages ?? true;
      } else {
        admin.can_pin_messages = true;
        if (shape.canManageTopics !== undefined) admin.can_manage_topics = shape.canManageTopics;
      }
      return admin;
    }
    case 'restricted':
      return {
        status, user, is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
        can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false,
        can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false,
        can_change_info: false, can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0,
      };
    case 'kicked':
      return { status, user, until_date: 0 };
    case 'member':
    case 'left':
      return { status, user };
  }
}
