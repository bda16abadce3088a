import { TOPIC_IDS, type TopicId } from '../taxonomy/index.ts';
import { byWordId, stem, stemOf, tokenize, wordOf, type WordsInput } from '../text/normalize.ts';
import { compileLexicon, TIER_WEIGHTS, unigramOf, type CompiledLexicon, type LexiconNode } from './topic-lexicon/compile.ts';

export { TOPIC_IDS, type TopicId };

export interface TopicScore {
  id: TopicId;
  score: number;
}

export interface TopicInput extends WordsInput {
  title: string;
  text: string;
  lang: string;
  /** Feed categories or section names, e.g. "Sport", "Экономика", "اقتصاد". */
  categories?: string[];
}

/** One lexicon term found in an article and what it added to each topic's raw evidence. */
export interface TopicEvidence {
  key: string;
  where: 'title' | 'text' | 'category';
  count: number;
  adds: Partial<Record<TopicId, number>>;
}

export interface TopicClassifier {
  classify(input: TopicInput): TopicScore[];
  /** The lexicon terms behind a classification, for tuning and for answering "why this topic?". */
  explain(input: TopicInput): TopicEvidence[];
}

export interface TopicClassifierOptions {
  /** How many topics an article may be filed under at most. */
  maxTopics?: number;
}

// A headline states the subject; the body wanders into background, so a title mention counts 2.5 times.
const TITLE_WEIGHT = 2.5;
// An editor's section name is close to a label, so it outweighs a few body mentions but not a whole body.
const CATEGORY_WEIGHT = 8;
// Below this raw evidence (one decisive body term, or one strong title term) nothing is filed.
const MIN_EVIDENCE = 3;
// Secondary topics must carry a fair share of the main topic's evidence, or every article gets them all.
const SECONDARY_SHARE = 0.5;
// Evidence at which confidence reaches one half; keeps scores in (0, 1) with more evidence → higher.
const HALF_CONFIDENCE = 4;
// Stemming costs microseconds a word, so each distinct raw word is resolved once; the cache is dropped
// whole when it grows past this, which a news stream reaches only after days of new names.
const WORD_CACHE_LIMIT = 200_000;
// A result such as "3-1", "2:0" or "85-52" is how sport is reported in every language, and no word says
// it. The guards keep out years ("2004-05"), times ("21:15") and fractions.
const SCORELINE = /(?<![\d.,:/-])(?:\d{1,3}[-–]\d{1,3}|\d:\d)(?![\d.,:/%-])/g;

/** A word of the text as the matcher sees it: its stem for phrases, and what it means on its own. */
interface Token {
  stem: string;
  /** The trie entry for the stem, where phrases start. */
  start: LexiconNode | undefined;
  unigram: LexiconNode | undefined;
}

let compiled: CompiledLexicon | undefined;
let wordChars: Uint8Array | undefined;

/** 1 for each UTF-16 code unit that can be part of a word: letters, marks, digits, apostrophes, surrogates. */
function buildWordChars(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const wordy = /[\p{L}\p{M}\p{N}'’]/u;
  for (let code = 0; code < 0x10000; code++) {
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    if (surrogate || wordy.test(String.fromCharCode(code))) table[code] = 1;
  }
  return table;
}

const SCORELINE_NODE: LexiconNode = {
  key: '‹score›',
  weights: [[TOPIC_IDS.indexOf('sports'), TIER_WEIGHTS[2] ?? 0]],
};

/** Counts lexicon terms in a run of tokens, longest phrase first, so "central bank" is not also "bank". */
function countTerms(tokens: readonly Token[], counts: Map<LexiconNode, number>) {
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    let node = token.start;
    let matched = token.unigram;
    let length = 1;
    for (let j = i + 1; node?.next !== undefined && j < tokens.length; j++) {
      node = node.next.get((tokens[j] as Token).stem);
      if (node?.weights) {
        matched = node;
        length = j - i + 1;
      }
    }
    if (matched) counts.set(matched, (counts.get(matched) ?? 0) + 1);
    i += length;
  }
}

