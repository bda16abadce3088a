import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/sources/errors.ts';
import { parseOpml, toOpml } from '../../src/sources/opml.ts';
import { fixture } from './fixtures.ts';

describe('OPML', () => {
  it('reads feeds from nested folders, dropping duplicates and non-feed outlines', () => {
    expect(parseOpml(fixture('subscriptions.opml'))).toEqual([
      { url: 'https://vestnik.example.ru/rss', title: 'Вестник Поволжья', lang: 'ru' },
      { url: 'https://akhbar.example.net/ar/feed.atom', title: 'أخبار القوقاز والخليج', lang: 'ar' },
      { url: 'https://markets.example.com/rss?a=1&b=2', title: 'Markets & Trade' },
    ]);
  });

  it('round-trips sources through toOpml and parseOpml', () => {
    const sources = [
      { url: 'https://vestnik.example.ru/rss', title: 'Вестник «Поволжья»', lang: 'ru' },
      { url: 'https://akhbar.example.net/ar/feed.atom', title: 'أخبار & تقارير', lang: 'ar' },
      { url: 'https://briefing.example.org/feed.json?x=1&y=<2>' },
    ];
    const xml = toOpml(sources, 'Экспорт');
    expect(xml).toContain('<title>Экспорт</title>');
    expect(parseOpml(xml)).toEqual([sources[0], sources[1], { url: 'https://briefing.example.org/feed.json?x=1&y=%3C2%3E' }]);
  });

  it('refuses documents that are not OPML', () => {
    expect(() => parseOpml(fixture('rss1-en.rdf'))).toThrow(FeedError);
    expect(() => parseOpml('')).toThrow(/empty OPML/);
  });
});
