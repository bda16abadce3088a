import type { CliContext } from './context.ts';
import { backupCommand, migrateCommand } from './database.ts';
import { ingestCommand } from './ingest.ts';
import { classifyCommand, summarizeCommand } from './jsonl.ts';
import { searchCommand } from './search.ts';
import { pollSourcesCommand, sourcesCommand } from './sources.ts';

export type Command = (ctx: CliContext, args: string[]) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  backup: backupCommand,
  ingest: (ctx, args) => (args.includes('--sources') ? pollSourcesCommand(ctx) : ingestCommand(ctx, args)),
  sources: sourcesCommand,
  summarize: summarizeCommand,
  classify: classifyCommand,
  search: searchCommand,
  eval: async (ctx, args) => (await import('./eval.ts')).evalCommand(ctx, args),
  digest: async (ctx, args) => (await import('./digest.ts')).digestCommand(ctx, args),
  bench: async (ctx, args) => (await import('../../bench/run.ts')).benchCommand(ctx, args),
};
