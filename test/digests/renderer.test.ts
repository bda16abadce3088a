import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateArticle, ComposedItem } from '../../src/digests/compose.ts';
import { createRenderer } from '../../src/digests/renderer.ts';
import { createI18n, type I18n } from '../../src/i18n.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';

const taxonomy = createTaxonomy();
let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n();
});

const HOUR = 3_600_000;

function item(id: number, publishedAt: number): ComposedItem {
  const article: CandidateArticle = {
    id, clusterId: id, lang: 'en', title: `Water talks in Dushanbe, round ${id}`, url: `https://example.test/${id}`, sourceName: 'Asia Desk',
    publishedAt, firstSeenAt: publishedAt, summary: ['Officials met to discuss water sharing.'], regions: [{ id: 'TJ', score: 1 }],
    topics: [{ id: 'environment', score: 1 }], isBreaking: false,
  };
  return { article, group: 'TJ', score: 1, isUpdate: false, foreign: false, coverage: { sources: 1, langs: ['en'] } };
}

const timeOf = (text: string) => /\b\d{1,2}:\d{2}\b/.exec(text)?.[0];

describe('item times in each chat’s zone', () => {
  it('shows the same local time to zones that share an offset, and each its own otherwise', () => {
    const at = Date.UTC(2026, 6, 10, 9);
    const renderer = createRenderer({ i18n, taxonomy }, at, { since: at - 24 * HOUR });
    const items = [item(1, Date.UTC(2026, 6, 10, 5, 30))];
    const moscow = renderer.render({ items, more: 0 }, 'en', 'Europe/Moscow').messages[0]?.text ?? '';
    const riyadh = renderer.render({ items, more: 0 }, 'en', 'Asia/Riyadh').messages[0]?.text ?? '';
    const dushanbe = renderer.render({ items, more: 0 }, 'en', 'Asia/Dushanbe').messages[0]?.text ?? '';
    expect(timeOf(moscow)).toBe('8:30');
    expect(timeOf(riyadh)).toBe('8:30');
    expect(timeOf(dushanbe)).toBe('10:30');
  });

  it('gives a zone whose clocks changed during the window its own times, not those of a zone with today’s offset', () => {
    // Berlin left summer time at 01:00 UTC on 25 October 2026; Lagos is UTC+1 all year.
    const at = Date.UTC(2026, 9, 25, 12);
    const renderer = createRenderer({ i18n, taxonomy }, at, { since: at - 24 * HOUR });
    const items = [item(2, Date.UTC(2026, 9, 24, 20))];
    const lagos = renderer.render({ items, more: 0 }, 'en', 'Africa/Lagos').messages[0]?.text ?? '';
    const berlin = renderer.render({ items, more: 0 }, 'en', 'Europe/Berlin').messages[0]?.text ?? '';
    expect(lagos).toContain('9:00');
    expect(berlin).toContain('10:00');
  });

  it('renders an item published long before the window for the chat’s own zone', () => {
    // Cairo and Helsinki are both UTC+2 in December, but in July Helsinki was +3 and Cairo +3 too; in April only Helsinki was.
    const at = Date.UTC(2026, 11, 2, 9);
    const renderer = createRenderer({ i18n, taxonomy }, at, { since: at - 24 * HOUR });
    const items = [item(3, Date.UTC(2026, 3, 1, 6))];
    const cairo = renderer.render({ items, more: 0 }, 'en', 'Africa/Cairo').messages[0]?.text ?? '';
    const helsinki = renderer.render({ items, more: 0 }, 'en', 'Europe/Helsinki').messages[0]?.text ?? '';
    expect(timeOf(cairo)).toBe('8:00');
    expect(timeOf(helsinki)).toBe('9:00');
  });
});
