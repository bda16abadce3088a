import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, simhash } from '../../src/enrich/fingerprint.ts';
import { createSearch, type Search } from '../../src/articles/search.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { parseSearch } from '../../src/search/query.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { normalize, terms } from '../../src/text/normalize.ts';
import { searchStopwords } from '../../src/search/stopwords.ts';

const NOW = Date.UTC(2026, 10, 29, 12);
const HOUR = 3_600_000;
const taxonomy = createTaxonomy();
let handle: DbHandle;
let search: Search;
let next = 1;

interface Filed {
  title: string;
  text: string;
  lang: 'ar' | 'ru' | 'en';
  topics?: string[];
  regions?: string[];
  hoursAgo?: number;
}

// Filed by hand, not by the classifiers, so each test says exactly what an article is filed under.
function add(a: Filed): number {
  const n = next++;
  const at = NOW - (a.hoursAgo ?? 1) * HOUR;
  return createArticleStore(handle).insert({
    dedupKey: `test:${n}`,
    url: `https://news.test/${n}`,
    title: a.title,
    text: a.text,
    lang: a.lang,
    summary: [],
    contentHash: contentHash(`${n}`, a.title),
    simhash: simhash(terms(a.title)),
    publishedAt: at,
    firstSeenAt: at,
    regions: (a.regions ?? []).map((id) => ({ id, score: 0.9 })),
    topics: (a.topics ?? []).map((id) => ({ id, score: 0.9 })),
    alternates: [],
    searchTitle: terms(a.title).join(' '),
    searchBody: terms(a.text).join(' '),
  }).id;
}

beforeEach(() => {
  handle = openDatabase(':memory:');
  search = createSearch(handle, () => NOW, taxonomy);
});
afterEach(() => handle.close());

const titles = (text: string, extra: Parameters<Search['search']>[0] | object = {}) =>
  search.search({ text, ...extra }).hits.map((h) => h.title);

describe('a word that names a topic reaches the stories filed under it', () => {
  it('finds an economy story for «экономика» though the story never uses the word', () => {
    add({ title: 'Банк снизил ставку', text: 'Центробанк снизил ключевую ставку до 16 процентов.', lang: 'ru', topics: ['economy'] });
    add({ title: 'Фестиваль в Казани', text: 'В Казани открылся книжный фестиваль.', lang: 'ru', topics: ['culture'] });
    expect(titles('экономика')).toEqual(['Банк снизил ставку']);
  });

  it('finds an English economy story for the Arabic topic word', () => {
    add({ title: 'Grain exports rise', text: 'Wheat exports rose by a third this season.', lang: 'en', topics: ['economy'] });
    expect(titles('اقتصاد')).toEqual(['Grain exports rise']);
  });

  it('puts a story that says the word and is filed under the topic above one that only does either', () => {
    // Same age, so only the match decides the order.
    add({ title: 'Only filed', text: 'The central bank cut rates.', lang: 'en', topics: ['economy'], hoursAgo: 2 });
    add({ title: 'Only says it', text: 'A museum about the economy of the old city opened.', lang: 'en', topics: ['culture'], hoursAgo: 2 });
    add({ title: 'Says it and filed', text: 'The economy grew by four percent.', lang: 'en', topics: ['economy'], hoursAgo: 2 });
    const found = titles('economy');
    expect(found[0]).toBe('Says it and filed');
    expect(found).toHaveLength(3);
  });

  it('still needs every other word of the query: a filed story without them is not a hit', () => {
    add({ title: 'Rates cut', text: 'The central bank cut rates.', lang: 'en', topics: ['economy'] });
    add({ title: 'Cotton prices', text: 'Cotton prices rose at the exchange.', lang: 'en', topics: ['economy'] });
    expect(titles('cotton economy')).toEqual(['Cotton prices']);
  });
});

describe('a place named in one script finds it written in the others', () => {
  beforeEach(() => {
    add({ title: 'Солнечная станция под Самаркандом', text: 'Станцию под Самаркандом запустили в понедельник.', lang: 'ru', regions: ['UZ'] });
    add({ title: 'محطة شمسية قرب سمرقند', text: 'بدأت المحطة قرب سمرقند العمل يوم الاثنين.', lang: 'ar', regions: ['UZ'] });
    add({ title: 'Metro line in Tashkent', text: 'Tashkent opened a new metro line.', lang: 'en', regions: ['UZ'] });
  });

  it('finds the Russian story for "Samarkand" limited to Russian', () => {
    expect(titles('Samarkand', { lang: 'ru' })).toEqual(['Солнечная станция под Самаркандом']);
  });

  it('finds the Russian and Arabic stories for "Samarkand" and not the other Uzbek city', () => {
    expect(titles('Samarkand').sort()).toEqual(['Солнечная станция под Самаркандом', 'محطة شمسية قرب سمرقند'].sort());
  });

  it('finds every story filed under a country for its name in another script', () => {
    add({ title: 'Talks in Dushanbe', text: 'Ministers met in Dushanbe.', lang: 'en', regions: ['TJ'] });
    add({ title: 'Tajikistan border', text: 'Tajikistan reinforced its border posts.', lang: 'en', regions: ['TJ'] });
    expect(titles('Таджикистан').sort()).toEqual(['Tajikistan border', 'Talks in Dushanbe']);
  });
});

describe('stop words do not decide what a search finds', () => {
  it('knows the one-letter Russian prepositions and the commonest Arabic and English function words', () => {
    for (const w of ['в', 'и', 'на', 'с', 'к', 'о', 'the', 'of', 'في', 'من', 'على']) expect(searchStopwords().has(normalize(w)), w).toBe(true);
  });

  it('searches «в Самарканде» as «Самарканде», not every story with «в»', () => {
    add({ title: 'Реставрация в Самарканде', text: 'В Самарканде отреставрировали мечеть.', lang: 'ru' });
    add({ title: 'Школы в Дагестане', text: 'В Дагестане открыли школы.', lang: 'ru' });
    expect(titles('в Самарканде')).toEqual(['Реставрация в Самарканде']);
  });

  it('searches the stop words themselves when the query is nothing else', () => {
    add({ title: 'The Who play Wembley', text: 'The Who played Wembley.', lang: 'en' });
    expect(titles('the who')).toEqual(['The Who play Wembley']);
  });

  it('keeps the words a reader means: "New" in New York is searched for', () => {
    add({ title: 'New York marathon', text: 'Runners filled New York.', lang: 'en' });
    add({ title: 'York minster', text: 'York minster reopened.', lang: 'en' });
    expect(titles('New York')).toEqual(['New York marathon']);
  });

  it('takes the first word that is not a stop word as the search, so a region after «в» is searched for', () => {
    expect(parseSearch('в Таджикистане вода', taxonomy)).toMatchObject({ text: 'в Таджикистане вода' });
    expect(parseSearch('вода Таджикистан', taxonomy)).toMatchObject({ text: 'вода', region: 'TJ' });
  });
});
