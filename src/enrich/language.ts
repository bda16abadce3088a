// The smallest eld data set, preloaded by a static import: detection stays synchronous, the data loads
// once per process (~0.25 s, ~37 MB), and eld is only asked about texts whose script is shared by
// several languages. Its instance is used read-only (no subset), so sharing it is safe.
import { eld } from 'eld/extrasmall';

/**
 * Language of an article. Script statistics decide first (Arabic, Cyrillic and Latin letters are
 * unambiguous evidence, and cheap to count); the n-gram detector only separates languages that share
 * a script (English from French, Russian from Ukrainian); the feed's declared language only breaks
 * near-ties, because feeds mislabel items (an English wire story in an Arabic feed).
 */

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when the text has no letters. */
  lang: string;
  /** 0..1: share of letters in the winning script, discounted for short or ambiguous text. */
  confidence: number;
}

export interface LanguageDetectorOptions {
  /** Characters looked at; articles do not change language halfway, and the budget is per article. */
  sampleChars?: number;
  /** Characters given to the n-gram model, which costs far more per character than counting. */
  ngramChars?: number;
  /** Letters below which the guess is discounted and a compatible hint wins. */
  shortText?: number;
}

export interface LanguageDetector {
  detect(text: string, hint?: string | null): LanguageGuess;
}

type Script = 'latin' | 'cyrillic' | 'arabic' | 'greek' | 'hebrew' | 'armenian' | 'georgian' | 'hangul'
  | 'kana' | 'han' | 'thai' | 'devanagari' | 'bengali' | 'tamil' | 'ethiopic' | 'other';

// Scripts written by (practically) one language among those eld knows.
const SINGLE: Partial<Record<Script, string>> = {
  greek: 'el', hebrew: 'he', armenian: 'hy', georgian: 'ka', hangul: 'ko', kana: 'ja', han: 'zh',
  thai: 'th', bengali: 'bn', tamil: 'ta', ethiopic: 'am',
};
const SCRIPT_OF_LANG: Record<string, Script> = {
  ar: 'arabic', fa: 'arabic', ur: 'arabic', ku: 'arabic', ru: 'cyrillic', uk: 'cyrillic', be: 'cyrillic',
  bg: 'cyrillic', sr: 'cyrillic', mk: 'cyrillic', kk: 'cyrillic', hi: 'devanagari', mr: 'devanagari',
};
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk']);

function scriptOfCode(c: number): Script | null {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 'latin';
  if (c < 0xc0) return null;
  if (c <= 0x24f) return c === 0xd7 || c === 0xf7 ? null : 'latin';
  if (c >= 0x400 && c <= 0x52f) return 'cyrillic';
  if (c >= 0x600 && c <= 0x6ff) {
    // Arabic punctuation and digits are not letters: "١٢٣؟" says nothing about the language.
    if (c === 0x60c || c === 0x61b || c === 0x61f || c === 0x640 || c === 0x6d4) return null;
    if ((c >= 0x660 && c <= 0x66d) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x64b && c <= 0x65f)) return null;
    return 'arabic';
  }
  if ((c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) return 'arabic';
  if (c >= 0x370 && c <= 0x3ff) return 'greek';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if (c >= 0x530 && c <= 0x58f) return 'armenian';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (c >= 0x980 && c <= 0x9ff) return 'bengali';
  if (c >= 0xb80 && c <= 0xbff) return 'tamil';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if (c >= 0x10a0 && c <= 0x10ff) return 'georgian';
  if (c >= 0x1200 && c <= 0x137f) return 'ethiopic';
  if (c >= 0x1e00 && c <= 0x1eff) return 'latin';
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xac00 && c <= 0xd7af)) return 'hangul';
  if (c >= 0x3040 && c <= 0x30ff) return 'kana';
  if (c >= 0x4e00 && c <= 0x9fff) return 'han';
  return /\p{L}/u.test(String.fromCharCode(c)) ? 'other' : null;
}

const count = (text: string, letters: RegExp): number => text.match(letters)?.length ?? 0;

/** ar, fa or ur from letters each of them writes differently (Persian keheh and yeh, Urdu's retroflexes). */
function arabicScriptLanguage(sample: string): string {
  const arabic = count(sample, /[كيةى]/g);
  const persian = count(sample, /[کیپچژگ]/g);
  if (persian <= arabic) return 'ar';
  return count(sample, /[ٹڈڑںےہھ]/g) * 4 > persian ? 'ur' : 'fa';
}

