import { createEnrichPool } from '../enrich/enrich-pool.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';
import { readArticlesFromFile } from './ingest-files.ts';

const POOL_THRESHOLD = 300;

/** `briefings ingest FILE...`: one JSON line on stdout; a bad file is reported and the rest go in. */
export async function ingestCommand(ctx: CliContext, args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) throw new CliError('ingest needs at least one FILE (or --sources)');
  const ingestor = await (await ctx.pipeline()).ingestor();
  // Worker threads pay off from a few hundred articles on; a feed of twenty is quicker inline.
  let pool: ReturnType<typeof createEnrichPool> | undefined;
  const report = { files: files.length, seen: 0, new: 0, duplicates: 0, errors: [] as Array<{ file: string; error: string }> };
  for (const file of files) {
    try {
      const { items, errors } = await readArticlesFromFile(file);
      const label = (item: { url?: string | undefined }, i: number) => `${file}#${item.url?.trim() || i + 1}`;
      const result = items.length >= POOL_THRESHOLD ? await ingestor.ingestBatch(items, (pool ??= createEnrichPool()), label) : ingestor.ingest(items, label);
      report.seen += result.seen + errors.length;
      report.new += result.new;
      report.duplicates += result.duplicates;
      for (const e of [...errors, ...result.errors]) report.errors.push({ file: e.item, error: e.error });
    } catch (error) {
      report.errors.push({ file, error: (error as Error).message });
    }
  }
  await pool?.close();
  ctx.stdout(JSON.stringify(report));
  for (const e of report.errors) process.stderr.write(`briefings ingest: ${e.file}: ${e.error}\n`);
  return report.errors.length > 0 ? 1 : 0;
}
