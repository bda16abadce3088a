import snowball from 'snowball-stemmers';

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

const stemmers = {
  ar: snowball.newStemmer('arabic'),
  ru: snowball.newStemmer('russian'),
  en: snowball.newStemmer('english'),
};

function stemUncached(word: string): string {
  const lang = scriptOf(word);
  if (lang === 'ar') return normalize(stemmers.ar.stem(stripArabicClitics(word)));
  if (/^\d+$/.test(word)) return word;
  return stemmers[lang].stem(word);
}

// News reuses a small vocabulary and Snowball costs microseconds a word: remember recent stems.
// Dropped wholesale when full, which keeps the bound without per-entry bookkeeping.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

/** Stems a normalized word with the Snowball stemmer of its script (the word decides, not the article). */
export function stem(word: string): string {
  let out = stemCache.get(word);
  if (out === undefined) {
    out = stemUncached(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, out);
  }
  return out;
}

/** Normalized, stemmed terms of a text: the unit of matching, similarity and search. */
export function terms(text: string): string[] {
  return tokenize(text).map(stem);
}
