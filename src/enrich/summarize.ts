import { byWordId, stemOf, tokenize, trimVocabulary, wordIds, wordOf } from '../text/normalize.ts';
import { sentenceWords, type SentenceWords } from './sentence-words.ts';
import type { Span } from './sentences.ts';
import {
  centroidSimilarity,
  pageRank,
  scaled,
  sharedCounts,
  type TermVector,
} from './summary-graph.ts';
import { DATELINE, DATELINE_ONLY, isBoilerplate, isCaption, summaryStopwords } from './summary-lexicon.ts';

export interface SummaryInput {
  text: string;
  title?: string;
  lang: string;
  /** Sentences wanted; 3 by default. */
  sentences?: number;
  /**
   * The text's sentences and the title's word ids when the caller already has them (ingest does):
   * `sentenceWords(text)` over the whole text and `wordIds(tokenize(title))`.
   */
  prepared?: { sentences: SentenceWords; titleIds: Int32Array };
}

export interface Summarizer {
  /** 1..N sentences copied verbatim from `text`, in their original order; [] for empty text. */
  summarize(input: SummaryInput): string[];
}

/** Weights are on features scaled to 0..1; the defaults were tuned on the corpus's dev half. */
export interface ExtractiveOptions {
  /** Default summary length when the input does not ask. */
  sentences?: number;
  /** Only the first sentences compete: news is lead-heavy and the graph is quadratic. */
  maxCandidates?: number;
  /** LexRank: PageRank over cosine similarity of stemmed content terms. */
  centrality?: number;
  /** Cosine similarity with the term frequencies of the rest of the article. */
  centroid?: number;
  /** Lead prior 1 / (1 + i / positionScale). */
  position?: number;
  positionScale?: number;
  /**
   * The lead prior fades as the summary covers more of the article (weight × (1 − coverageFade·k/n)):
   * a summary of 40% of an article has to go past the lead, one of 10% should not.
   */
  coverageFade?: number;
  /** Share of the title's terms in the sentence. */
  title?: number;
  /** Length prior: rises to 1 at `fullWords`, then loses `overlong` per doubling. */
  length?: number;
  fullWords?: number;
  overlong?: number;
  /** Sentences shorter than this many words compete only when nothing else is left. */
  minWords?: number;
  /** Penalties for photo captions and for sentences without final punctuation (headings, captions). */
  caption?: number;
  unterminated?: number;
  /** MMR trade-off between score and redundancy with the sentences already chosen (1 ignores it). */
  lambda?: number;
  /** A candidate at least this similar (cosine) to a chosen sentence restates it and is skipped. */
  duplicate?: number;
  /** Return sentences without "MOSCOW, Jan 5 (Reuters) -" style prefixes (still verbatim substrings). */
  trimDatelines?: boolean;
}

const DEFAULTS: Required<ExtractiveOptions> = {
  sentences: 3,
  maxCandidates: 40,
  centrality: 0.5,
  centroid: 0.5,
  position: 3,
  positionScale: 1,
  coverageFade: 1.5,
  title: 0.7,
  length: 0.3,
  fullWords: 25,
  overlong: 0.3,
  minWords: 5,
  caption: 0.5,
  unterminated: 0.6,
  lambda: 0.7,
  duplicate: 0.6,
  trimDatelines: true,
};

// Languages with stopwords and stemmers. Others get their lead: without them the graph would rank
// function words, and the lead is the safest excerpt of a news story.
export const SUMMARIZED_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'ru', 'en']);
// Only this much text is split: candidates come from the top of the article anyway.
const MAX_CHARS = 30_000;

interface Candidate extends TermVector {
  span: Span;
  index: number;
  words: number;
  junk: boolean;
  caption: boolean;
  /** No final punctuation: a heading, a caption or a fragment of one. */
  open: boolean;
}

/** A verbatim suffix of the sentence without its dateline, unless that would leave too little. */
function withoutDateline(sentence: string): string {
  const m = DATELINE.exec(sentence);
  if (!m || m[0].length === 0) return sentence;
  const rest = sentence.slice(m[0].length);
  return rest.split(/\s+/).length >= 4 ? rest : sentence;
}

