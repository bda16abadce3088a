import { existsSync } from 'node:fs';
import { registerCommands } from './bot/commands.ts';
import { ConfigError, createConfig } from './config.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';
import { createScheduler } from './scheduler.ts';
import { createFetcher } from './sources/fetcher.ts';
import { createPoller } from './sources/poller.ts';
import { createSourceRepository } from './sources/repository.ts';
import { checkSourceUrl } from './sources/url-safety.ts';

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
  const poller = createPoller({
    repository: createSourceRepository(app.db.db),
    fetcher: createFetcher({ checkUrl: (url) => checkSourceUrl(url, { allowPrivate: config.allowPrivateSources }) }),
    ingestor: app.ingestor,
    intervalMs: config.ingestIntervalMinutes * 60_000,
    logger: logger.child({ job: 'ingest' }),
  });
  const scheduler = createScheduler(
    {
      digests: (at) => {
        const result = app.digests.run({ at });
        if (result.queuedMessages > 0) app.sender.notify();
      },
      ingest: () => poller.pollDue(),
    },
    logger,
  );
  app.outbox.recoverInFlight();
  app.sender.start();
  scheduler.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await scheduler.stop();
    app.bot.stop(signal);
    // The message in flight is finished and recorded before the database closes.
    await app.sender.stop();
    app.close();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

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
