import { existsSync } from 'node:fs';
import { registerCommands } from './bot/commands.ts';
import { ConfigError, createConfig } from './config.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel);
  if (!config.telegramBotToken) {
    logger.fatal('TELEGRAM_BOT_TOKEN is not set: set it (see .env.example) to run the bot');
    process.exitCode = 1;
    return;
  }
  const app = await createApp(config, logger, { token: config.telegramBotToken, apiRoot: config.telegramApiRoot });
  await registerCommands(app.bot.telegram, app.i18n, config.defaultLocale);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.bot.stop(signal);
    app.close();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  logger.info({ apiRoot: config.telegramApiRoot, database: config.databasePath }, 'bot starting (long polling)');
  await app.bot.launch({ allowedUpdates: ['message', 'callback_query', 'my_chat_member'] }, () => {
    logger.info({ username: app.bot.botInfo?.username }, 'bot is polling');
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`briefings failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
