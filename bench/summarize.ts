import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { detectLanguage } from '../src/enrich/language.ts';
import { createExtractiveSummarizer, type SummaryInput } from '../src/enrich/summarize.ts';

/**
 * Micro benchmark of summarization throughput (articles per second on one core), on generated
 * ~2 KB articles in ar/ru/en or, given a corpus directory, on the corpus's summarize sets.
 */

export interface BenchOptions {
  /** Evaluation corpus root; generated articles when absent. */
  corpusDir?: string;
  /** Minimum measuring time per language. */
  seconds?: number;
  log?: (line: string) => void;
}

export interface BenchResult {
  lang: string;
  articles: number;
  avgChars: number;
  /** Wall-clock throughput. */
  perSecond: number;
  /** CPU time per article: steadier than wall time on a shared machine. */
  cpuMsPerArticle: number;
  detectionsPerSecond: number;
}

const WORDS: Record<string, string[]> = {
  en: 'government port river council grain barges minister budget election talks court police bridge city farmers prices energy plant water school hospital report officials announced agreed rejected opened closed expected said million percent region border trade'.split(' '),
  ru: 'правительство порт река совет зерно баржи министр бюджет выборы переговоры суд полиция мост город фермеры цены энергия завод вода школа больница доклад чиновники объявили согласились отклонили открыли закрыли ожидают сообщили миллионов процентов регион граница торговля'.split(' '),
  ar: 'الحكومة الميناء النهر المجلس الحبوب السفن الوزير الميزانية الانتخابات المحادثات المحكمة الشرطة الجسر المدينة المزارعون الأسعار الطاقة المحطة المياه المدرسة المستشفى التقرير المسؤولون أعلن وافق رفض افتتح أغلق يتوقع قال مليون بالمئة المنطقة الحدود التجارة'.split(' '),
};

/** Deterministic pseudo-random articles of about `chars` characters. */
export function generateArticles(lang: string, count: number, chars = 2000): SummaryInput[] {
  const words = WORDS[lang] ?? WORDS.en!;
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const sentence = (): string => {
    const len = 8 + next(20);
    const parts = Array.from({ length: len }, () => words[next(words.length)]!);
    if (lang !== 'ar') parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
    return `${parts.join(' ')}.`;
  };
  return Array.from({ length: count }, () => {
    const sentences: string[] = [];
    let length = 0;
    while (length < chars) {
      const s = sentence();
      sentences.push(s);
      length += s.length + 1;
    }
    return { text: sentences.join(next(4) === 0 ? '\n' : ' '), title: sentence(), lang, sentences: 3 };
  });
}

async function corpusArticles(corpusDir: string): Promise<Map<string, SummaryInput[]>> {
  const dir = join(corpusDir, 'summarize');
  const byLang = new Map<string, SummaryInput[]>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { text?: string; title?: string; lang?: string };
      const lang = String(o.lang ?? 'en');
      const list = byLang.get(lang) ?? [];
      list.push({ text: String(o.text ?? ''), title: String(o.title ?? ''), lang, sentences: 3 });
      byLang.set(lang, list);
    }
  }
  return byLang;
}

function measure(
  articles: readonly SummaryInput[],
  seconds: number,
  run: (a: SummaryInput) => unknown,
): { perSecond: number; cpuMs: number } {
  for (const a of articles.slice(0, 200)) run(a); // warm up the JIT and the stem cache
  let done = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const a of articles) run(a);
    done += articles.length;
  }
  const used = process.cpuUsage(cpu);
  return { perSecond: done / ((performance.now() - started) / 1000), cpuMs: (used.user + used.system) / 1000 / done };
}

/** Prints and returns articles/s of the product summarizer (and of language detection) per language. */
export async function benchSummarize(options: BenchOptions = {}): Promise<BenchResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seconds = options.seconds ?? 1;
  const sets = options.corpusDir
    ? await corpusArticles(options.corpusDir)
    : new Map(['ar', 'ru', 'en'].map((l) => [l, generateArticles(l, 300)] as const));
  const summarizer = createExtractiveSummarizer();
  const results: BenchResult[] = [];
  for (const [lang, articles] of sets) {
    const avgChars = articles.reduce((a, x) => a + x.text.length, 0) / Math.max(1, articles.length);
    const { perSecond, cpuMs } = measure(articles, seconds, (a) => summarizer.summarize(a));
    const detections = measure(articles, seconds / 2, (a) => detectLanguage(a.text, a.lang)).perSecond;
    results.push({ lang, articles: articles.length, avgChars, perSecond, cpuMsPerArticle: cpuMs, detectionsPerSecond: detections });
    log(
      `summarize ${lang}: ${Math.round(perSecond)} articles/s, ${cpuMs.toFixed(3)} ms CPU each ` +
        `(${Math.round(avgChars)} chars avg); detectLanguage ${Math.round(detections)}/s`,
    );
  }
  return results;
}

// `npx tsx bench/summarize.ts [corpusDir]` runs it directly.
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSummarize({ corpusDir: process.argv[2] });
}
