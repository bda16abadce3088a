import { normalize } from './normalize.ts';

/**
 * Consonant skeletons of names, comparable across Latin, Cyrillic and Arabic script: "Rahmon",
 * "Рахмон" and "رحمون" all give "RHMN"; "Dushanbe", "Душанбе" and "دوشنبه" give "TXNB".
 *
 * Hand-written rather than taken from npm: the transliteration packages there (any-ascii,
 * @sindresorhus/transliterate, transliteration) romanize one character at a time into Latin digraphs,
 * and this needs the opposite, many spellings folded into one key: Arabic writes no short vowels, so
 * vowels go everywhere; Arabic و is a consonant only at the start of a word; Russian х, Latin kh and
 * h, and Arabic ح خ ه are one sound class; and Russian -ов/-ев surnames end in ف in Arabic. Parsing a
 * library's digraphs back would cost more code than the three letter tables below.
 *
 * Classes (one capital letter each): B b/p, F f/v/w, G g/j/zh/gh, H h/kh, K k/q/c, L, M, N, R,
 * S s/z, T t/d (Arabic writes Tashkent طشقند with a d), X sh/ch. Merging more would pair unrelated
 * names; merging less would miss the usual spellings (Mirziyoyev, Мирзиёев, ميرضيائيف).
 */

/** Skeletons shorter than this match too many unrelated words to count as a name. */
export const MIN_SKELETON = 3;

const LATIN: Readonly<Record<string, string>> = {
  b: 'B', p: 'B', f: 'F', v: 'F', w: 'F', g: 'G', j: 'G', h: 'H', k: 'K', q: 'K', c: 'K',
  l: 'L', m: 'M', n: 'N', r: 'R', s: 'S', z: 'S', t: 'T', d: 'T', x: 'KS',
};
// Longest first: "dzh" before "zh", "tch" before "ch".
const LATIN_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['dzh', 'G'], ['tch', 'X'], ['sch', 'X'],
  ['sh', 'X'], ['ch', 'X'], ['zh', 'G'], ['kh', 'H'], ['gh', 'G'], ['ph', 'F'], ['th', 'T'], ['dh', 'T'], ['dj', 'G'], ['ck', 'K'],
];
const DIGRAPH_START = new Set(LATIN_GROUPS.map(([g]) => g[0] as string));
const LATIN_SOFT_C = /^[eiy]/;
const LATIN_VOWEL = /^[aeiouy]/;
const CYRILLIC_VOWEL = /^[аеиоуыэюяь]/;

const CYRILLIC: Readonly<Record<string, string>> = {
  б: 'B', п: 'B', в: 'F', ф: 'F', г: 'G', ж: 'G', х: 'H', к: 'K', л: 'L', м: 'M', н: 'N', р: 'R',
  с: 'S', з: 'S', ц: 'TS', т: 'T', д: 'T', ч: 'X', ш: 'X', щ: 'X',
};

// After normalize(): أ إ آ folded into ا, ى into ي, ة into ه, ؤ into و, ئ into ي. ا ي ع ء carry vowels
// or glottal stops that Latin and Cyrillic spellings leave out, so they map to nothing.
const ARABIC: Readonly<Record<string, string>> = {
  ب: 'B', پ: 'B', ف: 'F', ڤ: 'F', ج: 'G', غ: 'G', گ: 'G', ژ: 'G', ح: 'H', خ: 'H', ه: 'H', ق: 'K', ك: 'K',
  ل: 'L', م: 'M', ن: 'N', ر: 'R', س: 'S', ص: 'S', ز: 'S', ث: 'S', ت: 'T', ط: 'T', د: 'T', ذ: 'T', ظ: 'T',
  ض: 'T', ش: 'X', چ: 'X',
};

type Script = 'latin' | 'cyrillic' | 'arabic' | 'other';

