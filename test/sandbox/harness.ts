/**
 * The sandbox as `npm start` without a token runs it, in-process: the loopback Bot API, the real app
 * on a temporary database, long polling, the sender, and the page on an HTTP server on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp, type App } from '../../src/app.ts';
import { registerCommands } from '../../src/bot/commands.ts';
import { createConfig } from '../../src/config.ts';
import { createHttpServer } from '../../src/http/server.ts';
import { createSandbox, sandboxConfig, type Sandbox } from '../../src/sandbox/index.ts';

export interface RunningSandbox {
  baseUrl: string;
  sandbox: Sandbox;
  app: App;
  /** What the sandbox Bot API refused: a bot bug real Telegram would refuse too. */
  violations(): string[];
  close(): Promise<void>;
}

export async function startSandbox(): Promise<RunningSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-sandbox-'));
  const logger = pino({ level: 'silent' });
  const config = sandboxConfig(createConfig({ DATABASE_PATH: join(dir, 'data', 'briefings.db'), LOG_LEVEL: 'silent' }));
  // Short long polls: stopping the bot at the end must not wait for one to time out.
  const sandbox = createSandbox({ logger, maxPollTimeoutMs: 1000 });
  await sandbox.start();
  const app = await createApp(config, logger, { token: sandbox.token, apiRoot: sandbox.apiRoot });
  await registerCommands(app.bot.telegram, app.i18n, config.defaultLocale);
  await sandbox.attach(app);
  const http = createHttpServer({ port: 0, host: '127.0.0.1', logger, routes: sandbox.routes, closeGraceMs: 500 });
  const { port } = await http.listen();
  app.outbox.recoverInFlight();
  app.sender.start();
  const polling = app.bot.launch({ allowedUpdates: ['message', 'callback_query', 'my_chat_member'] });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sandbox,
    app,
    violations: () => [...sandbox.botApi.violations],
    async close() {
      app.bot.stop('test done');
      await polling.catch(() => undefined);
      await app.sender.stop();
      await http.close();
      await sandbox.stop();
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails naming what was awaited. */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
