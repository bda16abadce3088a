export { createFakeTelegram } from './server.ts';
export { DEFAULT_BOT_FIRST_NAME, DEFAULT_BOT_USERNAME, DEFAULT_TOKEN, chatMember, type MemberShape } from './members.ts';
export { FIRST_BOT_MESSAGE_ID } from './state.ts';
export { MAX_CALLBACK_DATA_BYTES, MAX_INLINE_BUTTONS } from './markup-rules.ts';
export { CAPTION_LIMIT, MESSAGE_LIMIT } from './text-rules.ts';
export type {
  ApiErrorBody, ApiResponse, BotInfo, BotMembership, ChatMemberRights, ChatMemberStatus, FakeChat, FakeTelegram,
  FakeTelegramOptions, ForumTopicInfo, InjectedError, RandomFailureOptions, RecordedCall, SentMessage,
} from './types.ts';
