import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrichPool } from '../src/enrich/enrich-pool.ts';
import { createIngestor, type RawArticle } from '../src/articles/ingest.ts';
import { createClassifiers } from '../src/enrich/classifiers.ts';
import { createArticleStore } from '../src/articles/store.ts';
import { createSearch } from '../src/articles/search.ts';
import { jsonLineToRaw } from '../src/cli/ingest-files.ts';
import { openDatabase } from '../src/db/client.ts';
import { createTaxonomy } from '../src/taxonomy/index.ts';

/** Real news text read at run time from the evaluation corpus (never stored in the repository). */
export function corpusArticles(corpusDir: string, count: number): RawArticle[] {
  const out: RawArticle[] = [];
  for (const sub of ['classify', 'summarize']) {
    const dir = join(corpusDir, sub);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const o = JSON.parse(line) as { id?: string; title?: string; text?: string; lang?: string };
        out.push(jsonLineToRaw({ title: o.title, text: o.text, lang: o.lang, url: `https://bench.example/${sub}/${file}/${o.id}` }));
      }
    }
  }
  return out.slice(0, count);
}

/** Without the corpus: varied articles made from a few sentences of our own in three languages. */
export function syntheticArticles(count: number): RawArticle[] {
  const sentences = [
    'The government of Tajikistan announced a new water agreement with Uzbekistan on Monday.',
    'Officials in Dushanbe said the deal covers electricity exports during the summer months.',
    'Правительство Казахстана объявило о новых мерах поддержки экономики в понедельник.',
    'Министр энергетики заявил, что экспорт нефти вырастет в следующем году.',
    'أعلنت الحكومة المصرية عن خطة جديدة لدعم الاقتصاد وتطوير قطاع الطاقة.',
    'وقال وزير الخارجية إن المحادثات مع روسيا ستستمر الأسبوع المقبل في موسكو.',
  ];
  return Array.from({ length: count }, (_, i) => {
    const lang = ['en', 'ru', 'ar'][i % 3] as string;
    const base = lang === 'en' ? 0 : lang === 'ru' ? 2 : 4;
    const body = Array.from({ length: 12 }, (_, j) => `${sentences[base + (j % 2)]} (${i}-${j})`).join(' ');
    return { title: `${sentences[base]} #${i}`, text: body, lang, url: `https://bench.example/${i}` };
  });
}

export interface IngestBenchResult {
  articles: number;
  seconds: number;
  perSecond: number;
  /** Articles per second of this process's CPU time (all threads). */
  perCpuSecond: number;
  peakRssMb: number;
  searchMsMedian: number;
}

export async function benchIngest(items: RawArticle[]): Promise<IngestBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefings-bench-'));
  const handle = openDatabase(join(dir, 'bench.db'));
  try {
    const ingestor = createIngestor({ store: createArticleStore(handle), classifiers: createClassifiers(createTaxonomy()) });
    const pool = createEnrichPool();
    await pool.ready();
    const cpu = process.cpuUsage();
    const started = performance.now();
    // As `briefings ingest FILE.jsonl` does it: the file's articles in one call, enriched on worker
    // threads while this thread writes.
    await ingestor.ingestBatch(items, pool);
    await pool.close();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const search = createSearch(handle);
    const timings: number[] = [];
    for (const q of ['economy', 'экономика', 'الاقتصاد', 'Tajikistan water', 'нефть экспорт', 'وزير الخارجية']) {
      const t0 = performance.now();
      search.search({ text: q, limit: 10 });
      timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    return {
      articles: items.length,
      seconds,
      perSecond: items.length / seconds,
      perCpuSecond: items.length / cpuSeconds,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      searchMsMedian: timings[Math.floor(timings.length / 2)] ?? 0,
    };
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
