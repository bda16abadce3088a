import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { leadSummarizer, textRankSummarizer } from './summary-baselines.ts';
import type { Summarizer } from '../enrich/summarize.ts';
import { rouge, type RougeScores } from './rouge.ts';

/** One line of `summarize/*.jsonl` in the evaluation corpus. */
export interface SummaryCase {
  id: string;
  lang: string;
  title: string;
  text: string;
  reference: string;
  reference_kind: string;
  sentences: number;
}

export interface SetResult {
  set: string;
  lang: string;
  /** Articles scored. */
  n: number;
  /** Mean summary length asked for (the lines' `sentences`). */
  k: number;
  ours: RougeScores;
  lead: RougeScores;
  textrank: RougeScores;
}

export async function readSummaryCases(file: string): Promise<SummaryCase[]> {
  const raw = await readFile(file, 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const o = JSON.parse(line) as Partial<SummaryCase>;
      return {
        id: String(o.id ?? ''),
        lang: String(o.lang ?? ''),
        title: String(o.title ?? ''),
        text: String(o.text ?? ''),
        reference: String(o.reference ?? ''),
        reference_kind: String(o.reference_kind ?? ''),
        sentences: Number(o.sentences ?? 3) || 3,
      };
    });
}

function mean(scores: readonly RougeScores[]): RougeScores {
  const n = Math.max(1, scores.length);
  const sum = scores.reduce((a, s) => ({ r1: a.r1 + s.r1, r2: a.r2 + s.r2, rl: a.rl + s.rl }), { r1: 0, r2: 0, rl: 0 });
  return { r1: (100 * sum.r1) / n, r2: (100 * sum.r2) / n, rl: (100 * sum.rl) / n };
}

/** Scores one summarizer on one set; the summary is its sentences joined by a space. */
export function scoreCases(cases: readonly SummaryCase[], summarizer: Summarizer): RougeScores {
  return mean(
    cases.map((c) => {
      const summary = summarizer.summarize({ text: c.text, title: c.title, lang: c.lang, sentences: c.sentences });
      return rouge(summary.join(' '), c.reference);
    }),
  );
}

/** ROUGE F1 (0–100) of `summarizer`, Lead-k and TextRank-k on every `summarize/*.jsonl` of the corpus. */
export async function evaluateSummaries(corpusDir: string, summarizer: Summarizer): Promise<SetResult[]> {
  const dir = join(corpusDir, 'summarize');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const lead = leadSummarizer();
  const textrank = textRankSummarizer();
  const results: SetResult[] = [];
  for (const file of files) {
    const cases = await readSummaryCases(join(dir, file));
    results.push({
      set: file.replace(/\.jsonl$/, ''),
      lang: cases[0]?.lang ?? '',
      n: cases.length,
      k: cases.reduce((a, c) => a + c.sentences, 0) / Math.max(1, cases.length),
      ours: scoreCases(cases, summarizer),
      lead: scoreCases(cases, lead),
      textrank: scoreCases(cases, textrank),
    });
  }
  return results;
}

/** A plain-text table of `evaluateSummaries` results. */
export function formatSummaryTable(results: readonly SetResult[]): string {
  const f = (s: RougeScores): string => `${s.r1.toFixed(1)}/${s.r2.toFixed(1)}/${s.rl.toFixed(1)}`;
  const rows = [['set', 'n', 'k', 'ours R1/R2/RL', 'lead', 'textrank', 'ΔR1 vs best']];
  for (const r of results) {
    const best = Math.max(r.lead.r1, r.textrank.r1);
    const delta = r.ours.r1 - best;
    rows.push([r.set, String(r.n), r.k.toFixed(1), f(r.ours), f(r.lead), f(r.textrank), `${delta >= 0 ? '+' : ''}${delta.toFixed(1)}`]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}
