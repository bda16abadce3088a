/**
 * Prints ROUGE of the product summarizer against Lead-k and TextRank-k on the evaluation corpus:
 * `npx tsx src/eval/summaries-main.ts /work/shared/corpus`.
 */
import { createExtractiveSummarizer } from '../enrich/summarize.ts';
import { evaluateSummaries, formatSummaryTable } from './summaries.ts';

const corpus = process.argv[2] ?? '../shared/corpus';
const started = performance.now();
const results = await evaluateSummaries(corpus, createExtractiveSummarizer());
console.log(formatSummaryTable(results));
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
