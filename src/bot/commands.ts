import type { Telegram } from 'telegraf';
import { SUPPORTED_LOCALES, type Locale } from '../config.ts';
import type { I18n } from '../i18n.ts';

/** The subscriber's command menu, in the order Telegram shows it. */
export const SUBSCRIBER_COMMANDS = [
  'start', 'help', 'digest', 'search', 'subscribe', 'unsubscribe', 'subscriptions', 'settings', 'schedule', 'quiet', 'language', 'languages', 'stop',
] as const;

export function commandList(i18n: I18n, locale: Locale) {
  return SUBSCRIBER_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `commands.${command}`) }));
}

/** One menu per language Telegram knows the user by, plus a default for everyone else. */
export async function registerCommands(telegram: Telegram, i18n: I18n, defaultLocale: Locale): Promise<void> {
  for (const locale of SUPPORTED_LOCALES) {
    await telegram.setMyCommands(commandList(i18n, locale), { language_code: locale });
  }
  await telegram.setMyCommands(commandList(i18n, defaultLocale));
}
