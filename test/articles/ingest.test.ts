import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEnrichPool } from '../../src/enrich/enrich-pool.ts';
import { createIngestor, type Ingestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createSearch } from '../../src/articles/search.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { trimVocabulary } from '../../src/text/normalize.ts';
import { egyptEconomyEn, kazanCultureRu, tajikBorderAr, tajikBorderEn, tajikBorderRu } from '../fixtures/articles.ts';

let handle: DbHandle;
let ingestor: Ingestor;
const classifiers = createClassifiers(createTaxonomy());

beforeEach(() => {
  handle = openDatabase(':memory:');
  ingestor = createIngestor({ store: createArticleStore(handle), classifiers, now: () => Date.UTC(2026, 10, 29) });
});
afterEach(() => handle.close());

const row = (id: number) =>
  handle.sqlite.prepare('SELECT lang, cluster_id AS clusterId, summary FROM articles WHERE id = ?').get(id) as {
    lang: string;
    clusterId: number;
    summary: string;
  };
const regionsOf = (id: number) =>
  (handle.sqlite.prepare('SELECT region FROM article_regions WHERE article_id = ? ORDER BY score DESC').pluck().all(id) as string[]);
const topicsOf = (id: number) =>
  (handle.sqlite.prepare('SELECT topic FROM article_topics WHERE article_id = ? ORDER BY score DESC').pluck().all(id) as string[]);

