/**
 * `npm start`: the start-up steps in order. Where updates come from (a token, or the sandbox when
 * there is none), the app, the HTTP routes, the announcements to Telegram, then the sender, the
 * clock's jobs and either the webhook or long polling; one shutdown undoes them in reverse.
 */
import { existsSync } from 'node:fs';
import { createApp, type App } from './app.ts';
import { registerCommands } from './bot/commands.ts';
import { registerAdminMenus } from './bot/features/admin/index.ts';
import { ConfigError, createConfig, type Config } from './config.ts';
import { createHealthRoute, databaseWriteCheck } from './http/health.ts';
import { createMetrics, createMetricsRoute } from './http/metrics.ts';
import { createSenderWatch } from './http/sender-watch.ts';
import { createHttpServer, type Route } from './http/server.ts';
import { createWebhookEndpoint, webhookSecret, type WebhookEndpoint } from './http/webhook.ts';
import { createJobs } from './jobs.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Sandbox } from './sandbox/index.ts';

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
/** How long shutdown waits for a poll or handlers in progress before closing the database anyway. */
const SHUTDOWN_WAIT_MS = 10_000;

const within = (ms: number, work: Promise<unknown>): Promise<unknown> =>
  Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** Why polling ended, in words an operator can act on. */
function pollingStopped(error: unknown): string {
  const code = (error as { response?: { error_code?: unknown } } | undefined)?.response?.error_code;
  if (code === 409) return 'long polling stopped: another process is polling this bot token (409 Conflict); only one may, so this one stops (several processes need webhook mode: see the runbook in the README)';
  if (code === 401) return 'long polling stopped: Telegram refused the bot token (401 Unauthorized); check TELEGRAM_BOT_TOKEN';
  return 'long polling stopped with an error';
}

/** Where updates come from: Telegram with the token, or the sandbox's embedded Bot API without one. */
interface Source {
  telegram: { token: string; apiRoot: string };
  config: Config;
  sandbox?: Sandbox;
  routes: readonly Route[];
  /** The web chat has no login: the sandbox keeps the HTTP server on loopback. */
  host?: string;
}

async function startSandbox(config: Config, logger: Logger): Promise<Source> {
  // A guest: its 4k lines (the embedded Bot API, the web chat) load only when there is no token.
  const { createSandbox, sandboxConfig } = await import('./sandbox/index.ts');
  const sandbox = createSandbox({ logger: logger.child({ component: 'sandbox' }) });
  await sandbox.start();
  // Its own database (sandbox.db beside DATABASE_PATH) with its demo admin added.
  return { telegram: { token: sandbox.token, apiRoot: sandbox.apiRoot }, config: sandboxConfig(config), sandbox, routes: sandbox.routes, host: '127.0.0.1' };
}