function scriptOfWord(word: string): Script {
  const c = word.charCodeAt(0);
  if (c >= 0x0600 && c <= 0x06ff) return 'arabic';
  if (c >= 0x0400 && c <= 0x04ff) return 'cyrillic';
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 'latin';
  return 'other';
}

function latinClasses(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const group = DIGRAPH_START.has(word[i] as string) ? LATIN_GROUPS.find(([g]) => word.startsWith(g, i)) : undefined;
    if (group) {
      out += group[1];
      i += group[0].length;
      continue;
    }
    const ch = word[i] as string;
    // Arabic writes ng before a consonant as ن alone: Washington, واشنطن.
    if (ch === 'g' && word[i - 1] === 'n' && !LATIN_VOWEL.test(word[i + 1] ?? '')) {
      i++;
      continue;
    }
    out += ch === 'c' && LATIN_SOFT_C.test(word.slice(i + 1)) ? 'S' : (LATIN[ch] ?? '');
    i++;
  }
  return out;
}

function cyrillicClasses(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    // дж is one sound, Latin j and Arabic ج.
    if (ch === 'д' && word[i + 1] === 'ж') continue;
    if (ch === 'г' && word[i - 1] === 'н' && !CYRILLIC_VOWEL.test(word[i + 1] ?? '')) continue;
    out += CYRILLIC[ch] ?? '';
  }
  return out;
}

function arabicClasses(word: string, dadAsZ: boolean): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (ch === 'و') {
      // A consonant (w, v) only where no vowel can be: at the start of the word.
      if (i === 0) out += 'F';
      continue;
    }
    // تش spells a foreign ch, as in ماخاتشكالا.
    if (ch === 'ت' && word[i + 1] === 'ش') continue;
    out += ch === 'ض' && dadAsZ ? 'S' : (ARABIC[ch] ?? '');
  }
  return out;
}

function squeeze(classes: string): string {
  let out = '';
  for (const c of classes) if (out[out.length - 1] !== c) out += c;
  // A final h is a vowel ending in every script: Abdullah, Абдулла, عبدالله; Karabakh, Карабах, كاراباخ.
  return out.endsWith('H') ? out.slice(0, -1) : out;
}

/**
 * The skeleton of one normalized word (lower case, as `normalize` gives it); '' for other scripts.
 * Arabic ض spells both Arabic d and a foreign z (رمضان Ramzan, ميرضيائيف Mirziyoyev): see `skeletons`.
 */
export function skeleton(word: string): string {
  switch (scriptOfWord(word)) {
    case 'latin':
      return squeeze(latinClasses(word));
    case 'cyrillic':
      return squeeze(cyrillicClasses(word));
    case 'arabic':
      return squeeze(arabicClasses(word, false));
    default:
      return '';
  }
}

/** Every skeleton a word may stand for: one, or two for an Arabic word with ض. */
export function skeletons(word: string): string[] {
  const first = skeleton(word);
  if (!word.includes('ض')) return first ? [first] : [];
  const second = squeeze(arabicClasses(word, true));
  return [...new Set([first, second])].filter((s) => s !== '');
}

// Finding the names of a text: Latin and Cyrillic mark them with capitals; Arabic does not, so every
// word of an Arabic text is offered, read with and without the clitics it carries.

// Capitalised in English for grammar or office, not because they name someone; months are dates.
const EN_NOT_NAMES = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october ' +
    'november december president minister ministry prime deputy foreign interior chairman speaker governor mayor king prince emir ' +
    'sheikh state national federal central republic region district city province government parliament council committee agency ' +
    'authority bank court union forum international company corporation mr mrs ms dr the').split(' '),
);
// Endings that add a consonant to a declined name (Рахмоном, Мирзиёевым); vowel endings drop out anyway.
const RU_CASE_ENDINGS = ['ами', 'ями', 'ом', 'ем', 'ым', 'им', 'ой', 'ей', 'ою', 'ею', 'ах', 'ях', 'ам', 'ям'];
const RU_ADJECTIVE = /^(.{3,}?)(?:ск|цк)(?:ий|ая|ое|ой|ого|ому|ом|ую|ие|их|им|ими)$/;
const AR_PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];
const NAME_WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?/gu;
const SENTENCE_END = '.!?…\n';
const LEADING_PUNCTUATION = ' \t\u00a0"\'«»“”„(';