const TERMINATED = /[.!?؟۔…]["'”’»)\]]*$/u;

/**
 * The product summarizer: LexRank and centroid centrality over stemmed content terms, a lead prior
 * that fades for long summaries, title overlap, a length prior, boilerplate filtering (bylines,
 * credits, datelines, "Read more", captions), then MMR against redundancy. Languages other than
 * ar/ru/en get their lead sentences (see SUMMARIZED_LANGUAGES).
 */
export function createExtractiveSummarizer(options: ExtractiveOptions = {}): Summarizer {
  const o = { ...DEFAULTS, ...options };
  const stop = summaryStopwords();
  // Word id → id of its stem (-1 for stopwords and stray letters); stems are numbered densely for
  // the per-article arrays.
  const stemIds = new Map<string, number>();
  let localOf = new Int32Array(0);
  let stampOf = new Int32Array(0);
  let article = 0;
  const termById = byWordId((id): number => {
    const w = wordOf(id);
    if (stop.has(w) || (w.length < 2 && !/\d/.test(w))) return -1;
    const t = stemOf(id);
    let term = stemIds.get(t);
    if (term === undefined) stemIds.set(t, (term = stemIds.size));
    return term;
  });

  /** Candidates with per-article term ids, from normalized sentence lines and their word ids. */
  const prepare = (
    spans: readonly Span[],
    lines: readonly string[],
    lineIds: readonly Int32Array[],
    titleIds: Int32Array,
  ): { pool: Candidate[]; title: Int32Array; vocabulary: number } => {
    if (stemIds.size > 200_000) {
      stemIds.clear(); // news vocabulary is open-ended
      termById.clear();
      stampOf.fill(0);
    }
    // Global stem id → per-article dense id, through a reusable array stamped with the article number.
    article++;
    if (localOf.length < stemIds.size + 1) {
      localOf = new Int32Array(2 * (stemIds.size + 1024));
      stampOf = new Int32Array(localOf.length);
    }
    let vocabulary = 0;
    const idsOf = (words: Int32Array): { all: Int32Array; ids: Int32Array; words: number } => {
      const all: number[] = [];
      for (const word of words) {
        const global = termById.get(word);
        if (global < 0) continue;
        if (global >= localOf.length) {
          const grown = new Int32Array(2 * global + 1024);
          grown.set(localOf);
          localOf = grown;
          const stamps = new Int32Array(grown.length);
          stamps.set(stampOf);
          stampOf = stamps;
        }
        if (stampOf[global] !== article) {
          stampOf[global] = article;
          localOf[global] = vocabulary++;
        }
        all.push(localOf[global] as number);
      }
      const sorted = Int32Array.from(all).sort();
      let distinct = 0;
      for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i] as number;
      return { all: Int32Array.from(all), ids: sorted.slice(0, distinct), words: words.length };
    };
    const title = idsOf(titleIds).ids;
    const pool = spans.map((span, index) => {
      const line = lines[index] ?? '';
      const { all, ids, words } = idsOf(lineIds[index] ?? new Int32Array(0));
      const junk = words < 3 || isBoilerplate(line, words) || DATELINE_ONLY.test(span.text);
      return { span, index, ids, all, words, junk, caption: isCaption(line), open: !TERMINATED.test(span.text) };
    });
    return { pool, title, vocabulary };
  };

  return {
    summarize(input: SummaryInput): string[] {
      const k = Math.max(1, Math.floor(input.sentences ?? o.sentences));
      const cut = input.text.length > MAX_CHARS;
      let sentences = input.prepared?.sentences;
      let titleWordIds = input.prepared?.titleIds;
      if (!sentences || !titleWordIds) {
        trimVocabulary();
        sentences = sentenceWords(cut ? input.text.slice(0, MAX_CHARS) : input.text, input.lang, o.maxCandidates);
        titleWordIds = wordIds(tokenize(input.title ?? ''));
      }
      let spans = sentences.spans;
      if (input.prepared && cut) spans = spans.filter((s) => s.end <= MAX_CHARS);
      else if (cut && spans.length > 1) spans = spans.slice(0, -1); // cut mid-sentence
      if (spans.length === 0) return [];
      const finish = (chosen: readonly Span[]): string[] =>
        chosen.map((s) => (o.trimDatelines ? withoutDateline(s.text) : s.text));
      if (!SUMMARIZED_LANGUAGES.has(input.lang)) return finish(spans.slice(0, k));

      const prepared = prepare(spans.slice(0, o.maxCandidates), sentences.lines, sentences.ids, titleWordIds);
      const usable = prepared.pool.filter((c) => !c.junk && c.words >= o.minWords);
      const pool = usable.length > 0 ? usable : prepared.pool;
      if (pool.length <= k) return finish(pool.map((c) => c.span));

      const n = pool.length;
      const counts = sharedCounts(pool, prepared.vocabulary);
      const cosines = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const size = pool[i]!.ids.length * pool[j]!.ids.length;
          if (i !== j && size > 0) cosines[i * n + j] = (counts[i * n + j] as number) / Math.sqrt(size);
        }
      }
      const lexRank = scaled(pageRank(cosines, n, 30));
      const centroid = scaled(centroidSimilarity(pool, prepared.vocabulary));
      const titleIds = new Set(prepared.title);
      const positionWeight = o.position * Math.max(0, 1 - (o.coverageFade * k) / n);
      const score = pool.map((c, i) => {
        const position = 1 / (1 + c.index / o.positionScale);
        let title = 0;
        if (titleIds.size > 0) {
          for (const id of c.ids) if (titleIds.has(id)) title++;
          title /= titleIds.size;
        }
        const length = Math.min(1, c.words / o.fullWords) - o.overlong * Math.max(0, Math.log2(c.words / o.fullWords));
        const penalty = (c.caption ? o.caption : 0) + (c.open ? o.unterminated : 0);
        return (
          o.centrality * (lexRank[i] as number) + o.centroid * (centroid[i] as number) + positionWeight * position +
          o.title * title + o.length * length - penalty
        );
      });

      // Maximal marginal relevance: each pick trades its score against overlap with earlier picks.
      const chosen: number[] = [];
      const redundancy = new Float64Array(n);
      const taken = new Uint8Array(n);
      while (chosen.length < k) {
        let best = -1;
        let bestValue = -Infinity;
        for (let i = 0; i < n; i++) {
          if (taken[i] || (chosen.length > 0 && (redundancy[i] as number) >= o.duplicate)) continue;
          const value = o.lambda * (score[i] as number) - (1 - o.lambda) * (redundancy[i] as number);
          if (value > bestValue) {
            bestValue = value;
            best = i;
          }
        }
        if (best < 0) break;
        chosen.push(best);
        taken[best] = 1;
        for (let i = 0; i < n; i++) redundancy[i] = Math.max(redundancy[i] as number, cosines[best * n + i] as number);
      }
      return finish(chosen.sort((a, b) => a - b).map((i) => pool[i]!.span));
    },
  };
}