/** Commands in every language, the admins' own menus, the bot's name, and the webhook set or cleared. */
async function announce(app: App, source: Source, webhookUrl: string | undefined, secret: string, logger: Logger): Promise<void> {
  await registerCommands(app.bot.telegram, app.i18n, source.config.defaultLocale);
  // The sandbox's attach() already set the menu of its demo admin.
  if (app.services.admin && !source.sandbox) {
    const chosen = (userId: number) => app.services.chats.get(userId)?.locale ?? undefined;
    await registerAdminMenus(app.bot.telegram, app.i18n, app.services.admin.roles, logger, chosen);
  }
  app.bot.botInfo ??= await app.bot.telegram.getMe();
  if (webhookUrl) {
    await app.bot.telegram.setWebhook(webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  } else {
    // A webhook left from an earlier deployment would make every getUpdates fail with 409.
    await app.bot.telegram.deleteWebhook({ drop_pending_updates: false });
  }
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel);
  const source: Source = config.telegramBotToken
    ? { telegram: { token: config.telegramBotToken, apiRoot: config.telegramApiRoot }, config, routes: [] }
    : await startSandbox(config, logger);
  const { telegram, sandbox } = source;
  const webhookUrl = sandbox ? undefined : config.webhookUrl;
  const secret = webhookSecret(telegram.token);

  const metrics = createMetrics({ onCollectError: (error) => logger.warn({ err: error }, 'outbox stats unavailable for /metrics') });
  // The sender is alive when it keeps starting sends while messages are due; "due" needs the app's outbox.
  let dueNow = () => false;
  const senderWatch = createSenderWatch({ dueNow: () => dueNow() });
  const app = await createApp(source.config, logger, { ...telegram, metrics, onSenderEvent: senderWatch.onEvent });
  await sandbox?.attach(app);
  dueNow = () => app.outbox.heads(Date.now(), 1).length > 0;
  const jobs = createJobs(app, config, metrics, logger);

  const webhook: WebhookEndpoint | undefined = webhookUrl
    ? createWebhookEndpoint({ path: new URL(webhookUrl).pathname, secret, handleUpdate: (update) => app.bot.handleUpdate(update), logger: logger.child({ component: 'webhook' }) })
    : undefined;
  const health = createHealthRoute({
    checkDatabase: databaseWriteCheck(app.db.sqlite),
    lastPoll: jobs.lastPollAt,
    senderAlive: senderWatch.alive,
    outboxPending: () => app.outbox.pendingCount(),
    startedAt: Date.now(),
    // Polls run every minute; this long without one finishing means the scheduler or a fetch is stuck.
    pollStaleAfterMs: Math.max(30, 3 * config.ingestIntervalMinutes) * 60_000,
  });
  const http = createHttpServer({
    port: config.httpPort,
    ...(source.host ? { host: source.host } : {}),
    logger: logger.child({ component: 'http' }),
    routes: [health, createMetricsRoute(metrics), ...(webhook ? [webhook.route] : []), ...source.routes],
  });
  try {
    const { port } = await http.listen();
    logger.info({ port, health: '/healthz', metrics: '/metrics' }, `http server listening on port ${port}`);
    if (sandbox) logger.info({ port, database: source.config.databasePath }, `Sandbox ready: open http://localhost:${port}/`);
  } catch (error) {
    app.close();
    throw error;
  }

  let polling: Promise<void> | undefined = undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck step must not keep the process up forever; unref'd, so it never delays a clean exit.
    setTimeout(() => process.exit(exitCode || 1), 30_000).unref();
    await jobs.stop();
    webhook?.stopAccepting();
    if (polling) {
      app.bot.stop(signal);
      // Resolves once the updates of the last batch are handled and the offset is confirmed.
      await within(SHUTDOWN_WAIT_MS, polling);
    }
    await within(SHUTDOWN_WAIT_MS, Promise.allSettled([webhook?.drain(), jobs.settled()]));
    // The message in flight is finished and recorded before the database closes.
    await app.sender.stop();
    senderWatch.stopped();
    await http.close();
    await sandbox?.stop().catch((error: unknown) => logger.warn({ err: error }, 'shutdown step failed'));
    app.close();
    process.exitCode = exitCode;
    logger.info('stopped');
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await announce(app, source, webhookUrl, secret, logger);
  } catch (error) {
    await shutdown('startup failed', 1);
    throw error;
  }
  // A signal during start-up has already closed everything.
  if (stopping) return;
  // A replica (SENDER=off) takes updates and queues; the process holding the sender lease sends.
  if (source.config.senderEnabled) {
    // It puts back what a crash left in flight once it holds the sender lease.
    app.sender.start();
  } else {
    logger.info('SENDER=off: this process queues messages and never sends them');
  }
  senderWatch.started();
  jobs.start();

  const mode = webhookUrl ? 'webhook' : 'long polling';
  logger.info({ apiRoot: telegram.apiRoot, database: source.config.databasePath, mode }, `bot starting (${mode})`);
  if (webhookUrl) {
    logger.info({ username: app.bot.botInfo?.username, path: new URL(webhookUrl).pathname }, 'bot is receiving updates by webhook');
    return;
  }
  polling = app.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, () => {
    logger.info({ username: app.bot.botInfo?.username }, 'bot is polling');
  });
  void polling.catch(async (error: unknown) => {
    // 401 (token revoked) or 409 (another instance polls): nothing will arrive, so stop cleanly and say why.
    logger.fatal({ err: error }, pollingStopped(error));
    await shutdown('polling failed', 1);
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
