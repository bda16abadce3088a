/**
 * Everything the fake remembers between requests, plus the chat rules that
 * several methods share (who may be posted to, what a chat looks like).
 */
import type { Chat } from 'telegraf/types';
import { badRequest, DESCRIPTIONS, forbidden, stateBadRequest } from './errors.ts';
import { intParam, type Params } from './body.ts';
import type { BotMembership, ChatMemberRights, ChatMemberStatus, FakeChat, RecordedCall, SentMessage } from './types.ts';

/**
 * Bot message ids start here in every chat so they never collide with the ids
 * updates.ts gives user messages (which count from 1).
 */
export const FIRST_BOT_MESSAGE_ID = 10_001;

export interface Webhook {
  url: string;
  hasCustomCertificate: boolean;
  maxConnections: number;
  allowedUpdates?: string[];
}

export interface World {
  calls: RecordedCall[];
  violations: string[];
  tooManyRequests: number;
  /** Keyed by `${chatId}:${messageId}`, in send order. */
  messages: Map<string, SentMessage>;
  deleted: Set<string>;
  nextMessageId: Map<number, number>;
  blocked: Set<number>;
  left: Set<number>;
  migrated: Map<number, number>;
  chats: Map<number, FakeChat>;
  members: Map<string, ChatMemberStatus>;
  /** Keyed like `members`; only for members set with rights. */
  memberRights: Map<string, ChatMemberRights>;
  botMembers: Map<number, BotMembership>;
  /** chat id → message_thread_id → topic. */
  topics: Map<number, Map<number, TopicState>>;
  /** Keyed by `${scopeKey}|${languageCode}`. */
  commands: Map<string, Array<{ command: string; description: string }>>;
  answeredQueries: Set<string>;
  webhook: Webhook | undefined;
}

export interface TopicState {
  threadId: number;
  name: string;
  iconColor: number;
  closed: boolean;
  deleted: boolean;
  /** A bot may close, reopen and delete its own topics without can_manage_topics. */
  createdByBot: boolean;
}

export function createWorld(): World {
  return {
    calls: [], violations: [], tooManyRequests: 0, messages: new Map(), deleted: new Set(), nextMessageId: new Map(),
    blocked: new Set(), left: new Set(), migrated: new Map(), chats: new Map(), members: new Map(),
    memberRights: new Map(), botMembers: new Map(), topics: new Map(),
    commands: new Map(), answeredQueries: new Set(), webhook: undefined,
  };
}

export const messageKey = (chatId: number, messageId: number): string => `${chatId}:${messageId}`;

/** Telegram's id ranges: > 0 users, -100… (≤ -10^12) supergroups/channels, other negatives basic groups. */
export function inferChatType(chatId: number): FakeChat['type'] {
  if (chatId > 0) return 'private';
  return chatId <= -1_000_000_000_000 ? 'supergroup' : 'group';
}

export function chatInfo(world: World, chatId: number): FakeChat {
  const known = world.chats.get(chatId);
  if (known) return known;
  const type = inferChatType(chatId);
  return type === 'private' ? { id: chatId, type, first_name: `User ${chatId}` } : { id: chatId, type, title: `Chat ${chatId}` };
}

export const isForum = (world: World, chatId: number): boolean => {
  const info = chatInfo(world, chatId);
  return info.type === 'supergroup' && info.is_forum === true;
};

/** The `chat` object inside a Message. */
export function chatObject(world: World, chatId: number): Chat {
  const info = chatInfo(world, chatId);
  const extra = info.username ? { username: info.username } : {};
  if (info.type === 'private') return { id: info.id, type: 'private', first_name: info.first_name ?? `User ${info.id}`, ...extra };
  // Telegram only ever sends is_forum: true, never false.
  const forum = isForum(world, chatId) ? { is_forum: true } : {};
  return { id: info.id, type: info.type, title: info.title ?? `Chat ${info.id}`, ...extra, ...forum } as Chat;
}

export interface ResolvedMembership extends ChatMemberRights {
  status: ChatMemberStatus;
  /** False when nothing was configured and the status is the fake's default for the chat kind. */
  explicit: boolean;
}

/**
 * What getChatMember would say about the bot. A bot can only join a channel as an
 * administrator, hence the default there; elsewhere it is an ordinary member.
 */
export function botMembership(world: World, chatId: number, botId: number): ResolvedMembership {
  const set = world.botMembers.get(chatId);
  if (set) return { ...set, explicit: true };
  if (chatId < 0 && world.blocked.has(chatId)) return { status: 'kicked', explicit: true };
  if (world.left.has(chatId)) return { status: 'left', explicit: true };
  const key = `${chatId}:${botId}`;
  const status = world.members.get(key);
  if (status) return { status, ...world.memberRights.get(key), explicit: true };
  return { status: chatInfo(world, chatId).type === 'channel' ? 'administrator' : 'member', explicit: false };
}

/** chat_id may be a number, a numeric string or '@username' of a chat registered with setChat. */
export function requireChatId(world: World, params: Params): number {
  const raw = params.chat_id;
  if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty');
  if (typeof raw === 'string' && raw.startsWith('@')) {
    const name = raw.slice(1).toLowerCase();
    for (const chat of world.chats.values()) {
      if (chat.username?.toLowerCase() === name) return chat.id;
    }
    throw badRequest('chat not found');
  }
  const id = intParam(params, 'chat_id');
  if (id === undefined || Number.isNaN(id) || id === 0) throw badRequest('chat not found');
  return id;
}

/** World-state refusals for anything that writes into a chat. */
export function assertCanPost(world: World, chatId: number): void {
  const target = world.migrated.get(chatId);
  if (target !== undefined) throw stateBadRequest(DESCRIPTIONS.migrated, { migrate_to_chat_id: target });
  const type = chatInfo(world, chatId).type;
  const kind = type === 'supergroup' ? 'supergroup chat' : type === 'channel' ? 'channel chat' : 'group chat';
  if (world.blocked.has(chatId)) {
    throw forbidden(type === 'private' ? DESCRIPTIONS.blocked : `bot was kicked from the ${kind}`);
  }
  if (world.left.has(chatId)) throw forbidden(`bot is not a member of the ${kind}`);
  const membership = world.botMembers.get(chatId);
  if (membership?.status === 'kicked') throw forbidden(`bot was kicked from the ${kind}`);
  if (membership?.status === 'left') throw forbidden(`bot is not a member of the ${kind}`);
  if (type === 'channel' && membership && (membership.status !== 'administrator' || membership.canPostMessages === false)) {
    throw stateBadRequest('need administrator rights in the channel chat');
  }
}

export function nextMessageId(world: World, chatId: number): number {
  const id = world.nextMessageId.get(chatId) ?? FIRST_BOT_MESSAGE_ID;
  world.nextMessageId.set(chatId, id + 1);
  return id;
}
