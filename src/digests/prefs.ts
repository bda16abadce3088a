/**
 * A chat's reading preferences as one signature string (what the roster keeps per chat) and back:
 * the many chats that share defaults share one parse.
 */
import type { Locale } from '../config.ts';
import { parseReadingLanguages, type Frequency, type OtherLanguages } from '../subscriptions/chats.ts';
import type { ChatView } from './compose.ts';
import { parseMutes } from './repository.ts';

const HOUR = 3_600_000;

/**
 * A story comes back as an update at most once a digest period: a daily reader's next morning (20 h
 * leaves room for a digest moved earlier), a weekly reader's next week; an instant reader, whose
 * period is minutes, at most every 6 hours, or one story would fill the chat as it develops.
 */
export const UPDATE_GAP_MS: Record<Frequency, number> = { daily: 20 * HOUR, weekly: 6 * 24 * HOUR, instant: 6 * HOUR };

export type Prefs = Pick<ChatView, 'langs' | 'others' | 'updateGapMs' | 'mutedTopics' | 'mutedSources'> & {
  /** A channel's digest: no per-reader buttons, and what the cap leaves waits for the next post. */
  channel: boolean;
  /** Arabic-Indic digits in dates, times and counts. */
  arabicDigits: boolean;
};

export function prefsSignature(
  chat: { frequency: Frequency; readingLangs: string | null; otherLangs: OtherLanguages; type: string; digits: string | null },
  locale: Locale,
  mutes: string,
): string {
  const langs = parseReadingLanguages(chat.readingLangs);
  const style = `${chat.type === 'channel' ? 'c' : ''}${locale === 'ar' && chat.digits === 'arab' ? 'a' : ''}`;
  return `${chat.frequency}|${(langs.length > 0 ? langs : [locale]).join(',')}|${chat.otherLangs}|${style}|${mutes}`;
}

export function parsePrefs(signature: string): Prefs {
  const [frequency = 'daily', langs = '', others = 'tag', style = '', ...rest] = signature.split('|');
  const mutes = parseMutes(rest.join('|') || '[]');
  return {
    channel: style.includes('c'),
    arabicDigits: style.includes('a'),
    langs: langs.split(',').filter(Boolean),
    others: others === 'hide' ? 'hide' : 'tag',
    updateGapMs: UPDATE_GAP_MS[frequency as Frequency] ?? UPDATE_GAP_MS.daily,
    mutedTopics: mutes.topics,
    mutedSources: mutes.sources,
  };
}
