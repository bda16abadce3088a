import type { Telegram } from 'telegraf';
import type { AdminRoles } from '../../../admin/roles.ts';
import { SUPPORTED_LOCALES, type Locale } from '../../../config.ts';
import type { I18n } from '../../../i18n.ts';
import type { Logger } from '../../../logger.ts';
import { commandList, setChatMenu } from '../../commands.ts';

/** The admin desk's commands, after the subscriber's in an admin's menu. */
export const ADMIN_COMMANDS = ['breaking', 'sources', 'stats', 'audit', 'admins'] as const;

/**
 * Admins see their commands in the menu of their private chat with the bot (a chat-scoped menu per
 * language); nobody else does. A user who never opened the chat has none yet: that is logged, not fatal.
 */
/** The admin desk's entries of a menu, in one language. */
export const adminCommandList = (i18n: I18n, locale: Locale) =>
  ADMIN_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `admin_commands.${command}`) }));

export async function registerAdminCommands(telegram: Telegram, i18n: I18n, userId: number, logger?: Logger, chosen?: Locale): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: userId };
  try {
    // An admin who chose a language with /language keeps that menu, in every language code.
    if (chosen) return await setChatMenu(telegram, i18n, userId, chosen, adminCommandList(i18n, chosen));
    for (const locale of SUPPORTED_LOCALES) {
      await telegram.setMyCommands([...commandList(i18n, locale), ...adminCommandList(i18n, locale)], { scope, language_code: locale });
    }
  } catch (error) {
    logger?.warn({ err: error, userId }, 'could not set the admin command menu');
  }
}

export async function unregisterAdminCommands(telegram: Telegram, userId: number, logger?: Logger): Promise<void> {
  try {
    for (const locale of SUPPORTED_LOCALES) await telegram.deleteMyCommands({ scope: { type: 'chat', chat_id: userId }, language_code: locale });
  } catch (error) {
    logger?.warn({ err: error, userId }, 'could not remove the admin command menu');
  }
}

/** At start-up (main.ts, after registerCommands): every admin's menu, ADMIN_IDS and added ones alike. */
export async function registerAdminMenus(
  telegram: Telegram,
  i18n: I18n,
  roles: Pick<AdminRoles, 'list'>,
  logger?: Logger,
  chosenLocale: (userId: number) => Locale | undefined = () => undefined,
): Promise<void> {
  for (const { userId } of roles.list()) await registerAdminCommands(telegram, i18n, userId, logger, chosenLocale(userId));
}
