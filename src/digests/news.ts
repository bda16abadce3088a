/**
 * Whether a story the chat already had has gained material news since: pure. Material is what a
 * reader would call news rather than a rewrite: a source that had not carried the story, a language
 * version it did not have, or, in the newest article, a number or a name that no earlier version in
 * that language gave (a new casualty figure, a new official named, a new place).
 */
import type { CandidateArticle } from './compose.ts';

const facts = new WeakMap<CandidateArticle, ReadonlySet<string>>();

// Arabic-Indic and Persian digits read as ASCII, so "١٢٠" and "120" are one number.
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const digit = (d: string) => String((d.codePointAt(0) as number) & 0xf);
const NUMBER = /\d+(?:[.,]\d+)*/g;
// A capitalised Latin or Cyrillic word not opening a sentence: a name in English and Russian text.
const NAME = /(?<![.!?]\s|^)(?<=\s|["«(])[A-ZА-ЯЁ][\p{L}'’-]{2,}/gu;

/** Numbers (two digits or more, separators dropped), names, and region ids of an article's title and summary. */
export function factsOf(article: CandidateArticle): ReadonlySet<string> {
  const known = facts.get(article);
  if (known) return known;
  const text = `${article.title}. ${article.summary.join(' ')}`.replace(DIGITS, digit);
  const set = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const n = m[0].replace(/[.,]/g, '');
    if (n.length >= 2) set.add(`#${n}`);
  }
  for (const m of text.matchAll(NAME)) set.add(`@${m[0].toLowerCase()}`);
  for (const r of article.regions) set.add(`^${r.id}`);
  facts.set(article, set);
  return set;
}

/** True when versions first seen after `since` bring a new source, a new language, or new facts. */
export function hasNewsSince(versions: readonly CandidateArticle[], since: number): boolean {
  let newest: CandidateArticle | undefined;
  const sources = new Set<string>();
  const langs = new Set<string>();
  for (const a of versions) {
    if (a.firstSeenAt > since) {
      if (!newest || a.firstSeenAt > newest.firstSeenAt) newest = a;
    } else {
      if (a.sourceName) sources.add(a.sourceName);
      langs.add(a.lang);
    }
  }
  if (!newest) return false;
  for (const a of versions) {
    if (a.firstSeenAt <= since) continue;
    if ((a.sourceName && !sources.has(a.sourceName)) || !langs.has(a.lang)) return true;
  }
  // Same sources, same languages: only new facts in the newest article make it news. Compared with
  // the earlier versions in its own language, since names are spelled per script.
  const known = new Set<string>();
  for (const a of versions) if (a.firstSeenAt <= since && a.lang === newest.lang) for (const f of factsOf(a)) known.add(f);
  for (const f of factsOf(newest)) if (!known.has(f)) return true;
  return false;
}
