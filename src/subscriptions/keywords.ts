/**
 * Keyword filters of a subscription: `+word` must appear in a story, `-word` must not. Kept as the
 * reader typed them (for display) and matched on normalized stems, so «воды» finds «вода» and
 * «المياه» finds «مياه»; a phrase matches as consecutive stems.
 */
import { stem, tokenize } from '../text/normalize.ts';

/** Enough for a real filter; a pasted word list is a mistake, and every word costs matching time. */
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD_LENGTH = 50;

export interface Keywords {
  include: string[];
  exclude: string[];
}

export type KeywordProblem =
  | { problem: 'unclosed_quote' | 'empty' | 'no_words' | 'mixed_script' | 'conflict'; input: string }
  | { problem: 'too_long'; input: string; max: number }
  | { problem: 'too_many'; max: number; count: number };

export type KeywordResult<T> = ({ ok: true } & T) | ({ ok: false } & KeywordProblem);

// "−" and "–" as well as "-": phones and copied text turn one into the other.
const SIGNS: Record<string, 'include' | 'exclude'> = { '+': 'include', '-': 'exclude', '−': 'exclude', '–': 'exclude' };
const OPENING_QUOTES = new Set(['"', '“', '«', '„', '”']);
const CLOSING_QUOTES = /["“”»]/g;
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u];

interface Term {
  side: 'include' | 'exclude';
  text: string;
  /** What the reader typed, sign and quotes included, for error messages. */
  raw: string;
}

/**
 * Takes the +/- terms out of command arguments. Words without a sign are the rest (the region
 * and topic) when `unsigned` is 'target', or more `+` terms when the whole text is keywords
 * (a reply to the keyword prompt). A sign standing alone ("Tajikistan - security") is no keyword.
 */
export function parseKeywords(input: string, unsigned: 'target' | 'include'): KeywordResult<{ keywords: Keywords; rest: string }> {
  const terms: Term[] = [];
  const rest: string[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i] as string)) i++;
    if (i >= input.length) break;
    const start = i;
    const sign = SIGNS[input[i] as string];
    if (sign) i++;
    let text: string;
    if (OPENING_QUOTES.has(input[i] as string) && (sign || unsigned === 'include')) {
      CLOSING_QUOTES.lastIndex = i + 1;
      const close = CLOSING_QUOTES.exec(input);
      if (!close) return { ok: false, problem: 'unclosed_quote', input: input.slice(start, start + 60) };
      text = input.slice(i + 1, close.index);
      i = close.index + 1;
      if (text.trim() === '') return { ok: false, problem: 'empty', input: input.slice(start, i) };
    } else {
      const end = input.slice(i).search(/\s/);
      i = end < 0 ? input.length : i + end;
      text = input.slice(start + (sign ? 1 : 0), i);
    }
    const raw = input.slice(start, i);
    // In a reply that is all keywords, a lone sign can only be a keyword left out.
    if (sign && text.length === 0 && unsigned === 'include') return { ok: false, problem: 'empty', input: raw };
    if (sign && text.length > 0) terms.push({ side: sign, text, raw });
    else if (unsigned === 'include' && !sign) terms.push({ side: 'include', text, raw });
    else rest.push(raw);
  }
  if (terms.length > MAX_KEYWORDS) return { ok: false, problem: 'too_many', max: MAX_KEYWORDS, count: terms.length };
  const keywords: Keywords = { include: [], exclude: [] };
  const sideOf = new Map<string, 'include' | 'exclude'>();
  for (const term of terms) {
    const checked = checkTerm(term);
    if (!checked.ok) return checked;
    const known = sideOf.get(checked.key);
    if (known && known !== term.side) return { ok: false, problem: 'conflict', input: checked.word };
    if (known) continue;
    sideOf.set(checked.key, term.side);
    keywords[term.side].push(checked.word);
  }
  return { ok: true, keywords, rest: rest.join(' ') };
}

