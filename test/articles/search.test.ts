import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createSearch, toMatchExpression, type Search } from '../../src/articles/search.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { egyptEconomyEn, kazanCultureRu, tajikBorderAr, tajikBorderEn, tajikBorderRu } from '../fixtures/articles.ts';

const NOW = Date.UTC(2026, 10, 29);
const DAY = 86_400_000;
let handle: DbHandle;
let search: Search;
const taxonomy = createTaxonomy();

beforeAll(() => {
  handle = openDatabase(':memory:');
  const ingestor = createIngestor({ store: createArticleStore(handle), classifiers: createClassifiers(taxonomy), now: () => NOW });
  ingestor.ingest([
    { ...tajikBorderEn, publishedAt: NOW - 2 * DAY },
    { ...tajikBorderRu, publishedAt: NOW - 2 * DAY },
    { ...tajikBorderAr, publishedAt: NOW - 2 * DAY },
    { ...egyptEconomyEn, publishedAt: NOW - 40 * DAY },
    { ...kazanCultureRu, publishedAt: NOW - DAY },
    {
      url: 'https://wire.example/old-border',
      title: 'Border security talks in Central Asia',
      text: 'Border security was discussed at length by officials in the region years ago.',
      lang: 'en',
      publishedAt: NOW - 400 * DAY,
    },
  ]);
  search = createSearch(handle, () => NOW);
});
afterAll(() => handle.close());

const titles = (r: ReturnType<Search['search']>) => r.hits.map((h) => h.title);

describe('search', () => {
  it('finds an article by an inflected Russian word', () => {
    expect(titles(search.search({ text: 'Таджикистана граница' }))[0]).toBe(tajikBorderRu.title);
  });

  it('finds an Arabic article whatever the diacritics and alef forms of the query', () => {
    const result = search.search({ text: 'الْحُدُودِ طاجيكستان' });
    expect(titles(result)).toContain(tajikBorderAr.title);
  });

  it('ranks a fresh story above an old one that matches as well', () => {
    const result = search.search({ text: 'border security', lang: 'en' });
    expect(titles(result)).toEqual([tajikBorderEn.title, 'Border security talks in Central Asia']);
  });

  it('filters by language, region (macro-regions included), topic and date', () => {
    expect(search.search({ text: 'граница', lang: 'ru' }).hits.map((h) => h.lang)).toEqual(['ru']);
    expect(titles(search.search({ text: 'central bank inflation', regions: taxonomy.coveredBy('north-africa') }))).toEqual([egyptEconomyEn.title]);
    expect(search.search({ text: 'central bank inflation', regions: taxonomy.coveredBy('central-asia') }).total).toBe(0);
    expect(search.search({ text: 'фестиваль', regions: taxonomy.coveredBy('RU') }).total).toBe(1);
    expect(search.search({ text: 'inflation', topic: 'economy' }).total).toBe(1);
    expect(search.search({ text: 'inflation', topic: 'sports' }).total).toBe(0);
    expect(search.search({ text: 'border security', since: NOW - 7 * DAY, lang: 'en' }).total).toBe(1);
  });

  it('returns a snippet that holds the query words and the article regions', () => {
    const [hit] = search.search({ text: 'Panj river' }).hits;
    expect(hit?.snippet).toContain('Panj river');
    expect(hit?.regions[0]).toBe('TJ');
  });

  it('treats FTS operators, quotes, brackets and column filters as plain words', () => {
    const hostile = ['"border', 'border" OR "x', '(border', 'title:border', 'border NEAR(security)', '* ^ - +', 'AND OR NOT', "'; DROP TABLE articles; --", '\u0000border'];
    for (const text of hostile) expect(() => search.search({ text })).not.toThrow();
    expect(search.search({ text: 'title:border' }).total).toBeGreaterThan(0);
    expect(search.search({ text: '* ^ - +' }).total).toBe(0);
    expect(handle.sqlite.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6);
  });

  it('answers a 3,000-character query by its first words without failing', () => {
    const long = `border ${'security and more words in mixed scripts границы الحدود '.repeat(60)}`.slice(0, 3000);
    expect(toMatchExpression(long, 'any')?.split(' OR ').length).toBeLessThanOrEqual(24);
    expect(search.search({ text: long }).total).toBeGreaterThan(0);
  });
});
