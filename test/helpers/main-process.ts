import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FakeTelegram } from '../../src/telegram-double/index.ts';

export interface RunningMain {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the port main logged once its HTTP server listens. */
  port: Promise<number>;
  exit: Promise<number | null>;
}

/** `npm start` as a real child process, talking to the Telegram double, with its own data folder. */
export function startMainProcess(telegram: FakeTelegram, dir: string, extraEnv: Record<string, string> = {}): RunningMain {
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DATABASE_PATH: join(dir, 'data', 'bot.db'),
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"msg":"http server listening on port (\d+)"/.exec(stderr);
      if (match?.[1]) resolve(Number(match[1]));
    });
    void exit.then(() => reject(new Error(`main exited before listening:\n${stderr}`)));
  });
  port.catch(() => {});
  return { child, stderr: () => stderr, port, exit };
}

export async function stopMainProcess(run: RunningMain): Promise<number | null> {
  run.child.kill('SIGTERM');
  return run.exit;
}