function checkTerm(term: Term): KeywordResult<{ word: string; key: string }> {
  // Commas become spaces: "+water," is "water", and no stored keyword holds the list separator.
  const word = term.text.replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
  const input = term.raw.slice(0, 60);
  if (word.length === 0) return { ok: false, problem: 'empty', input };
  if (word.length > MAX_KEYWORD_LENGTH) return { ok: false, problem: 'too_long', input, max: MAX_KEYWORD_LENGTH };
  const tokens = tokenize(word);
  if (tokens.length === 0) return { ok: false, problem: 'no_words', input };
  // "waterماء" is one token to the tokenizer and a stem no article has: surely two words run together.
  if (tokens.some((t) => SCRIPTS.filter((script) => script.test(t)).length > 1)) return { ok: false, problem: 'mixed_script', input };
  return { ok: true, word, key: tokens.map(stem).join(' ') };
}

/** The identity of a keyword: its stems, so "Water" and "waters" are one keyword. */
export function keywordKey(word: string): string {
  return tokenize(word).map(stem).join(' ');
}

/** Adds keywords to a subscription's, refusing a word both wanted and excluded and a total over the limit. */
export function mergeKeywords(base: Keywords, added: Keywords): KeywordResult<{ keywords: Keywords; added: number }> {
  const sideOf = new Map<string, 'include' | 'exclude'>();
  for (const side of ['include', 'exclude'] as const) for (const w of base[side]) sideOf.set(keywordKey(w), side);
  const keywords: Keywords = { include: [...base.include], exclude: [...base.exclude] };
  let count = 0;
  for (const side of ['include', 'exclude'] as const) {
    for (const word of added[side]) {
      const key = keywordKey(word);
      const known = sideOf.get(key);
      if (known && known !== side) return { ok: false, problem: 'conflict', input: word };
      if (known) continue;
      sideOf.set(key, side);
      keywords[side].push(word);
      count++;
    }
  }
  const total = keywords.include.length + keywords.exclude.length;
  if (total > MAX_KEYWORDS) return { ok: false, problem: 'too_many', max: MAX_KEYWORDS, count: total };
  return { ok: true, keywords, added: count };
}

/** "+water" or '+"drinking water"'; the minus sign is U+2212, which reads better than a hyphen. */
export function formatKeyword(side: 'include' | 'exclude', word: string): string {
  return `${side === 'include' ? '+' : '−'}${/\s/.test(word) ? `"${word}"` : word}`;
}

export function keywordTerms(keywords: Keywords): string[] {
  return [...keywords.include.map((w) => formatKeyword('include', w)), ...keywords.exclude.map((w) => formatKeyword('exclude', w))];
}

/** A subscription's keywords as the stem sequences matching uses; a keyword of no words matches nothing and is dropped. */
export function compileKeywords(words: readonly string[]): string[][] {
  return words.map((w) => tokenize(w).map(stem)).filter((stems) => stems.length > 0);
}

/** Every version of a story as stems: a set for single words, and runs (title, each summary sentence) for phrases. */
export interface StoryStems {
  stems: Set<string>;
  runs: string[][];
}

export function storyStems(versions: ReadonlyArray<{ title: string; summary: readonly string[] }>): StoryStems {
  const stems = new Set<string>();
  const runs: string[][] = [];
  for (const v of versions) {
    for (const text of [v.title, ...v.summary]) {
      const run = tokenize(text).map(stem);
      for (const s of run) stems.add(s);
      runs.push(run);
    }
  }
  return { stems, runs };
}

export function storyHas(story: StoryStems, term: readonly string[]): boolean {
  if (!term.every((s) => story.stems.has(s))) return false;
  if (term.length === 1) return true;
  return story.runs.some((run) => {
    for (let at = 0; at + term.length <= run.length; at++) {
      let k = 0;
      while (k < term.length && run[at + k] === term[k]) k++;
      if (k === term.length) return true;
    }
    return false;
  });
}
