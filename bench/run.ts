import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '../src/cli/context.ts';
import { benchIngest, corpusArticles, syntheticArticles } from './ingest.ts';
import { benchSearch } from './search.ts';

const CORPUS = process.env.BRIEFINGS_CORPUS ?? '../shared/corpus';

export async function runBenchmarks(print: (line: string) => void): Promise<void> {
  const fromCorpus = existsSync(CORPUS) ? corpusArticles(CORPUS, 4000) : [];
  const items = fromCorpus.length >= 1000 ? fromCorpus : syntheticArticles(4000);
  const source = fromCorpus.length >= 1000 ? `evaluation corpus at ${CORPUS}` : 'synthetic articles';
  const r = benchIngest(items);
  print(`ingest: ${r.articles} articles (${source}) in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(0)} articles/s; peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  print(`search over them: median ${r.searchMsMedian.toFixed(2)} ms per query`);
  benchSearch(items, 100_000, print);
}

export async function benchCommand(ctx: CliContext, _args: string[]): Promise<number> {
  await runBenchmarks(ctx.stdout);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runBenchmarks((line) => process.stdout.write(`${line}\n`));
}
