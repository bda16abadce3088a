import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicId } from '../enrich/topics.ts';

export interface TopicEvalRow {
  /** File name without `.jsonl`, e.g. `en-bbc`. */
  set: string;
  /** Articles whose label maps onto a topic; the others are not counted. */
  n: number;
  /** Share of counted articles whose first returned topic is an accepted one. */
  top1: number;
  /** Per original label: counted articles and how many were right. */
  perLabel: Record<string, { n: number; correct: number }>;
}

// The corpus README's mapping, as the acceptance checks read it. Labels absent here (World, Мир,
// internationalNews, localNews, diverse, …) say where, not what, so they are not counted for topics.
const LABEL_TOPICS: Record<string, readonly TopicId[]> = {
  culture: ['culture'],
  entertainment: ['culture'],
  'Культура': ['culture'],
  economy: ['economy'],
  business: ['economy'],
  Business: ['economy'],
  'Экономика': ['economy'],
  'Бизнес': ['economy'],
  sport: ['sports'],
  Sports: ['sports'],
  'Спорт': ['sports'],
  technology: ['technology', 'education'],
  tech: ['technology', 'education'],
  'Sci/Tech': ['technology', 'education'],
  'Наука и техника': ['technology', 'education'],
  politics: ['politics'],
  politic: ['politics'],
  'Силовые структуры': ['security'],
  society: ['society'],
};

/** Topics a set's label stands for, or undefined when the label is not about a topic. */
export function topicsForLabel(label: string): readonly TopicId[] | undefined {
  return LABEL_TOPICS[label];
}

/** Anything that files an article under topics, best first (ids are plain strings to accept any such). */
export interface TopicClassifierLike {
  classify(input: { title: string; text: string; lang: string }): ReadonlyArray<{ id: string; score: number }>;
}

interface Line {
  title?: unknown;
  text?: unknown;
  lang?: unknown;
  label?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Top-1 accuracy of `classifier` on the topic-mapped labels of `${corpusDir}/classify/*.jsonl`. */
export async function evaluateTopics(
  corpusDir: string,
  classifier: TopicClassifierLike,
): Promise<TopicEvalRow[]> {
  const dir = join(corpusDir, 'classify');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const rows: TopicEvalRow[] = [];
  for (const file of files) {
    const perLabel: Record<string, { n: number; correct: number }> = {};
    let n = 0;
    let correct = 0;
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as Line;
      const label = str(item.label);
      const accepted = topicsForLabel(label);
      if (!accepted) continue;
      const first = classifier.classify({ title: str(item.title), text: str(item.text), lang: str(item.lang) })[0];
      const right = first !== undefined && (accepted as readonly string[]).includes(first.id);
      const tally = (perLabel[label] ??= { n: 0, correct: 0 });
      tally.n++;
      n++;
      if (right) {
        tally.correct++;
        correct++;
      }
    }
    if (n > 0) rows.push({ set: file.replace(/\.jsonl$/, ''), n, top1: correct / n, perLabel });
  }
  return rows;
}
