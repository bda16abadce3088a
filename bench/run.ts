import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchSummarize } from './summarize.ts';
import type { CliContext } from '../src/cli/context.ts';
import { benchDigests } from './digests.ts';
import { benchEditions } from './editions.ts';
import { benchIngest, corpusArticles, syntheticArticles } from './ingest.ts';
import { benchMisspellings } from './misspellings.ts';
import { benchPairing } from './pairing.ts';
import { benchSearch } from './search.ts';
import { benchSender } from './sender.ts';
import { benchTwoSenders } from './two-senders.ts';

const CORPUS = process.env.BRIEFINGS_CORPUS ?? '../shared/corpus';
const SUITES = ['ingest', 'summarize', 'search', 'digests', 'sender', 'two-senders', 'editions', 'pairing', 'misspellings'] as const;

/** Runs every suite (or those named) and prints one line per figure. */
export async function runBenchmarks(print: (line: string) => void, only: readonly string[] = []): Promise<void> {
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const fromCorpus = existsSync(CORPUS) ? corpusArticles(CORPUS, 4000) : [];
  const items = fromCorpus.length >= 1000 ? fromCorpus : syntheticArticles(4000);
  const source = fromCorpus.length >= 1000 ? `evaluation corpus at ${CORPUS}` : 'synthetic articles';
  if (wanted('ingest')) {
    const r = await benchIngest(items);
    print(`ingest: ${r.articles} articles (${source}) in ${r.seconds.toFixed(2)} s = ${r.perSecond.toFixed(0)} articles/s (target ≥ 1000; ${r.perCpuSecond.toFixed(0)} per CPU-second over all threads); peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  }
  if (wanted('summarize')) await benchSummarize({ log: print, ...(existsSync(CORPUS) ? { corpusDir: CORPUS } : {}) });
  if (wanted('search')) benchSearch(items, 100_000, print);
  if (wanted('digests')) {
    await benchDigests(10_000, 5_000, 500, print);
    await benchDigests(100_000, 5_000, 2_000, print);
    await benchDigests(100_000, 5_000, 2_000, print, 'stress');
  }
  if (wanted('sender')) await benchSender(print);
  if (wanted('two-senders')) await benchTwoSenders(print);
  if (wanted('editions')) await benchEditions(print);
  if (wanted('pairing')) await benchPairing(print, fromCorpus);
  if (wanted('misspellings')) benchMisspellings(print);
}

export async function benchCommand(ctx: CliContext, args: string[]): Promise<number> {
  await runBenchmarks(ctx.stdout, args.filter((a) => (SUITES as readonly string[]).includes(a)));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runBenchmarks((line) => process.stdout.write(`${line}\n`), process.argv.slice(2));
}
