import { normalize, wordIds, wordsOfNormalized } from '../text/normalize.ts';
import { splitSentences, type Span } from './sentences.ts';

/**
 * An article's sentences as the summarizer reads them: split, normalized in one pass, with their
 * words and vocabulary ids. When the sentences cover every word of the text (they do unless the
 * splitter left something out), their words are also the text's words, so ingest tokenizes, and looks
 * up, each word of an article once for the summary, the classifiers and the search index together.
 */
export interface SentenceWords {
  spans: readonly Span[];
  /** Normalized sentence texts, one per span (per span up to `maxLines`). */
  lines: readonly string[];
  words: ReadonlyArray<readonly string[]>;
  ids: readonly Int32Array[];
  /** No word of the text lies outside the sentences: their words, in order, are `tokenize(text)`. */
  coversText: boolean;
}

const WORDY = /[\p{L}\p{N}]/u;

/**
 * Ids come from `wordIds`: a caller starting a new text calls `trimVocabulary()` first. With `maxLines`,
 * every sentence is split but only the first ones are normalized and tokenized.
 */
export function sentenceWords(text: string, lang: string, maxLines = Infinity): SentenceWords {
  const spans = splitSentences(text, lang);
  const read = spans.length > maxLines ? spans.slice(0, maxLines) : spans;
  const lines = read.length === 0 ? [] : normalize(read.map((s) => s.text.replace(/[\r\n]/g, ' ')).join('\n')).split('\n');
  const words = lines.map(wordsOfNormalized);
  let coversText = lines.length === spans.length;
  let at = 0;
  for (const span of spans) {
    if (!coversText) break;
    coversText = !WORDY.test(text.slice(at, span.start));
    at = span.end;
  }
  coversText &&= !WORDY.test(text.slice(at));
  return { spans, lines, words, ids: words.map(wordIds), coversText };
}

/** The words and ids of all sentences, in order. */
export function joinedWords(sentences: SentenceWords): { words: string[]; ids: Int32Array } {
  const ids = new Int32Array(sentences.ids.reduce((n, line) => n + line.length, 0));
  let at = 0;
  for (const line of sentences.ids) {
    ids.set(line, at);
    at += line.length;
  }
  return { words: sentences.words.flat(), ids };
}
