/**
 * Sentence and paragraph splitting for news text in Arabic, Russian and English (and, roughly, any
 * other language written with spaces). Every span is a verbatim, trimmed slice of the input, so the
 * summarizer can quote sentences without rewriting them and callers can highlight them by offset.
 */

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface SplitOptions {
  /**
   * Longest sentence kept whole. Longer runs (text without punctuation, lists glued by commas) are
   * cut at the last comma or space before the limit, so that nothing downstream sees a 500 KB
   * "sentence".
   */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 1500;

// Abbreviations that precede a name or a number and practically never end a sentence.
const NEVER_FINAL = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Cmdr',
  'Adm', 'Maj', 'Rev', 'Hon', 'Pres', 'Supt', 'Insp', 'Det', 'St', 'Mt', 'Ft', 'Messrs', 'Fr', 'vs',
  'Vs', 'No', 'Nos', 'Nr', 'Art', 'Fig', 'Vol', 'vol', 'pp', 'cf', 'approx', 'ca', 'Sq',
  'им', 'ул', 'пр', 'просп', 'пер', 'пл', 'наб', 'акад', 'проф', 'доц', 'ген', 'св', 'тов', 'гр',
  'ср', 'напр', 'ок', 'т', 'н', 'тел',
  'د', 'أ', 'ص', 'ج',
]);

// Abbreviations that often sit mid-sentence but can also close one ("... at 5 p.m. The police ...").
const AMBIGUOUS = new Set([
  'Inc', 'Corp', 'Ltd', 'Co', 'Bros', 'Jr', 'Sr', 'etc', 'al', 'Ave', 'Blvd', 'Rd', 'Dept', 'Univ',
  'Govt', 'Assn', 'est', 'Rs', 'min', 'max', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep',
  'Sept', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  'г', 'гг', 'млн', 'млрд', 'трлн', 'тыс', 'руб', 'коп', 'долл', 'др', 'чел', 'мин', 'сек', 'ч',
  'км', 'см', 'кг', 'в', 'вв', 'обл', 'кв', 'стр', 'с', 'д', 'п', 'е', 'к', 'янв', 'фев', 'февр',
  'апр', 'авг', 'сент', 'окт', 'нояб', 'дек', 'хв',
  'هـ', 'ق', 'م',
]);

// Capitalized words that start English sentences far more often than they follow "U.S." or "Inc.".
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Or', 'So', 'He', 'She', 'It', 'They', 'We', 'I',
  'You', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'This', 'That', 'These', 'Those', 'There', 'Here',
  'When', 'While', 'After', 'Before', 'As', 'If', 'Although', 'However', 'Meanwhile', 'Some', 'Many',
  'Most', 'Others', 'One', 'Last', 'Earlier', 'Later', 'According', 'What', 'Why', 'How', 'Who',
  'Where', 'Now', 'Then', 'Still', 'Yet', 'Also', 'Both', 'Such', 'Since', 'Because', 'Despite',
  'During', 'For', 'From', 'With', 'By', 'Under', 'All', 'Each', 'Every', 'Officials', 'Police',
]);

