import { ConfigError } from './config.ts';
import { namingFile } from './db/faults.ts';
import { CliError, createCliContext } from './cli/context.ts';
import { COMMANDS } from './cli/commands.ts';

const USAGE = `usage: briefings <command> [options]

commands:
  migrate                                   apply database migrations
  ingest FILE...                            ingest RSS, Atom, JSON Feed, an HTML page or JSONL files
  ingest --sources                          poll every enabled source once
  sources add URL [--lang L] [--name NAME] [--no-check]
                                            add a source once it answers with a feed (or links one)
  sources list [--json] | remove ID | import FILE.opml | export
  summarize --jsonl [--sentences N]         summaries for JSON lines on standard input
  classify --jsonl                          regions and topics for JSON lines on standard input
  search QUERY [--lang L] [--region R] [--topic T] [--limit N] [--json]
  digest --now [--chat ID]                  send every active chat (or one) what is new for it
  digest --dry-run --at ISO [--json]        who is due at that instant and what each digest would hold
  backup FILE                               consistent copy of the live database
  eval --corpus DIR                         quality report on an evaluation corpus
  bench                                     benchmarks`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command "${name}"\n\n${USAGE}`);
  const ctx = createCliContext();
  try {
    return await command(ctx, args);
  } catch (error) {
    // A fault met mid-command (disk full, damaged page) is about the file, so it names the file.
    throw namingFile(error, ctx.config.databasePath);
  } finally {
    ctx.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`briefings: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : error instanceof ConfigError ? 2 : 1;
  },
);
