import { existsSync } from 'node:fs';
import { createConfig, type Config } from '../config.ts';
import { openDatabase, type DbHandle } from '../db/client.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createPipeline, type Pipeline } from '../pipeline.ts';

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
  /** The product's parts over that database (pipeline.ts), built on first use. */
  pipeline(): Promise<Pipeline>;
  stdout(line: string): void;
  close(): void;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = createConfig(env);
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let handle: DbHandle | undefined;
  let pipeline: Promise<Pipeline> | undefined;
  const db = () => (handle ??= openDatabase(config.databasePath));
  return {
    config,
    logger,
    db,
    pipeline: () => (pipeline ??= createPipeline(config, { logger, db: db() })),
    stdout: (line) => process.stdout.write(`${line}\n`),
    close: () => handle?.close(),
  };
}