describe('ingesting articles', () => {
  it('files each article under its language, regions, topics and a verbatim summary', () => {
    const report = ingestor.ingest([tajikBorderEn, egyptEconomyEn, kazanCultureRu]);
    expect(report).toMatchObject({ seen: 3, new: 3, duplicates: 0, errors: [] });
    const [tj, eg, kzn] = report.ids as [number, number, number];
    expect(regionsOf(tj)[0]).toBe('TJ');
    expect(topicsOf(tj)).toContain('security');
    expect(regionsOf(eg)[0]).toBe('EG');
    expect(topicsOf(eg)[0]).toBe('economy');
    expect(regionsOf(kzn)).toContain('RU-TA');
    expect(topicsOf(kzn)[0]).toBe('culture');
    expect(row(kzn).lang).toBe('ru');
    const summary = JSON.parse(row(tj).summary) as string[];
    expect(summary.length).toBeGreaterThan(0);
    for (const sentence of summary) expect(tajikBorderEn.text).toContain(sentence);
  });

  it('adds nothing when the same items come again, from the same or another URL', () => {
    ingestor.ingest([tajikBorderEn, egyptEconomyEn]);
    const again = ingestor.ingest([
      tajikBorderEn,
      { ...egyptEconomyEn, url: 'https://mirror.example/copy-of-egypt?utm_source=x' },
      { ...tajikBorderEn, url: `${tajikBorderEn.url}?utm_campaign=rss#top` },
    ]);
    expect(again).toMatchObject({ seen: 3, new: 0, duplicates: 3 });
  });

  it('joins the Arabic, Russian and English versions of one story into one cluster through hreflang alternates', () => {
    const en = ingestor.ingest([tajikBorderEn]).ids[0] as number;
    const [ru, ar] = ingestor.ingest([tajikBorderRu, tajikBorderAr]).ids as [number, number];
    expect(row(ru).clusterId).toBe(row(en).clusterId);
    expect(row(ar).clusterId).toBe(row(en).clusterId);
    expect(row(ar).lang).toBe('ar');
    expect(regionsOf(ar)[0]).toBe('TJ');
  });

  it('puts a lightly rewritten copy of a story from another source in the same cluster', () => {
    const long = { ...egyptEconomyEn, text: `${egyptEconomyEn.text} ${egyptEconomyEn.text.replace(/Thursday/g, 'Wednesday')}` };
    const first = ingestor.ingest([long]).ids[0] as number;
    const copy = {
      ...long,
      url: 'https://other.example/egypt-rates',
      title: 'Egypt raises interest rates as inflation climbs',
      text: long.text.replace('on Thursday', 'late on Thursday'),
    };
    const second = ingestor.ingest([copy]).ids[0] as number;
    expect(second).not.toBe(first);
    expect(row(second).clusterId).toBe(row(first).clusterId);
    const other = ingestor.ingest([kazanCultureRu]).ids[0] as number;
    expect(row(other).clusterId).not.toBe(row(first).clusterId);
  });

  it('reports an item with neither title nor text and still ingests the others', () => {
    const report = ingestor.ingest([{ title: '  ', text: '' }, kazanCultureRu]);
    expect(report.new).toBe(1);
    expect(report.errors).toEqual([{ item: 'item 1', error: 'no title and no text' }]);
  });

  it('stores a title-only item and cuts 500 KB of text to a bounded size without failing', () => {
    const titleOnly = ingestor.ingest([{ title: 'Срочно: в Душанбе произошло землетрясение', text: '' }]);
    expect(titleOnly.new).toBe(1);
    expect(row(titleOnly.ids[0] as number).lang).toBe('ru');
    const huge = ingestor.ingest([{ title: 'A very long report', text: `${'Word after word in a long report. '.repeat(15_000)}` }]);
    expect(huge.new).toBe(1);
    const length = handle.sqlite.prepare('SELECT length(text) FROM articles WHERE id = ?').pluck().get(huge.ids[0]) as number;
    expect(length).toBeLessThanOrEqual(100_000);
  });

  it('stores an article in another language without a summary but searchable', () => {
    const fr = ingestor.ingest([{ title: 'Le Tadjikistan et l’Afghanistan discutent de la frontière', text: 'Les responsables se sont rencontrés à Douchanbé pour parler de la sécurité à la frontière commune.' }]);
    const id = fr.ids[0] as number;
    expect(row(id).lang).toBe('fr');
    expect(JSON.parse(row(id).summary)).toEqual([]);
  });

  it('files a batch enriched on worker threads exactly as one by one, duplicates and bad items included', async () => {
    const batch = [tajikBorderEn, egyptEconomyEn, { title: '', text: '' }, kazanCultureRu, { ...egyptEconomyEn, url: 'https://copy.example/e' }];
    const pool = createEnrichPool(2);
    try {
      const report = await ingestor.ingestBatch(batch, pool);
      expect(report).toMatchObject({ seen: 5, new: 3, duplicates: 1 });
      expect(report.errors).toEqual([{ item: 'item 3', error: 'no title and no text' }]);
      const [tj, eg, kzn] = report.ids as [number, number, number];
      expect(regionsOf(tj)[0]).toBe('TJ');
      expect(topicsOf(eg)[0]).toBe('economy');
      expect(regionsOf(kzn)).toContain('RU-TA');
      const other = openDatabase(':memory:');
      const sequential = createIngestor({ store: createArticleStore(other), classifiers, now: () => Date.UTC(2026, 10, 29) }).ingest(batch);
      const summaries = (h: DbHandle) => h.sqlite.prepare('SELECT summary FROM articles ORDER BY id').pluck().all();
      expect(summaries(handle)).toEqual(summaries(other));
      expect(sequential.new).toBe(3);
      other.close();
    } finally {
      await pool.close();
    }
  });

  it('makes every article of a batch findable by search once the batch is written', async () => {
    const pool = createEnrichPool(2);
    try {
      const report = await ingestor.ingestBatch([tajikBorderEn, { title: '', text: '' }, tajikBorderRu, tajikBorderAr, egyptEconomyEn], pool);
      expect(report.new).toBe(4);
      const search = createSearch(handle);
      const found = (text: string) => search.search({ text, limit: 10 }).hits.map((hit) => hit.id);
      expect(found('Dushanbe')).toContain(report.ids[0]);
      expect(found('Душанбе')).toContain(report.ids[1]);
      expect(found('دوشنبه')).toContain(report.ids[2]);
      expect(found('Egypt')).toEqual([report.ids[3]]);
    } finally {
      await pool.close();
    }
  });

  it('files articles the same after the shared word table starts over', () => {
    const first = ingestor.ingest([tajikBorderEn, kazanCultureRu]);
    trimVocabulary(0);
    const other = openDatabase(':memory:');
    try {
      const again = createIngestor({ store: createArticleStore(other), classifiers, now: () => Date.UTC(2026, 10, 29) }).ingest([tajikBorderEn, kazanCultureRu]);
      const filed = (h: DbHandle, id: number) => ({
        regions: h.sqlite.prepare('SELECT region FROM article_regions WHERE article_id = ? ORDER BY score DESC').pluck().all(id),
        topics: h.sqlite.prepare('SELECT topic FROM article_topics WHERE article_id = ? ORDER BY score DESC').pluck().all(id),
      });
      expect(filed(other, again.ids[0] as number)).toEqual(filed(handle, first.ids[0] as number));
      expect(filed(other, again.ids[1] as number)).toEqual(filed(handle, first.ids[1] as number));
      expect(filed(other, again.ids[1] as number).regions).toContain('RU-TA');
    } finally {
      other.close();
    }
  });
});
