import type { InlineKeyboardMarkup, MessageEntity, UserFromGetMe } from 'telegraf/types';
import type { ApiErrorBody } from './errors.ts';

export type { ApiErrorBody } from './errors.ts';

export interface FakeTelegramOptions {
  /** Default '123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz'; the bot id is the part before ':'. */
  token?: string;
  /** sendMessage calls accepted per sliding second across all chats. Default 30. */
  globalRatePerSecond?: number;
  /** Sustained sends per second to one private chat (token bucket). Default 1. */
  perChatPerSecond?: number;
  /** Bucket size for private chats, i.e. how many sends may go out at once. Default 3. */
  perChatBurst?: number;
  /** Sends per sliding minute to one group/supergroup/channel (chat id < 0). Default 20. */
  perGroupPerMinute?: number;
  /** Default true; false turns the three limits above off. */
  enforceRates?: boolean;
  /** Milliseconds; drives rate limits, `at` and message dates. Default Date.now. */
  clock?: () => number;
  /**
   * Cap for getUpdates long polling. Telegraf asks for 50 s; a short cap keeps
   * a forgotten bot from holding a test open. Default 2000 ms.
   */
  maxPollTimeoutMs?: number;
  /**
   * Default true. Telegram itself shows a bare `&`, unknown entities such as
   * `&nbsp;` and `&amp` without ';' literally, and accepts unquoted attribute
   * values. Those are almost always escaping bugs in our code, so the double
   * rejects them; false gives Telegram's exact leniency.
   */
  strictHtml?: boolean;
  botUsername?: string;
  botFirstName?: string;
  /** Keep only the latest N calls in `calls` (a long-running sandbox); default all of them. */
  maxRecordedCalls?: number;
}

export type ApiResponse =
  | { ok: true; result: unknown; description?: string }
  | ({ ok: false } & ApiErrorBody);

export interface RecordedCall {
  /** Canonical name ('sendMessage' even if sent as 'sendmessage'); the raw path segment when unknown. */
  method: string;
  /** The parameters as received (strings for form-encoded/multipart bodies). */
  payload: Record<string, unknown>;
  /** clock() when the request arrived. */
  at: number;
  /** HTTP status of the answer. */
  status: number;
  response: ApiResponse;
}

export interface SentMessage {
  chat_id: number;
  message_id: number;
  /** Exactly what the bot sent (HTML / MarkdownV2 source), after the latest edit. */
  text: string;
  /** What the user sees: markup removed, entities decoded, surrounding whitespace trimmed. */
  plain_text: string;
  parse_mode: string | undefined;
  reply_markup: InlineKeyboardMarkup | undefined;
  /** Formatting entities Telegram derived from parse_mode (or the explicit `entities`). */
  entities: MessageEntity[];
  disable_preview: boolean;
  /** Unix seconds. */
  date: number;
  edit_date?: number;
  /** The forum topic (or reply thread) the message went to; absent for a forum's General topic and plain chats. */
  message_thread_id?: number;
}

export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  /** Supergroups only: topics are enabled, so sends may carry message_thread_id. */
  is_forum?: boolean;
}

/** Administrator rights that only some chat kinds have; unset ones default to true for administrators. */
export interface ChatMemberRights {
  /** Channels only. */
  canPostMessages?: boolean;
  /** Channels only. */
  canEditMessages?: boolean;
  /** Forum supergroups only. */
  canManageTopics?: boolean;
}

/** The bot's own standing in a group or channel, as setBotMember records it. */
export interface BotMembership extends ChatMemberRights {
  status: 'administrator' | 'member' | 'left' | 'kicked';
}

export interface ForumTopicInfo {
  message_thread_id: number;
  name: string;
  icon_color: number;
  closed: boolean;
}

export interface InjectedError {
  error_code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

export interface RandomFailureOptions {
  /** Methods that may fail; default every method except getUpdates (Telegraf backs off 5 s on a failed poll). */
  methods?: string[];
  /** Default { error_code: 502, description: 'Bad Gateway' }. */
  error?: InjectedError;
  /** Inject a seeded generator for reproducible soak tests. Default Math.random. */
  random?: () => number;
}

export type BotInfo = UserFromGetMe;

export interface FakeTelegram {
  /** e.g. http://127.0.0.1:PORT, for `new Telegraf(token, { telegram: { apiRoot } })`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotInfo;
  /** Every request in completion order (a long poll is recorded when it answers). */
  readonly calls: RecordedCall[];
  /** Descriptions of every 400/401/404 the bot earned by sending something wrong, prefixed with the method. */
  readonly violations: string[];
  /** How many sends the rate limiter refused with 429 (injected 429s are not counted). */
  readonly tooManyRequests: number;
  callsOf(method: string): RecordedCall[];
  /** Messages the bot sent and has not deleted, oldest first, in their current (edited) state. */
  sentMessages(chatId?: number): SentMessage[];
  lastMessage(chatId: number): SentMessage | undefined;
  /** Sends and edits to the chat get 403 until unblockChat (groups: "bot was kicked ..."). */
  blockChat(chatId: number): void;
  /** Also undoes a leaveChat the bot did. */
  unblockChat(chatId: number): void;
  migrateChat(fromId: number, toId: number): void;
  setChat(chat: FakeChat): void;
  /** `rights` shape getChatMember's administrator object (channel rights only appear in channels). */
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus, rights?: ChatMemberRights): void;
  /**
   * The bot's membership in a group or channel. Never set: channels treat the bot as an administrator that
   * may post, other chats as a member. Replaces an earlier blockChat/leaveChat for the chat.
   */
  setBotMember(chatId: number, membership: BotMembership): void;
  /** A user opens a topic in a forum (setChat with is_forum first); returns its message_thread_id. */
  createTopic(chatId: number, name: string): number;
  closeTopic(chatId: number, threadId: number): void;
  reopenTopic(chatId: number, threadId: number): void;
  /** Also removes the bot messages in the topic, as Telegram deletes a topic's history with it. */
  deleteTopic(chatId: number, threadId: number): void;
  /** Live (not deleted) topics of a forum, oldest first. */
  topics(chatId: number): ForumTopicInfo[];
  /** Bot messages in one topic or reply thread; threadId undefined = General / no thread. */
  messagesIn(chatId: number, threadId?: number): SentMessage[];
  /** The next `count` calls of `method` ('*' = any method) answer with `error` and do nothing else. */
  failNext(method: string, count: number, error: InjectedError): void;
  /** Each call fails with the given probability; 0 switches it off. */
  failRandomly(probability: number, options?: RandomFailureOptions): void;
  /** Adds an update for getUpdates; update_id is assigned when missing and must increase. */
  queueUpdate(update: object): void;
  /** Calls `observer` with every call as it is recorded (after the answer is decided); returns an unsubscribe. */
  onCall(observer: (call: RecordedCall) => void): () => void;
  /** What setMyCommands stored for this language (default '') and scope (default { type: 'default' }). */
  commands(languageCode?: string, scope?: object): Array<{ command: string; description: string }>;
  /**
   * Resolves when a getUpdates long poll is parked with nothing left to deliver. With Telegraf
   * polling that means every queued update has been fully handled (Telegraf finishes a batch
   * before it polls again).
   */
  waitForIdle(timeoutMs?: number): Promise<void>;
  /** Resolves once `count` calls of `method` have been recorded. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Forget everything recorded and all configured state; the server keeps running. */
  reset(): void;
  close(): Promise<void>;
}
