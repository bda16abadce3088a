import { existsSync } from 'node:fs';
import { createConfig, type Config } from '../config.ts';
import { openDatabase, type DbHandle } from '../db/client.ts';
import { createLogger, type Logger } from '../logger.ts';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface CliContext {
  readonly config: Config;
  readonly logger: Logger;
  /** Opened on first use: `briefings summarize` never touches the database. */
  db(): DbHandle;
  stdout(line: string): void;
  close(): void;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let handle: DbHandle | undefined;
  return {
    config,
    logger,
    db: () => (handle ??= openDatabase(config.databasePath)),
    stdout: (line) => process.stdout.write(`${line}\n`),
    close: () => handle?.close(),
  };
}