const TERMINATOR = /[.!?؟۔…]+/;
const CLOSERS = /^[.!?؟۔…"'”’»›)\]}]+/;
const OPENERS = /^[\s"'“„«‹([{¿¡—–-]+/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const ARABIC = /\p{Script=Arabic}/u;
const WORDISH = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const DASH = /[—–-]/;
const TOKEN_START = /[\s"'“„«‹([{]/u;

/**
 * Paragraph spans. A blank line always separates paragraphs; a single line break does too, except
 * when the next line starts in lower case after a line without final punctuation: that is a wrapped
 * sentence (common in scraped copy), not a new paragraph. Headlines without a full stop therefore
 * still stand alone.
 */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = text.indexOf('\n');
  while (i !== -1) {
    const before = text.slice(Math.max(start, i - 24), i).trimEnd();
    const after = /^[ \t\r]*(\S)/.exec(text.slice(i + 1, i + 16));
    const blank = after === null || /^[ \t\r]*\n/.test(text.slice(i + 1, i + 16));
    if (blank || !isWrapped(before, after[1] as string)) {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
    }
    i = text.indexOf('\n', i + 1);
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

// Words a sentence cannot end on: a line ending with one was wrapped mid-sentence.
const DANGLING = new Set([
  'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'as',
  'that', 'than', 'is', 'are', 'was', 'were', 'his', 'her', 'their', 'its', 'our', 'my', 'your',
  'и', 'в', 'во', 'на', 'с', 'со', 'к', 'по', 'о', 'об', 'от', 'до', 'из', 'за', 'для', 'что', 'как', 'а', 'но',
  'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'أن', 'ان', 'إن', 'التي', 'الذي', 'و',
]);

/**
 * Whether a single line break is a wrap inside a sentence rather than a paragraph break: the next
 * line starts in lower case, or the line ends on a comma, a hyphen, a possessive or a function word.
 * Headlines without a full stop end on none of these, so they still stand alone.
 */
function isWrapped(before: string, nextChar: string): boolean {
  if (before === '' || /[.!?؟۔…»"”]$/.test(before)) return false;
  if (LOWER.test(nextChar)) return true;
  if (/[,،;؛:\-–—(]$/.test(before) || /['’]s$/.test(before)) return true;
  const last = /[\p{L}]+$/u.exec(before);
  return last !== null && DANGLING.has(last[0].toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e <= s) return;
  const slice = text.slice(s, e);
  if (!WORDISH.test(slice)) return;
  out.push({ text: slice, start: s, end: e });
}

/** The word just before a full stop, without opening punctuation: "(U.S." gives "U.S". */
function wordBefore(text: string, dot: number, floor: number): string {
  let s = dot;
  while (s > floor && !TOKEN_START.test(text[s - 1] as string)) s--;
  return text.slice(s, dot);
}

/** Whether the word before `dot`'s word is a number: "2014 г." is a year, "г. Москва" a city. */
function afterNumber(text: string, dot: number, floor: number): boolean {
  let s = dot;
  while (s > floor && !TOKEN_START.test(text[s - 1] as string)) s--;
  const before = text.slice(Math.max(floor, s - 12), s).trimEnd();
  return /\d[\d–—-]*$/.test(before);
}

function nextWord(text: string, from: number, limit: number): { word: string; afterDash: boolean } {
  const rest = text.slice(from, Math.min(limit, from + 40));
  const open = OPENERS.exec(rest);
  const skipped = open ? open[0] : '';
  const m = /^[\p{L}\p{N}]+/u.exec(rest.slice(skipped.length));
  return { word: m ? m[0] : '', afterDash: DASH.test(skipped) };
}

type Decision = 'split' | 'keep';

/** Whether a full stop after `prev` ends the sentence, given the next word. */
function periodDecision(prev: string, next: string, paragraphStart: boolean, yearLike: boolean): Decision {
  const first = next[0] ?? '';
  if (prev === '') return 'split';
  if ((prev === 'г' || prev === 'гг') && !yearLike) return 'keep';
  // List numbering at the start of a paragraph: "1. First item".
  if (paragraphStart && /^\d{1,2}$/.test(prev)) return 'keep';
  if (NEVER_FINAL.has(prev)) return 'keep';
  // Initials: "В. В. Путин", "George W. Bush".
  if (prev.length === 1 && UPPER.test(prev)) return 'keep';
  const dotted = prev.includes('.') && prev.split('.').every((p) => p.length <= 2 && p.length > 0);
  if (dotted || AMBIGUOUS.has(prev) || (prev.length === 1 && LOWER.test(prev))) {
    if (DIGIT.test(first)) return 'keep';
    if (/\p{Script=Cyrillic}/u.test(prev) || /\p{Script=Cyrillic}/u.test(first)) {
      return UPPER.test(first) ? 'split' : 'keep';
    }
    if (ARABIC.test(prev)) return 'split';
    return SENTENCE_STARTERS.has(next) ? 'split' : 'keep';
  }
  return 'split';
}

/** Sentences of one paragraph; works on the paragraph's own text so that a scan never runs past it. */
function splitParagraph(para: Span, out: Span[]): void {
  const text = para.text;
  const end = text.length;
  const local: Span[] = [];
  let sentenceStart = 0;
  const terminators = new RegExp(TERMINATOR.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = terminators.exec(text)) !== null) {
    const mark = m[0];
    const at = m.index;
    const closers = CLOSERS.exec(text.slice(at, at + 12));
    const after = at + (closers ? closers[0].length : mark.length);
    terminators.lastIndex = after;
    if (after >= end) break;
    let decision: Decision;
    if (!/\s/.test(text[after] as string)) {
      decision = glued(text, at, mark, after, sentenceStart);
    } else {
      let k = after;
      while (k < end && /\s/.test(text[k] as string)) k++;
      const { word, afterDash } = nextWord(text, k, end);
      const first = word[0] ?? text[k] ?? '';
      if (LOWER.test(first)) decision = 'keep';
      else if (afterDash && word === '') decision = 'keep';
      else if (mark === '.') {
        const prev = wordBefore(text, at, sentenceStart);
        const listItem = sentenceStart === 0 && at < 4;
        decision = periodDecision(prev, word, listItem, afterNumber(text, at, sentenceStart));
      } else if (mark === '..' && (ARABIC.test(first) || ARABIC.test(text[at - 1] ?? ''))) {
        decision = 'keep'; // Arabic copy uses ".." like a dash inside a sentence
      } else decision = 'split';
    }
    if (decision === 'split') {
      pushTrimmed(text, sentenceStart, after, local);
      sentenceStart = after;
    }
  }
  pushTrimmed(text, sentenceStart, end, local);
  for (const s of local) out.push({ text: s.text, start: s.start + para.start, end: s.end + para.start });
}

/** A terminator with no space after it: "said.The" ends a sentence, "3.5", "U.S." and "bayt.com" don't. */
function glued(text: string, at: number, mark: string, after: number, floor: number): Decision {
  const prev = text[at - 1] ?? '';
  const next = text[after] ?? '';
  const next2 = text[after + 1] ?? '';
  if (ARABIC.test(next) && mark !== '.' && !mark.startsWith('.')) return 'split';
  if (after > at + mark.length && (UPPER.test(next) || ARABIC.test(next))) return 'split'; // '."The'
  if (mark.length !== 1 || !LOWER.test(prev) || !UPPER.test(next) || !LOWER.test(next2)) return 'keep';
  const word = wordBefore(text, at, floor);
  return word.length >= 3 && !word.includes('.') && !word.includes('/') ? 'split' : 'keep';
}

/** Cuts an over-long span at the last comma (or space) before the limit, repeatedly. */
function capLength(text: string, span: Span, maxLength: number, out: Span[]): void {
  let s = span.start;
  while (span.end - s > maxLength) {
    const window = text.slice(s, s + maxLength);
    let cut = Math.max(window.lastIndexOf('، '), window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf('؛ '));
    if (cut < maxLength / 2) cut = window.lastIndexOf(' ');
    let end = cut > maxLength / 4 ? s + cut + 1 : s + maxLength;
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--; // never split a surrogate pair
    pushTrimmed(text, s, end, out);
    s = end;
  }
  pushTrimmed(text, s, span.end, out);
}

/**
 * Sentences of a text, in order, each `{ text, start, end }` with `text === input.slice(start, end)`.
 * `lang` is accepted for symmetry with the rest of the pipeline; the rules key on each character's
 * script instead, because articles mix scripts (Latin names in Arabic copy, Cyrillic quotes in English).
 */
export function splitSentences(text: string, _lang: string, options: SplitOptions = {}): Span[] {
  const maxLength = Math.max(20, options.maxLength ?? DEFAULT_MAX_LENGTH);
  const sentences: Span[] = [];
  for (const para of splitParagraphs(text)) {
    const raw: Span[] = [];
    splitParagraph(para, raw);
    for (const s of raw) {
      if (s.end - s.start > maxLength) capLength(text, s, maxLength, sentences);
      else sentences.push(s);
    }
  }
  return sentences;
}
