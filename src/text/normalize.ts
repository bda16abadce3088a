import { StemmerAr } from '@nlpjs/lang-ar';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerRu } from '@nlpjs/lang-ru';

export type TextLang = 'ar' | 'ru' | 'en';

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

// Characters every step below leaves alone but lower-casing: ASCII, basic Cyrillic without й/Й, and
// Arabic letters that need no folding (no hamza carriers, ة, ى, tatweel, marks or digits). Nothing
// composes or decomposes among them, so text made only of them just needs lower-casing.
const NEEDS_FOLDING = /[^\t\n\r\u0020-\u007f\u0410-\u0418\u041a-\u0438\u043a-\u044f\u0621\u0627\u0628\u062a-\u063a\u0641-\u0648\u064a]/;
const ARABIC_BLOCK = /[\u0600-\u06FF]/;

/** Folds what readers type inconsistently: Arabic letter variants and marks, ё, case, Latin accents. */
export function normalize(text: string): string {
  // Most words (and many calls are for one word) need none of the dozen passes below.
  if (!NEEDS_FOLDING.test(text)) return text.toLowerCase();
  let out = text.normalize('NFKC');
  // Every Arabic fold below only touches U+0600–U+06FF: text without that block skips them.
  if (ARABIC_BLOCK.test(out)) {
    out = out
      .replace(ARABIC_MARKS, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي')
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  }
  return out
    .toLowerCase()
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Words of a normalized or raw text, in order. */
export function tokenize(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

/** Words of text that `normalize` already folded: `tokenize` without normalizing twice. */
export function wordsOfNormalized(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

export function scriptOf(word: string): TextLang {
  if (/[\u0600-\u06FF]/.test(word)) return 'ar';
  if (/[\u0400-\u04FF]/.test(word)) return 'ru';
  return 'en';
}

// Longest first, so "وال" wins over "و". Each needs a stem of at least three letters left.
const AR_PREFIXES = ['وبال', 'وكال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ك', 'ل'];

/** Strips the proclitics و ف ب ك ل and the article ال that Arabic writes joined to the word. */
export function stripArabicClitics(word: string): string {
  for (const p of AR_PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) return word.slice(p.length);
  }
  return word;
}

// nlp.js's stemmers are generated from the Snowball sources like snowball-stemmers' were, and give the
// same stems (checked on every distinct word of the evaluation corpus), three times faster: cold stems
// were a tenth of ingest's CPU time.
const stemmers = { ar: new StemmerAr(), ru: new StemmerRu(), en: new StemmerEn() };
const snowball = (stemmer: StemmerAr | StemmerRu | StemmerEn, word: string): string => {
  stemmer.setCurrent(word);
  stemmer.innerStem();
  return stemmer.getCurrent();
};

function stemUncached(word: string): string {
  const lang = scriptOf(word);
  if (lang === 'ar') return normalize(snowball(stemmers.ar, stripArabicClitics(word)));
  if (/^\d+$/.test(word)) return word;
  return snowball(stemmers[lang], word);
}

// Every distinct normalized word gets a small integer id, so each classifier keeps what it derives
// from a word (its stem, region keys, topic entry) in an array indexed by id instead of a map of its
// own: one hash lookup a word for the whole ingest pipeline, where four lookups were a quarter of it.
// Ids stay valid until trimVocabulary() drops the table (only between texts, never inside one); the
// generation number tells byWordId() arrays to drop their values then too.
const VOCABULARY_LIMIT = 200_000;
const wordIdMap = new Map<string, number>();
const vocabulary: string[] = [];
const stemsById: Array<string | undefined> = [];
let generation = 0;

/** Starts a new vocabulary when the current one has outgrown its bound; call before taking ids for a text. */
export function trimVocabulary(limit = VOCABULARY_LIMIT): void {
  if (vocabulary.length < limit) return;
  wordIdMap.clear();
  vocabulary.length = 0;
  stemsById.length = 0;
  generation++;
}

/**
 * What a classifier derives from a word (keys, trie entries, term ids), kept in an array by word id so
 * a word costs an array read. Emptied whenever ids are reassigned (see trimVocabulary), or by `clear`.
 */
export function byWordId<T>(derive: (id: number) => T): { get(id: number): T; clear(): void } {
  let values: Array<T | undefined> = [];
  let valuesGeneration = generation;
  return {
    get(id) {
      if (valuesGeneration !== generation) {
        valuesGeneration = generation;
        values = [];
      }
      let value = values[id];
      if (value === undefined) value = values[id] = derive(id);
      return value;
    },
    clear() {
      values = [];
    },
  };
}

/** The id of a normalized word, assigning one when it is new. */
export function wordId(word: string): number {
  let id = wordIdMap.get(word);
  if (id === undefined) {
    id = vocabulary.length;
    wordIdMap.set(word, id);
    vocabulary.push(word);
  }
  return id;
}

export function wordIds(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = wordId(words[i] as string);
  return out;
}

export function wordOf(id: number): string {
  return vocabulary[id] ?? '';
}

export function stemOf(id: number): string {
  let out = stemsById[id];
  if (out === undefined) out = stemsById[id] = stemUncached(wordOf(id));
  return out;
}

/**
 * The words of title and text as `tokenize` gives them, with their vocabulary ids (`wordIds`), when the
 * caller already has them: the classifiers then neither tokenize nor look words up again.
 */
export interface WordsInput {
  titleWords?: readonly string[];
  textWords?: readonly string[];
  titleIds?: Int32Array;
  textIds?: Int32Array;
}

/** Stems a normalized word with the Snowball stemmer of its script (the word decides, not the article). */
export function stem(word: string): string {
  const id = wordIdMap.get(word);
  if (id !== undefined) return stemOf(id);
  // A word outside any article's text (a query, a lexicon term) joins the table only while it has room.
  if (vocabulary.length >= VOCABULARY_LIMIT) return stemUncached(word);
  return stemOf(wordId(word));
}

/** Normalized, stemmed terms of a text: the unit of matching, similarity and search. */
export function terms(text: string): string[] {
  return tokenize(text).map(stem);
}
