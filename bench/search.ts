import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawArticle } from '../src/articles/ingest.ts';
import { contentHash, simhash } from '../src/enrich/fingerprint.ts';
import { createSearch } from '../src/articles/search.ts';
import { createArticleStore } from '../src/articles/store.ts';
import { openDatabase } from '../src/db/client.ts';
import { terms } from '../src/text/normalize.ts';
import { createTaxonomy } from '../src/taxonomy/index.ts';

const QUERIES = ['economy', 'экономика', 'الاقتصاد', 'border security', 'нефть экспорт', 'وزير الخارجية', 'elections parliament', 'газ Туркменистан', 'Tajikistan water', '"quoted (hostile) OR query*'];

/** Fills an index of `total` articles (base articles repeated under new ids) and times /search's queries. */
export function benchSearch(base: RawArticle[], total: number, print: (line: string) => void, keepAt?: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-search-'));
  const handle = openDatabase(keepAt ?? join(dir, 'search.db'));
  try {
    const store = createArticleStore(handle);
    const prepared = base.map((a) => ({ a, titleTerms: terms(a.title), bodyTerms: terms(a.text) }));
    const regions = ['TJ', 'UZ', 'RU', 'RU-TA', 'EG', 'IR', 'TR', 'KZ', 'AF', 'SA'];
    const topics = ['economy', 'politics', 'security', 'energy', 'culture', 'sports'];
    const now = Date.now();
    const started = performance.now();
    const fill = handle.sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const p = prepared[i % prepared.length];
        if (!p) continue;
        store.insert({
          dedupKey: `bench:${i}`,
          url: `https://bench.example/${i}`,
          title: p.a.title,
          text: p.a.text,
          lang: p.a.lang ?? 'en',
          summary: [],
          contentHash: contentHash(`${i}`, p.a.title),
          simhash: simhash(p.titleTerms),
          publishedAt: now - (i % 365) * 86_400_000,
          firstSeenAt: now - (i % 365) * 86_400_000,
          regions: [{ id: regions[i % regions.length] as string, score: 1 }],
          topics: [{ id: topics[i % topics.length] as string, score: 1 }],
          alternates: [],
          searchTitle: p.titleTerms.join(' '),
          searchBody: p.bodyTerms.join(' '),
        });
      }
    });
    for (let i = 0; i < total; i += 5000) fill(i, Math.min(total, i + 5000));
    print(`search index: ${total} articles written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const taxonomy = createTaxonomy();
    const search = createSearch(handle, Date.now, taxonomy);
    // The first search builds the name tables that map query words to topics and regions (once per
    // process); reported on its own so the figures below are what every later search costs.
    const cold = performance.now();
    search.search({ text: 'Samarkand economy', limit: 5 });
    print(`first search (builds topic and region name tables): ${(performance.now() - cold).toFixed(0)} ms`);
    const timings: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const text of QUERIES) {
        for (const filter of [{}, { regions: taxonomy.coveredBy('central-asia') }, { topic: 'economy' }, { lang: 'ru' }]) {
          const t0 = performance.now();
          search.search({ text, limit: 5, ...filter });
          timings.push(performance.now() - t0);
          if (process.env.BENCH_VERBOSE && round === 0) print(`  ${(performance.now() - t0).toFixed(1)} ms  ${text} ${JSON.stringify(Object.keys(filter))}`);
        }
      }
    }
    timings.sort((a, b) => a - b);
    const pct = (p: number) => (timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0).toFixed(1);
    print(`/search over ${total} articles: ${timings.length} queries, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms (target < 50 ms)`);
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
