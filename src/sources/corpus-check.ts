import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { decodeBody } from './decode.ts';
import { FeedError } from './errors.ts';
import { parseFeed } from './parse-feed.ts';

// Measures the feed layer (`briefings eval --only feeds`) on a directory of real feeds described by MANIFEST.tsv
// (path, format, items, lang, title, link, bytes). Reads files in place: nothing is copied.

export interface CorpusRow {
  path: string;
  expectedItems?: number;
  expectedLang?: string;
  /** Normalized to ours: feed → atom, rdf:RDF → rdf. */
  expectedFormat?: string;
  link?: string;
}

const MANIFEST_FORMATS: Record<string, string> = { feed: 'atom', 'rdf:rdf': 'rdf', rss: 'rss', json: 'json' };

export interface CorpusResult {
  path: string;
  ok: boolean;
  items?: number;
  format?: string;
  lang?: string;
  encoding?: string;
  repairs?: string[];
  error?: string;
  mismatch?: string;
}

export interface CorpusSummary {
  results: CorpusResult[];
  ok: number;
  failed: number;
  mismatches: number;
  crashed: number;
}

export function parseManifest(tsv: string): CorpusRow[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim());
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string): number => header.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: CorpusRow = { path: cells[col('path')] ?? cells[0] ?? '' };
    const items = cells[col('items')];
    if (items !== undefined && /^\d+$/.test(items)) row.expectedItems = Number(items);
    const lang = cells[col('lang')];
    if (lang) row.expectedLang = lang;
    const format = MANIFEST_FORMATS[(cells[col('format')] ?? '').toLowerCase()];
    if (format) row.expectedFormat = format;
    const link = cells[col('link')];
    if (link) row.link = link;
    return row;
  });
}

export async function checkFile(dir: string, row: CorpusRow): Promise<CorpusResult> {
  const result: CorpusResult = { path: row.path, ok: false };
  try {
    const bytes = await readFile(join(dir, row.path));
    const decoded = decodeBody(bytes);
    result.encoding = `${decoded.encoding} (${decoded.from})${decoded.gzipped ? ' gzip' : ''}`;
    const feed = parseFeed(decoded.text);
    Object.assign(result, { ok: true, items: feed.items.length, format: feed.format });
    if (feed.lang) result.lang = feed.lang;
    if (feed.repairs) result.repairs = feed.repairs;
    const wrong: string[] = [];
    if (row.expectedItems !== undefined && row.expectedItems !== feed.items.length) wrong.push(`expected ${row.expectedItems} items`);
    if (row.expectedFormat && row.expectedFormat !== feed.format) wrong.push(`expected format ${row.expectedFormat}`);
    if (wrong.length > 0) result.mismatch = wrong.join(', ');
  } catch (error) {
    result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (!(error instanceof FeedError)) result.mismatch = 'unexpected exception';
  }
  return result;
}

export async function runCorpusCheck(dir: string): Promise<CorpusSummary> {
  const rows = parseManifest(await readFile(join(dir, 'MANIFEST.tsv'), 'utf8'));
  const listed = new Set(rows.map((r) => r.path));
  for (const file of await listFiles(dir)) {
    const path = relative(dir, file).split('\\').join('/');
    if (path !== 'MANIFEST.tsv' && !listed.has(path)) rows.push({ path });
  }
  const results: CorpusResult[] = [];
  for (const row of rows) results.push(await checkFile(dir, row));
  return {
    results,
    ok: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    mismatches: results.filter((r) => r.mismatch).length,
    crashed: results.filter((r) => r.mismatch === 'unexpected exception').length,
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export function formatSummary(summary: CorpusSummary): string {
  const lines = summary.results.map((r) => {
    const head = r.ok ? `ok    ${r.path}  ${r.format} items=${r.items}` : `FAIL  ${r.path}  ${r.error}`;
    const extra = [
      r.lang ? `lang=${r.lang}` : '',
      r.encoding && !r.encoding.startsWith('utf-8 (default)') ? `enc=${r.encoding}` : '',
      r.repairs ? `repaired: ${r.repairs.join('; ')}` : '',
      r.mismatch ? `MISMATCH: ${r.mismatch}` : '',
    ].filter(Boolean);
    return extra.length ? `${head}  [${extra.join(' | ')}]` : head;
  });
  lines.push(
    '',
    `total ${summary.results.length}: ok ${summary.ok}, failed with FeedError ${summary.failed - summary.crashed}, ` +
      `crashed ${summary.crashed}, item-count/format mismatches ${summary.mismatches - summary.crashed}`,
  );
  return lines.join('\n');
}