export function createTopicClassifier(options: TopicClassifierOptions = {}): TopicClassifier {
  const maxTopics = options.maxTopics ?? 3;
  compiled ??= compileLexicon();
  wordChars ??= buildWordChars();
  const lexicon = compiled;
  const WORD_CHAR = wordChars;
  const cache = new Map<string, readonly Token[]>();
  const tokenFor = (word: string, wordStem: string): Token => ({
    stem: wordStem,
    start: lexicon.root.get(wordStem),
    unigram: unigramOf(word, wordStem, lexicon),
  });
  // Tokens by vocabulary id, for callers that pass words already tokenized (see WordsInput).
  const tokensById = byWordId((id) => tokenFor(wordOf(id), stemOf(id)));
  const tokensOfIds = (ids: Int32Array): Token[] => {
    const out = new Array<Token>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = tokensById.get(ids[i] as number);
    return out;
  };

  /** Same words as `tokenize(text)`, but each distinct raw word is normalized, stemmed and looked up once. */
  const tokensOf = (text: string): Token[] => {
    const out: Token[] = [];
    // A table scan rather than a regex: this loop is the classifier's hot path, and match objects cost
    // more than the matching. Apostrophes stay inside the raw word; tokenize() sorts them out once.
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && WORD_CHAR[text.charCodeAt(i)] === 1) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      const raw = text.slice(start, i);
      start = -1;
      let tokens = cache.get(raw);
      if (tokens === undefined) {
        if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
        tokens = tokenize(raw).map((word) => tokenFor(word, stem(word)));
        cache.set(raw, tokens);
      }
      if (tokens.length === 1) out.push(tokens[0] as Token);
      else out.push(...tokens);
    }
    return out;
  };

  const factorOf = (where: TopicEvidence['where'], n: number): number => {
    if (where === 'title') return TITLE_WEIGHT;
    if (where === 'category') return CATEGORY_WEIGHT;
    // Sublinear in repetitions: an article that says "money" ten times is not ten times about money.
    return 1 + Math.log(n);
  };

  /** Calls `add` once per distinct term and place, with how often the term occurs there. */
  const scan = (input: TopicInput, add: (where: TopicEvidence['where'], node: LexiconNode, n: number) => void) => {
    const places: Array<[TopicEvidence['where'], readonly string[], Int32Array | undefined]> = [
      ['title', [input.title], input.titleIds],
      ['text', [input.text], input.textIds],
      ['category', input.categories ?? [], undefined],
    ];
    for (const [where, texts, ids] of places) {
      const counts = new Map<LexiconNode, number>();
      for (const t of texts) {
        countTerms(ids ? tokensOfIds(ids) : tokensOf(t), counts);
        const scores = t.match(SCORELINE)?.length ?? 0;
        if (scores > 0) counts.set(SCORELINE_NODE, (counts.get(SCORELINE_NODE) ?? 0) + scores);
      }
      for (const [node, n] of counts) add(where, node, n);
    }
  };

  return {
    classify(input) {
      const raw = new Float64Array(TOPIC_IDS.length);
      scan(input, (where, node, n) => {
        const factor = factorOf(where, n);
        const weights = node.weights ?? [];
        for (let k = 0; k < weights.length; k++) {
          const [topic, weight] = weights[k] as readonly [number, number];
          raw[topic] = (raw[topic] ?? 0) + weight * factor;
        }
      });

      let top = 0;
      for (const value of raw) top = Math.max(top, value);
      if (top < MIN_EVIDENCE) return [];
      const confidence = top / (top + HALF_CONFIDENCE);
      const result: TopicScore[] = [];
      raw.forEach((value, index) => {
        const id = TOPIC_IDS[index];
        if (id !== undefined && value >= MIN_EVIDENCE && value >= SECONDARY_SHARE * top) {
          result.push({ id, score: (confidence * value) / top });
        }
      });
      return result.sort((a, b) => b.score - a.score).slice(0, maxTopics);
    },

    explain(input) {
      const found: TopicEvidence[] = [];
      scan(input, (where, node, count) => {
        const factor = factorOf(where, count);
        const adds: TopicEvidence['adds'] = {};
        for (const [topic, weight] of node.weights ?? []) {
          const id = TOPIC_IDS[topic];
          if (id !== undefined) adds[id] = weight * factor;
        }
        found.push({ key: node.key, where, count, adds });
      });
      return found;
    },
  };
}
