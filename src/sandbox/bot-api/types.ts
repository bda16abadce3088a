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
}

export type ChatMemberStatus = 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked';

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
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
  setChatMemberStatus(chatId: number, userId: number, status: ChatMemberStatus): void;
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
