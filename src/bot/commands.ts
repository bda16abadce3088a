import type { Telegram } from 'telegraf';
import { SUPPORTED_LOCALES, type Locale } from '../config.ts';
import type { I18n } from '../i18n.ts';

/** The subscriber's command menu, in the order Telegram shows it. */
export const SUBSCRIBER_COMMANDS = [
  'start', 'help', 'digest', 'search', 'subscribe', 'unsubscribe', 'subscriptions', 'settings', 'schedule', 'quiet', 'language', 'languages', 'channels', 'editions', 'stop',
] as const;

/** Channels are managed from a private chat only: groups do not list it. */
const PRIVATE_ONLY = new Set<string>(['channels']);

export function commandList(i18n: I18n, locale: Locale, where: 'private' | 'group' = 'private') {
  return SUBSCRIBER_COMMANDS.filter((c) => where === 'private' || !PRIVATE_ONLY.has(c)).map((command) => ({ command, description: i18n.t(locale, `commands.${command}`) }));
}

export type MenuEntry = { command: string; description: string };

/**
 * The menu of one chat in the language it chose with /language, whatever language its people's
 * Telegram has: set for each language code and the default of the chat's scope, which beat the
 * bot-wide menus ("Determining list of commands" in the Bot API).
 */
export async function setChatMenu(telegram: Telegram, i18n: I18n, chatId: number, locale: Locale, extra: readonly MenuEntry[] = []): Promise<void> {
  const commands = [...commandList(i18n, locale, chatId > 0 ? 'private' : 'group'), ...extra];
  const scope = { type: 'chat' as const, chat_id: chatId };
  for (const language of SUPPORTED_LOCALES) await telegram.setMyCommands(commands, { scope, language_code: language });
  await telegram.setMyCommands(commands, { scope });
}

/** One menu per language Telegram knows the user by, plus a default for everyone else. */
export async function registerCommands(telegram: Telegram, i18n: I18n, defaultLocale: Locale): Promise<void> {
  for (const locale of SUPPORTED_LOCALES) {
    await telegram.setMyCommands(commandList(i18n, locale), { language_code: locale });
    await telegram.setMyCommands(commandList(i18n, locale, 'group'), { scope: { type: 'all_group_chats' }, language_code: locale });
  }
  await telegram.setMyCommands(commandList(i18n, defaultLocale));
  await telegram.setMyCommands(commandList(i18n, defaultLocale, 'group'), { scope: { type: 'all_group_chats' } });
}
