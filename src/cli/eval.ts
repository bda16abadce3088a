import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createClassifiers } from '../enrich/classifiers.ts';
import { evaluateRegions } from '../eval/regions.ts';
import { evaluateSummaries, formatSummaryTable } from '../eval/summaries.ts';
import { evaluateTopics } from '../eval/topics.ts';
import { formatSummary, runCorpusCheck } from '../sources/corpus-check.ts';
import { createTaxonomy } from '../taxonomy/index.ts';
import { flag } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * `briefings eval --corpus DIR [--only summaries|topics|regions|feeds]`: ROUGE against Lead-k and
 * TextRank-k, topic and region accuracy, and every feed of feeds/ through the parser (exit 1 if one crashes it).
 */
export async function evalCommand(ctx: CliContext, args: string[]): Promise<number> {
  const corpus = flag(args, '--corpus') ?? '../shared/corpus';
  if (!['summarize', 'classify', 'feeds'].some((sub) => existsSync(join(corpus, sub)))) {
    throw new CliError(`${corpus} has no summarize/, classify/ or feeds/ folder: pass --corpus DIR`);
  }
  const only = flag(args, '--only');
  const classifiers = createClassifiers(createTaxonomy());
  if (!only || only === 'summaries') {
    ctx.stdout('## Summaries (ROUGE F1, lower-cased word tokens, k = each line\'s sentences)');
    ctx.stdout(formatSummaryTable(await evaluateSummaries(corpus, classifiers.summarizer)));
    ctx.stdout('');
  }
  if (!only || only === 'topics') {
    ctx.stdout('## Topics (top-1 right, sets\' labels mapped as the corpus README says)');
    for (const row of await evaluateTopics(corpus, classifiers.topics)) {
      ctx.stdout(`${row.set.padEnd(22)} n=${String(row.n).padStart(5)}  top-1 ${pct(row.top1)}`);
    }
    ctx.stdout('');
  }
  if (!only || only === 'regions') {
    ctx.stdout('## Regions (first region on the right side of the label)');
    for (const row of await evaluateRegions(corpus, classifiers.regions)) {
      const wrong = row.n - Math.round(row.accuracy * row.n);
      ctx.stdout(
        `${row.set.padEnd(22)} n=${String(row.n).padStart(5)}  accuracy ${pct(row.accuracy)}  ` +
          `(wrong ${wrong}: no region ${row.empty}, headline alone names the other side ${row.headlineOtherSide})`,
      );
    }
    ctx.stdout('');
  }
  if ((!only || only === 'feeds') && existsSync(join(corpus, 'feeds', 'MANIFEST.tsv'))) {
    ctx.stdout('## Feeds (each file through decoding and parsing; a bad one is reported, none may crash)');
    const feeds = await runCorpusCheck(join(corpus, 'feeds'));
    ctx.stdout(formatSummary(feeds));
    if (feeds.crashed > 0) return 1;
  }
  return 0;
}
