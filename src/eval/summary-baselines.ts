import { splitSentences } from '../enrich/sentences.ts';
import type { Summarizer, SummaryInput } from '../enrich/summarize.ts';
import { overlapSimilarity, pageRank, similarityGraph } from '../enrich/summary-graph.ts';
import { rougeTokens } from './rouge.ts';

// The two baselines `briefings eval` measures the product summarizer against.

/** Baseline: the first k sentences. */
export function leadSummarizer(): Summarizer {
  return {
    summarize({ text, lang, sentences = 3 }: SummaryInput): string[] {
      return splitSentences(text, lang)
        .slice(0, Math.max(1, sentences))
        .map((s) => s.text);
    },
  };
}

/** Baseline as the corpus README describes it: lower-cased words, overlap/log-length similarity, PageRank. */
export function textRankSummarizer(): Summarizer {
  return {
    summarize({ text, lang, sentences = 3 }: SummaryInput): string[] {
      const spans = splitSentences(text, lang);
      if (spans.length === 0) return [];
      const tokens = spans.map((s) => rougeTokens(s.text));
      const sets = tokens.map((t) => new Set(t));
      const weights = similarityGraph(sets, (i, j) => overlapSimilarity(sets[i]!, sets[j]!, tokens[i]!.length, tokens[j]!.length));
      const rank = pageRank(weights, spans.length);
      const order = spans.map((_, i) => i).sort((a, b) => (rank[b] as number) - (rank[a] as number) || a - b);
      return order
        .slice(0, Math.max(1, sentences))
        .sort((a, b) => a - b)
        .map((i) => spans[i]!.text);
    },
  };
}
