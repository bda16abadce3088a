/**
 * The text of a breaking item: parsing what the admin typed and the message every subscriber gets.
 * Pure; the preview and the dispatch both call formatBreaking, so the admin sees exactly what goes out.
 */
import type { Translate } from '../i18n.ts';

/** Leaves room under Telegram's 4096 for the label (and, in the preview, the admin's header). */
export const BREAKING_MAX_CHARS = 3500;

export interface BreakingInput {
  /** "REGION TOPIC" words before the bar; empty means every region and topic. */
  targetText: string;
  text: string;
}

/** `[REGION] [TOPIC] | TEXT`; without a bar everything is the text, for every subscriber (the preview shows that). */
export function splitBreakingInput(payload: string): BreakingInput {
  const bar = payload.indexOf('|');
  if (bar < 0) return { targetText: '', text: cleanBreakingText(payload) };
  return { targetText: payload.slice(0, bar).trim(), text: cleanBreakingText(payload.slice(bar + 1)) };
}

/**
 * Keeps the admin's lines but drops what Telegram refuses or what would break the layout:
 * control characters, stray bidi overrides (they would flip the label too), lone surrogates.
 */
export function cleanBreakingText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ' '))
    .replace(/[^\S\n]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type TextCheck = { ok: true } | { ok: false; reason: 'empty' } | { ok: false; reason: 'too_long'; length: number; max: number };

export function checkBreakingText(text: string): TextCheck {
  if (text.length === 0) return { ok: false, reason: 'empty' };
  if (text.length > BREAKING_MAX_CHARS) return { ok: false, reason: 'too_long', length: text.length, max: BREAKING_MAX_CHARS };
  return { ok: true };
}

/** Telegram HTML in the reader's language; the translator escapes the text, so markup in it arrives as text. */
export function formatBreaking(t: Translate, text: string): string {
  return t('admin.breaking.message', { label: t('digest.breaking_label'), text });
}

/** A title for search results and digests: the first line, cut at a word. */
export function breakingTitle(text: string, max = 160): string {
  const first = (text.split('\n')[0] ?? '').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
