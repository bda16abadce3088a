import { createInterface } from 'node:readline';
import { detectLanguage } from '../enrich/language.ts';
import { createClassifiers } from '../enrich/classifiers.ts';
import { SUMMARIZED_LANGUAGES } from '../articles/ingest.ts';
import { createTaxonomy } from '../taxonomy/index.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';
import { flag } from './args.ts';

interface Line {
  id: unknown;
  text: string;
  title: string;
  lang: string;
  sentences: number | undefined;
}

function readLine(raw: string): Line {
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new Error('"text" must be a string');
  const title = typeof o.title === 'string' ? o.title : '';
  const hint = typeof o.lang === 'string' ? o.lang : undefined;
  const lang = detectLanguage(`${title}\n${o.text.slice(0, 4000)}`, hint).lang;
  const sentences = typeof o.sentences === 'number' && o.sentences >= 1 ? Math.floor(o.sentences) : undefined;
  return { id: o.id ?? null, text: o.text, title, lang, sentences };
}

/** Answers every input line in order, a bad one with an "error" field, so outputs line up with inputs. */
async function eachLine(ctx: CliContext, answer: (line: Line) => Record<string, unknown>): Promise<number> {
  let failures = 0;
  const reader = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of reader) {
    if (raw.trim().length === 0) continue;
    let id: unknown = null;
    try {
      const line = readLine(raw);
      id = line.id;
      ctx.stdout(JSON.stringify({ id: line.id, lang: line.lang, ...answer(line) }));
    } catch (error) {
      failures++;
      try {
        id = (JSON.parse(raw) as { id?: unknown }).id ?? null;
      } catch {
        // The line is not JSON at all: its id is unknowable.
      }
      ctx.stdout(JSON.stringify({ id, error: (error as Error).message }));
    }
  }
  return failures > 0 ? 1 : 0;
}

export async function summarizeCommand(ctx: CliContext, args: string[]): Promise<number> {
  if (!args.includes('--jsonl')) throw new CliError('summarize reads JSON lines: use --jsonl');
  const fallback = Number(flag(args, '--sentences') ?? 3);
  if (!Number.isInteger(fallback) || fallback < 1) throw new CliError('--sentences takes a whole number ≥ 1');
  const { summarizer } = createClassifiers(createTaxonomy());
  return eachLine(ctx, (line) => ({
    summary: SUMMARIZED_LANGUAGES.has(line.lang)
      ? summarizer.summarize({ text: line.text, title: line.title, lang: line.lang, sentences: line.sentences ?? fallback })
      : [],
  }));
}

export async function classifyCommand(ctx: CliContext, args: string[]): Promise<number> {
  if (!args.includes('--jsonl')) throw new CliError('classify reads JSON lines: use --jsonl');
  const { topics, regions } = createClassifiers(createTaxonomy());
  return eachLine(ctx, (line) => ({
    regions: regions.detect({ title: line.title, text: line.text, lang: line.lang }),
    topics: topics.classify({ title: line.title, text: line.text, lang: line.lang }),
  }));
}
