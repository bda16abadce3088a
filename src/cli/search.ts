import { flag, positionals } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

const VALUE_FLAGS = ['--lang', '--region', '--topic', '--limit'];

/** `briefings search QUERY`: the same search the bot's /search uses. */
export async function searchCommand(ctx: CliContext, args: string[]): Promise<number> {
  const query = positionals(args, VALUE_FLAGS).join(' ').trim();
  if (!query) throw new CliError('search needs a QUERY');
  const { taxonomy, search } = await ctx.pipeline();
  const regionInput = flag(args, '--region');
  const topicInput = flag(args, '--topic');
  const limit = Number(flag(args, '--limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError('--limit takes a whole number from 1 to 100');
  let regions: ReadonlySet<string> | undefined;
  if (regionInput) {
    const r = taxonomy.resolveRegion(regionInput);
    if (!r.ok) throw new CliError(`unknown region "${regionInput}"${r.suggestions.length ? ` (did you mean ${r.suggestions.join(', ')}?)` : ''}`);
    if (r.id !== 'all') regions = taxonomy.coveredBy(r.id);
  }
  let topic: string | undefined;
  if (topicInput) {
    const t = taxonomy.resolveTopic(topicInput);
    if (!t.ok) throw new CliError(`unknown topic "${topicInput}"${t.suggestions.length ? ` (did you mean ${t.suggestions.join(', ')}?)` : ''}`);
    if (t.id !== 'all') topic = t.id;
  }
  const result = search.search({ text: query, lang: flag(args, '--lang'), regions, topic, limit });
  if (args.includes('--json')) {
    ctx.stdout(
      JSON.stringify({
        results: result.hits.map((h) => ({
          id: h.id,
          title: h.title,
          url: h.url,
          lang: h.lang,
          published_at: new Date(h.publishedAt).toISOString(),
          regions: h.regions,
          topics: h.topics,
          snippet: h.snippet,
        })),
      }),
    );
    return 0;
  }
  if (result.hits.length === 0) ctx.stdout('no results');
  for (const h of result.hits) {
    ctx.stdout(`${h.id}\t${new Date(h.publishedAt).toISOString().slice(0, 10)}\t[${h.lang}] ${h.title}`);
    if (h.url) ctx.stdout(`\t${h.url}`);
    ctx.stdout(`\t${h.snippet}`);
  }
  return 0;
}
