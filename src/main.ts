import { existsSync } from 'node:fs';
import { registerCommands } from './bot/commands.ts';
import { registerAdminMenus } from './bot/features/admin/index.ts';
import { ConfigError, createConfig } from './config.ts';
import { createApp } from './app.ts';
import { createHealthRoute, databaseWriteCheck } from './http/health.ts';
import { createMetrics, createMetricsRoute } from './http/metrics.ts';
import { createSenderWatch } from './http/sender-watch.ts';
import { createHttpServer, type Route } from './http/server.ts';
import { createWebhookEndpoint, webhookSecret, type WebhookEndpoint } from './http/webhook.ts';
import { createLogger } from './logger.ts';
import type { Sandbox } from './sandbox/index.ts';
import { createScheduler } from './scheduler.ts';
import { createSourceAlerts } from './admin/source-alerts.ts';
import { createSourcePoller } from './sources/poller.ts';

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

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(process.env);
  const logger = createLogger(config.logLevel);

  // ── Sandbox seam (issue 6, items 1–2) ─────────────────────────────────────────────────────────────
  // Without a token the sandbox starts its embedded Bot API here, sets `telegram` to it, pushes its web
  // routes into `sandboxRoutes` and its own stop into `onShutdown`; everything below then runs as with
  // a token (long polling against the embedded API, health and metrics on the same HTTP_PORT). The web
  // chat has no login, so the sandbox may set `httpOptions.host = '127.0.0.1'` to keep it off the network.
  const sandboxRoutes: Route[] = [];
  const onShutdown: Array<() => Promise<void>> = [];
  const httpOptions: { host?: string } = {};
  let telegram: { token: string; apiRoot: string };
  // The sandbox runs on its own database (sandbox.db beside DATABASE_PATH) with its demo admin added.
  let appConfig = config;
  let sandboxRun: Sandbox | undefined;
  if (config.telegramBotToken) {
    telegram = { token: config.telegramBotToken, apiRoot: config.telegramApiRoot };
  } else {
    // A guest: its 4k lines (the embedded Bot API, the web chat) load only when there is no token.
    const { createSandbox, sandboxConfig } = await import('./sandbox/index.ts');
    const run = createSandbox({ logger: logger.child({ component: 'sandbox' }) });
    await run.start();
    onShutdown.push(() => run.stop());
    sandboxRun = run;
    telegram = { token: run.token, apiRoot: run.apiRoot };
    appConfig = sandboxConfig(config);
    sandboxRoutes.push(...run.routes);
    // Anyone who reaches the page can type as any demo person, the admin included: loopback only.
    httpOptions.host = '127.0.0.1';
  }
  // ──────────────────────────────────────────────────────────────────────────────────────────────────
  const webhookUrl = sandboxRun ? undefined : config.webhookUrl;
  const secret = webhookSecret(telegram.token);

  const metrics = createMetrics({ onCollectError: (error) => logger.warn({ err: error }, 'outbox stats unavailable for /metrics') });
  // The sender is alive when it keeps starting sends while messages are due; "due" needs the app's outbox.
  let dueNow = () => false;
  const senderWatch = createSenderWatch({ dueNow: () => dueNow() });
  const app = await createApp(appConfig, logger, { ...telegram, metrics, onSenderEvent: senderWatch.onEvent });
  await sandboxRun?.attach(app);
  dueNow = () => app.outbox.heads(Date.now(), 1).length > 0;

  const startedAt = Date.now();
  let lastPollAt: number | null = null;
  const webhook: WebhookEndpoint | undefined = webhookUrl
    ? createWebhookEndpoint({
        path: new URL(webhookUrl).pathname,
        secret,
        handleUpdate: (update) => app.bot.handleUpdate(update),
        logger: logger.child({ component: 'webhook' }),
      })
    : undefined;
  const routes: Route[] = [
    createHealthRoute({
      checkDatabase: databaseWriteCheck(app.db.sqlite),
      lastPoll: () => lastPollAt,
      senderAlive: senderWatch.alive,
      outboxPending: () => app.outbox.pendingCount(),
      startedAt,
      // Polls run every minute; this long without one finishing means the scheduler or a fetch is stuck.
      pollStaleAfterMs: Math.max(30, 3 * config.ingestIntervalMinutes) * 60_000,
    }),
    createMetricsRoute(metrics),
    ...(webhook ? [webhook.route] : []),
    ...sandboxRoutes,
  ];
  const http = createHttpServer({
    port: config.httpPort,
    ...httpOptions,
    logger: logger.child({ component: 'http' }),
    routes,
  });
  try {
    const { port } = await http.listen();
    logger.info({ port, health: '/healthz', metrics: '/metrics' }, `http server listening on port ${port}`);
    if (sandboxRun) logger.info({ port, database: appConfig.databasePath }, `Sandbox ready: open http://localhost:${port}/`);
  } catch (error) {
    app.close();
    throw error;
  }

  const admin = app.services.admin;
  const onHealthChange = admin
    ? createSourceAlerts({ roles: admin.roles, chats: app.services.chats, outbox: app.outbox, i18n: app.i18n, wake: () => app.sender.notify() })
    : undefined;
  const poller = createSourcePoller({ db: app.db.db, config, ingestor: app.ingestor, logger: logger.child({ job: 'ingest' }), ...(onHealthChange ? { onHealthChange } : {}) });
  const jobs = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    jobs.add(work);
    return work.finally(() => jobs.delete(work));
  };
  const scheduler = createScheduler(
    {
      digests: (at) => {
        const result = app.digests.run({ at });
        metrics.recordDigestRun(result.queuedMessages);
        if (result.queuedMessages > 0) app.sender.notify();
      },
      ingest: () =>
        tracked(
          (async () => {
            const begin = performance.now();
            const report = await poller.pollDue();
            metrics.recordPoll(report, (performance.now() - begin) / 1000);
            lastPollAt = Date.now();
          })(),
        ),
    },
    logger,
  );

  let polling: Promise<void> | undefined = undefined;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck step must not keep the process up forever; unref'd, so it never delays a clean exit.
    setTimeout(() => process.exit(exitCode || 1), 30_000).unref();
    await scheduler.stop();
    webhook?.stopAccepting();
    if (polling) {
      app.bot.stop(signal);
      // Resolves once the updates of the last batch are handled and the offset is confirmed.
      await within(SHUTDOWN_WAIT_MS, polling);
    }
    await within(SHUTDOWN_WAIT_MS, Promise.allSettled([webhook?.drain(), ...jobs]));
    // The message in flight is finished and recorded before the database closes.
    await app.sender.stop();
    senderWatch.stopped();
    await http.close();
    for (const stop of onShutdown) await stop().catch((error: unknown) => logger.warn({ err: error }, 'shutdown step failed'));
    app.close();
    process.exitCode = exitCode;
    logger.info('stopped');
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await registerCommands(app.bot.telegram, app.i18n, config.defaultLocale);
    // Admins see their desk's commands in their own menu (a chat-scoped command list); the sandbox's
    // attach() already set them for its demo admin.
    if (app.services.admin && !sandboxRun) {
      const chosen = (userId: number) => app.services.chats.get(userId)?.locale ?? undefined;
      await registerAdminMenus(app.bot.telegram, app.i18n, app.services.admin.roles, logger, chosen);
    }
    app.bot.botInfo ??= await app.bot.telegram.getMe();
    if (webhookUrl) {
      await app.bot.telegram.setWebhook(webhookUrl, {
        secret_token: secret,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
    } else {
      // A webhook left from an earlier deployment would make every getUpdates fail with 409.
      await app.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    }
  } catch (error) {
    await shutdown('startup failed', 1);
    throw error;
  }
  // A signal during start-up has already closed everything.
  if (stopping) return;
  // A replica (SENDER=off) takes updates and queues; the process holding the sender lease sends.
  if (appConfig.senderEnabled) {
    // It puts back what a crash left in flight once it holds the sender lease.
    app.sender.start();
  } else {
    logger.info('SENDER=off: this process queues messages and never sends them');
  }
  senderWatch.started();
  scheduler.start();

  const mode = webhookUrl ? 'webhook' : 'long polling';
  logger.info({ apiRoot: telegram.apiRoot, database: appConfig.databasePath, mode }, `bot starting (${mode})`);
  if (webhookUrl) {
    logger.info({ username: app.bot.botInfo.username, path: new URL(webhookUrl).pathname }, 'bot is receiving updates by webhook');
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
