import { stemOf, tokenize, trimVocabulary, wordIds, type WordsInput } from '../text/normalize.ts';
import { contentHash, dedupKey, simhash } from './fingerprint.ts';
import { detectLanguage } from './language.ts';
import { joinedWords, sentenceWords } from './sentence-words.ts';
import type { Signature, Signer } from './cross-lingual.ts';
import { SUMMARIZED_LANGUAGES, type Summarizer } from './summarize.ts';

/** A region or topic id with the classifier's confidence. */
export interface Scored {
  id: string;
  score: number;
}

/** Enrichment done elsewhere (worker threads) for a batch, in the batch's order. */
export interface BatchEnricher {
  enrich(items: Array<{ raw: RawArticle; id: Identified }>): Promise<Array<Enrichment | { error: string }>>;
}

/** What any source hands in: a feed item, a page, a JSONL line, an admin's breaking item. */
export interface RawArticle {
  url?: string | undefined;
  guid?: string | undefined;
  title: string;
  text: string;
  lang?: string | undefined;
  publishedAt?: number | undefined;
  sourceId?: number | undefined;
  sourceName?: string | undefined;
  categories?: string[] | undefined;
  alternates?: Array<{ lang: string; url: string }> | undefined;
  isBreaking?: boolean | undefined;
}

export interface Classifiers {
  summarizer: Summarizer;
  topics: { classify(input: WordsInput & { title: string; text: string; lang: string; categories?: string[] }): Array<{ id: string; score: number }> };
  /** `titleWords`/`textWords`, when given, are `tokenize(title)`/`tokenize(text)`, so a detector need not tokenize again. */
  regions: { detect(input: WordsInput & { title: string; text: string; lang?: string }): Scored[] };
  /** Signs an article for pairing language versions (cross-lingual.ts); here, it runs on the worker threads. */
  signer?: Signer;
}

/** The identity of an article, cheap to compute: enough to skip what is already stored. */
export interface Identified {
  title: string;
  text: string;
  key: string;
  hash: string;
}

/** Everything the CPU-heavy half of ingest finds out; plain data, so a worker thread can return it. */
export interface Enrichment extends Identified {
  lang: string;
  summary: string[];
  regions: Scored[];
  topics: Scored[];
  /** Stemmed terms as the search index stores them: one string each, cheap to hand between threads. */
  searchTitle: string;
  searchBody: string;
  /** How many words the body has, so near-duplicate detection can skip texts too short to judge. */
  bodyTermCount: number;
  simhash: string;
  /** What survives translation, to find this event's versions in other languages; publishedAt as the feed gave it. */
  signature?: Signature;
}

export { SUMMARIZED_LANGUAGES };
/** Longer texts are cut at a paragraph: no news article needs more, and it bounds the work per item. */
export const MAX_TEXT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 1_000;

export class ArticleRejected extends Error {
  override readonly name = 'ArticleRejected';
}

/** Feeds fill an empty title with a placeholder; such a title names nothing a reader could pick. */
const PLACEHOLDER_TITLE = /^[\s\p{P}\p{S}]*(?:untitled|no title|без названия|без заголовка|بدون عنوان|بلا عنوان)[\s\p{P}\p{S}]*$/iu;

/** A title worth showing: it has a letter or digit, and is neither a placeholder nor a bare link. */
export function isUsableTitle(title: string): boolean {
  return /[\p{L}\p{N}]/u.test(title) && !PLACEHOLDER_TITLE.test(title) && !/^(?:https?:\/\/|www\.)\S*$/i.test(title);
}

/** The link a message may carry: an absolute http(s) URL, or none (an empty href is a broken link). */
export function articleLink(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  try {
    const parsed = new URL(trimmed);
    // As given, not re-serialized: stored links stay the ones the feed published.
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

export function identify(raw: RawArticle): Identified {
  let title = raw.title.replace(/\s+/g, ' ').trim();
  let text = raw.text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  if (!title && !text) throw new ArticleRejected('no title and no text');
  // Text of only dots or dashes says no more than none: with no title either, nothing could stand for the item.
  if (!/[\p{L}\p{N}]/u.test(text) && !isUsableTitle(title)) throw new ArticleRejected(`no text and no usable title (${JSON.stringify(title.slice(0, 80))})`);
  if (text.length > MAX_TEXT_CHARS) {
    const cut = text.lastIndexOf('\n\n', MAX_TEXT_CHARS);
    text = text.slice(0, cut > MAX_TEXT_CHARS / 2 ? cut : MAX_TEXT_CHARS);
  }
  // A text-only item gets its first line as title, so digests and search have something to show.
  if (!isUsableTitle(title)) title = (text.split('\n')[0] ?? '').slice(0, 200);
  if (title.length > MAX_TITLE_CHARS) title = `${title.slice(0, MAX_TITLE_CHARS)}…`;
  return { title, text, key: dedupKey({ url: raw.url, guid: raw.guid, title, text }), hash: contentHash(title, text) };
}

/** Language, summary, regions, topics, search terms and fingerprint of one article. */
export function enrich(raw: RawArticle, id: Identified, classifiers: Classifiers): Enrichment {
  const { title, text } = id;
  const { lang } = detectLanguage(`${title}\n${text.slice(0, 4000)}`, raw.lang);
  // Normalized and tokenized once: the search terms and the region detector share the words.
  trimVocabulary();
  const titleWords = tokenize(title);
  const titleIds = wordIds(titleWords);
  const summarized = SUMMARIZED_LANGUAGES.has(lang) && text.length > 0;
  // The summarizer's sentences, when they hold every word, are the text's words: tokenized once.
  const sentences = summarized ? sentenceWords(text, lang) : undefined;
  const body = sentences?.coversText ? joinedWords(sentences) : undefined;
  const textWords = body?.words ?? tokenize(text);
  const textIds = body?.ids ?? wordIds(textWords);
  const words = { titleWords, textWords, titleIds, textIds };
  const titleTerms = Array.from(titleIds, stemOf);
  const bodyTerms = Array.from(textIds, stemOf);
  const regions = classifiers.regions.detect({ title, text, lang, ...words });
  return {
    ...id,
    lang,
    summary: sentences ? classifiers.summarizer.summarize({ text, title, lang, sentences: 3, prepared: { sentences, titleIds } }) : [],
    regions,
    topics: classifiers.topics.classify({ title, text, lang, categories: raw.categories ?? [], ...words }),
    searchTitle: titleTerms.join(' '),
    searchBody: bodyTerms.join(' '),
    bodyTermCount: bodyTerms.length,
    simhash: simhash(bodyTerms.length > 0 ? bodyTerms : titleTerms),
    ...(classifiers.signer ? { signature: classifiers.signer({ title, text, lang, publishedAt: raw.publishedAt ?? 0, regions }) } : {}),
  };
}
