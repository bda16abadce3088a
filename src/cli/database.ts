import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

export async function migrateCommand(ctx: CliContext): Promise<number> {
  ctx.db();
  ctx.stdout(`migrations applied to ${ctx.config.databasePath}`);
  return 0;
}

/** SQLite's online backup: a consistent copy while the bot keeps writing. */
export async function backupCommand(ctx: CliContext, args: string[]): Promise<number> {
  const target = args.find((a) => !a.startsWith('--'));
  if (!target) throw new CliError('backup needs a target FILE');
  if (resolve(target) === resolve(ctx.config.databasePath)) throw new CliError('the backup file cannot be the live database');
  if (existsSync(target) && !args.includes('--force')) throw new CliError(`${target} exists; add --force to overwrite it`);
  // One step: a copy in pages restarts whenever the bot writes, and on a busy database never ends.
  await ctx.db().sqlite.backup(target, { progress: () => 0x7fffffff });
  ctx.stdout(`backup written to ${target}`);
  return 0;
}