function ngramScores(sample: string, chars: number): Array<[string, number]> {
  const scores = eld.detect(sample.length > chars ? sample.slice(0, chars) : sample).getScores();
  return Object.entries(scores).sort((a, b) => b[1] - a[1]);
}

function cyrillicLanguage(sample: string, ngramChars: number): string {
  const russian = count(sample, /[ыэЫЭ]/g);
  if (/[ђјљњћџЂЈЉЊЋЏ]/.test(sample)) return 'sr';
  if (count(sample, /[әғқңөұүһӘҒҚҢӨҰҮҺ]/g) > 1) return 'kk';
  if (/[ўЎ]/.test(sample) && /[іІ]/.test(sample)) return 'be';
  if (/[їєґЇЄҐ]/.test(sample) || (count(sample, /[іІ]/g) > 1 && russian === 0)) return 'uk';
  if (russian > 0) return 'ru';
  const best = ngramScores(sample, ngramChars).find(([l]) => CYRILLIC_LANGS.has(l));
  return best ? best[0] : 'ru';
}

// Function words that make up a fifth of any English news text and are rare in other Latin-script
// languages: enough to skip the n-gram model for the commonest case.
const ENGLISH = new Set(
  'the of and to is that for was with he it his have has are be said were this not but they had who been which their from by its would'.split(' '),
);

function looksEnglish(sample: string): boolean {
  const words = sample.slice(0, 600).toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 12) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH.has(w)) hits++;
  return hits / words.length >= 0.18;
}

export function createLanguageDetector(options: LanguageDetectorOptions = {}): LanguageDetector {
  const sampleChars = options.sampleChars ?? 1000;
  const ngramChars = options.ngramChars ?? 400;
  const shortText = options.shortText ?? 40;

  return {
    detect(text: string, hint?: string | null): LanguageGuess {
      const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
      const counts = new Map<Script, number>();
      let letters = 0;
      for (let i = 0; i < sample.length; i++) {
        const script = scriptOfCode(sample.charCodeAt(i));
        if (script === null) continue;
        counts.set(script, (counts.get(script) ?? 0) + 1);
        letters++;
      }
      if (letters === 0) return { lang: 'und', confidence: 0 };
      let script: Script = 'other';
      let top = 0;
      for (const [s, n] of counts) {
        if (n > top) {
          top = n;
          script = s;
        }
      }
      // Japanese mixes kana with kanji; any real share of kana makes it Japanese.
      if (script === 'han' && (counts.get('kana') ?? 0) > letters * 0.1) script = 'kana';
      const share = top / letters;
      const lengthFactor = Math.min(1, letters / shortText);
      const h = hint ? hint.toLowerCase().slice(0, 2) : null;
      const hintFits = h !== null && (SCRIPT_OF_LANG[h] ?? 'latin') === script;
      // Too little text to argue with the feed, as long as the feed's language uses this script.
      if (hintFits && letters < shortText / 2 && h !== null && SINGLE[script] === undefined) {
        return { lang: h, confidence: share * lengthFactor };
      }

      const single = SINGLE[script];
      if (single) return { lang: single, confidence: share * lengthFactor };
      if (script === 'arabic') return { lang: arabicScriptLanguage(sample), confidence: share * lengthFactor };
      if (script === 'cyrillic') return { lang: cyrillicLanguage(sample, ngramChars), confidence: share * lengthFactor };

      if (script === 'latin' && share > 0.9 && looksEnglish(sample)) return { lang: 'en', confidence: share * lengthFactor };
      // Latin, Devanagari and the rest: the n-gram model, with the hint deciding near-ties.
      const ranked = ngramScores(sample, ngramChars).filter(([l]) => (SCRIPT_OF_LANG[l] ?? 'latin') === script || script === 'other');
      const [first, second] = ranked;
      if (!first) return { lang: h && hintFits ? h : 'und', confidence: share * lengthFactor * 0.3 };
      const margin = second ? (first[1] - second[1]) / first[1] : 1;
      let lang = first[0];
      if (hintFits && h !== lang) {
        const hinted = ranked.find(([l]) => l === h);
        if (hinted && (first[1] - hinted[1]) / first[1] < 0.05) lang = h;
      }
      return { lang, confidence: share * lengthFactor * Math.min(1, 0.5 + 2 * margin) };
    },
  };
}

const shared = createLanguageDetector();

/** `createLanguageDetector().detect` with default options. */
export function detectLanguage(text: string, hint?: string | null): LanguageGuess {
  return shared.detect(text, hint);
}