/** Skeletons of a word's forms long enough to tell a name. */
export const keysOfForms = (forms: readonly string[]): string[] =>
  [...new Set(forms.flatMap(skeletons))].filter((k) => k.length >= MIN_SKELETON);

/** A Russian name's stem as well as the word: Хатлонской → хатлон, Рахмоном → рахмон. */
function russianForms(word: string): string[] {
  const forms = [word];
  const adjective = RU_ADJECTIVE.exec(word);
  if (adjective?.[1]) forms.push(adjective[1]);
  const ending = RU_CASE_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 3);
  if (ending) forms.push(word.slice(0, -ending.length));
  return forms;
}

/** The readings of an Arabic word with a joined proclitic or the article taken off (وبوتين → بوتين). */
export function arabicReadings(word: string): string[] {
  const forms = new Set([word]);
  for (const p of AR_PROCLITICS) if (word.startsWith(p) && word.length - p.length >= 3) forms.add(word.slice(p.length));
  // Both readings stay: ألماتي and إلهام fold to a leading ال too.
  for (const f of [...forms]) if ((f.startsWith('ال') || f.startsWith('لل')) && f.length >= 5) forms.add(f.slice(2));
  return [...forms];
}

/** What a capitalised word names, if it may name someone: its normalized forms and their skeletons. */
export function nameOfWord(raw: string): { forms: string[]; keys: string[] } | undefined {
  const word = normalize(raw).replace(/['’]s?$/, '');
  if (EN_NOT_NAMES.has(word)) return undefined;
  const forms = /[а-я]/.test(word) ? russianForms(word) : [word];
  const keys = keysOfForms(forms);
  return keys.length > 0 ? { forms, keys } : undefined;
}

function isTitleCase(title: string): boolean {
  const long = title.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length > 0.6;
}

const isCapital = (word: string) => word[0] !== word[0]?.toLowerCase();

/** Whether the word at `index` opens a sentence: nothing but spaces, quotes or a bracket since its end. */
function opensSentence(source: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && LEADING_PUNCTUATION.includes(source[i] as string)) i--;
  return i < 0 || SENTENCE_END.includes(source[i] as string);
}

/** Capitalised words of a Latin or Cyrillic text, as written, that do not merely open a sentence. */
export function capitalisedNames(title: string, text: string): string[] {
  // An English headline in title case capitalises every word; its names come again in the text.
  const source = isTitleCase(title) ? text : `${title}\n${text}`;
  const words = [...source.matchAll(NAME_WORD)];
  const out: string[] = [];
  words.forEach((m, n) => {
    if (!isCapital(m[0])) return;
    // A sentence may open with a name: "Vladimir Putin" goes on capitalised, "Police detained" does not.
    const next = words[n + 1];
    if (opensSentence(source, m.index) && !(next && isCapital(next[0]) && !opensSentence(source, next.index))) return;
    out.push(m[0]);
  });
  return out;
}

/** Every skeleton the words of a normalized Arabic text may stand for; `keysOfWord` may cache. */
export function arabicTextKeys(words: readonly string[], keysOfWord: (word: string) => readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // في، من، عن: two letters never spell three consonants.
    if (word.length < MIN_SKELETON) continue;
    for (const k of keysOfWord(word)) keys.add(k);
    // عبد الكريم is one name, Abdulkerim, written as two words.
    const next = word === 'عبد' || word === 'وعبد' ? words[i + 1] : undefined;
    if (next) for (const k of keysOfForms([`عبد${next}`])) keys.add(k);
  }
  return keys;
}
