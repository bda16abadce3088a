/**
 * Who is in the sandbox: three people, each in a private chat with the bot, and a group they share.
 * Ids sit in ranges real Telegram users and groups could have, so the bot sees nothing unusual.
 */

export type PersonaLanguage = 'ar' | 'ru' | 'en';

export interface Persona {
  /** Stable handle for the page (URL fragment, local storage). */
  key: string;
  userId: number;
  firstName: string;
  username: string;
  languageCode: PersonaLanguage;
  /** In ADMIN_IDS while the sandbox runs, so /breaking, /sources and /stats work for them. */
  admin: boolean;
}

export interface SandboxGroup {
  key: string;
  chatId: number;
  title: string;
  /** The persona who created the group, and so may change its subscriptions. */
  creatorKey: string;
}

/**
 * Not a secret: the sandbox's Bot API answers only on loopback, and only to this token.
 * Shaped like a BotFather token so the config's token rule would accept it too.
 */
export const SANDBOX_TOKEN = '7000000001:SANDBOX-local-bot-not-a-secret';
export const SANDBOX_BOT_USERNAME = 'briefings_sandbox_bot';
export const SANDBOX_BOT_NAME = 'Briefings';

export const PERSONAS: readonly Persona[] = [
  { key: 'amina', userId: 710_001, firstName: 'Amina', username: 'amina_demo', languageCode: 'ar', admin: false },
  { key: 'ivan', userId: 710_002, firstName: 'Ivan', username: 'ivan_demo', languageCode: 'ru', admin: false },
  { key: 'jane', userId: 710_003, firstName: 'Jane', username: 'jane_demo', languageCode: 'en', admin: true },
];

export const GROUP: SandboxGroup = {
  key: 'newsroom',
  // A supergroup id (≤ -10^12), as every modern Telegram group is.
  chatId: -1_001_700_000_001,
  title: 'Newsroom',
  creatorKey: 'jane',
};

export interface SandboxChannel {
  key: string;
  chatId: number;
  title: string;
  username: string;
  /** Added the bot as an administrator with the post right, so /channels in their private chat lists it. */
  creatorKey: string;
}

export interface SandboxForum {
  key: string;
  chatId: number;
  title: string;
  creatorKey: string;
  /** Opened by the creator before the bot arrives; topics the bot creates later (/editions) join them. */
  topics: readonly string[];
}

/** Channels and supergroups share the -100… range; the type alone tells them apart. */
export const CHANNEL: SandboxChannel = {
  key: 'channel',
  chatId: -1_001_700_000_002,
  title: 'Newsroom Channel',
  username: 'newsroom_channel_demo',
  creatorKey: 'jane',
};

export const FORUM: SandboxForum = {
  key: 'forum',
  chatId: -1_001_700_000_003,
  title: 'Regions forum',
  creatorKey: 'jane',
  topics: ['Central Asia', 'Caucasus'],
};

export const SANDBOX_ADMIN_IDS: readonly number[] = PERSONAS.filter((p) => p.admin).map((p) => p.userId);

export const personaByUserId = (userId: number): Persona | undefined => PERSONAS.find((p) => p.userId === userId);
