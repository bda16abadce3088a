import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { egyptEconomyEn, kazanCultureRu, tajikBorderAr } from './fixtures/articles.ts';

let dir: string;
const run = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, ['bin/briefings.js', ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefings-cli-'));
  const jsonl = [
    JSON.stringify({ ...egyptEconomyEn, published_at: '2026-11-28T10:00:00Z', source: 'Wire' }),
    '{not json',
    JSON.stringify({ ...kazanCultureRu }),
    JSON.stringify({ ...tajikBorderAr, published_at: 1764320000 }),
  ].join('\n');
  writeFileSync(join(dir, 'articles.jsonl'), jsonl);
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(dir, 'empty.xml'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('briefings ingest', () => {
  it('ingests a feed and JSONL, reports each bad file or line in one JSON line, and exits non-zero', () => {
    const files = ['test/fixtures/feeds/atom-ar.xml', join(dir, 'articles.jsonl'), join(dir, 'empty.xml'), join(dir, 'missing.xml')];
    const result = run(['ingest', ...files]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: number; seen: number; new: number; duplicates: number; errors: Array<{ file: string; error: string }> };
    expect(report.files).toBe(4);
    expect(report.new).toBeGreaterThanOrEqual(4);
    expect(report.errors.map((e) => e.file)).toEqual([`${join(dir, 'articles.jsonl')}:2`, join(dir, 'empty.xml'), join(dir, 'missing.xml')]);
    expect(result.stderr).toContain('empty file');
  });

  it('adds nothing when the same files are ingested again', () => {
    const result = run(['ingest', 'test/fixtures/feeds/atom-ar.xml', join(dir, 'articles.jsonl')]);
    const report = JSON.parse(result.stdout) as { new: number; duplicates: number };
    expect(report.new).toBe(0);
    expect(report.duplicates).toBeGreaterThanOrEqual(4);
  });

  it('searches what was ingested and prints JSON with regions and topics', () => {
    const result = run(['search', 'inflation', '--region', 'Egypt', '--json']);
    expect(result.code).toBe(0);
    const { results } = JSON.parse(result.stdout) as { results: Array<{ title: string; regions: string[]; topics: string[]; published_at: string }> };
    expect(results[0]?.title).toBe(egyptEconomyEn.title);
    expect(results[0]?.regions[0]).toBe('EG');
    expect(results[0]?.published_at).toBe('2026-11-28T10:00:00.000Z');
    const bad = run(['search', 'x', '--region', 'Atlantis']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('unknown region "Atlantis"');
  });
});

describe('briefings summarize and classify', () => {
  it('answers every line in order, a bad one with an error field', () => {
    const input = [
      JSON.stringify({ id: 'a', text: egyptEconomyEn.text, title: egyptEconomyEn.title, sentences: 1 }),
      'oops',
      JSON.stringify({ id: 'c', text: tajikBorderAr.text }),
      JSON.stringify({ id: 'd', title: 'no text' }),
    ].join('\n');
    const result = run(['summarize', '--jsonl', '--sentences', '2'], input);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; lang?: string; summary?: string[]; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[0]?.summary).toHaveLength(1);
    expect(egyptEconomyEn.text).toContain(lines[0]?.summary?.[0] ?? '—');
    expect(lines[1]?.error).toBeDefined();
    expect(lines[2]).toMatchObject({ lang: 'ar' });
    expect(lines[2]?.summary?.length).toBe(2);
    expect(lines[3]?.error).toContain('"text"');
  });

  it('classifies regions and topics best first', () => {
    const result = run(['classify', '--jsonl'], `${JSON.stringify({ id: 1, title: kazanCultureRu.title, text: kazanCultureRu.text })}\n`);
    const line = JSON.parse(result.stdout) as { id: number; lang: string; regions: Array<{ id: string }>; topics: Array<{ id: string }> };
    expect(line.lang).toBe('ru');
    expect(line.regions[0]?.id).toBe('RU-TA');
    expect(line.topics[0]?.id).toBe('culture');
  });

  it('refuses an unknown command with usage on stderr', () => {
    const result = run(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});

describe('briefings eval', () => {
  it('puts every feed of a corpus through the parser, reporting a bad one without stopping', () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(join(corpus, 'feeds'), { recursive: true });
    copyFileSync('test/fixtures/feeds/atom-ar.xml', join(corpus, 'feeds', 'good.xml'));
    writeFileSync(join(corpus, 'feeds', 'page.html'), '<!doctype html><html><head><title>x</title></head><body>not a feed</body></html>');
    writeFileSync(join(corpus, 'feeds', 'MANIFEST.tsv'), 'path\tformat\titems\tlang\ngood.xml\tfeed\t2\tar\npage.html\thtml\t0\ten\n');
    const result = run(['eval', '--corpus', corpus, '--only', 'feeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok {4}good\.xml {2}atom items=2/m);
    expect(result.stdout).toMatch(/^FAIL {2}page\.html {2}FeedError: not a feed/m);
    expect(result.stdout).toMatch(/total 2: ok 1, failed with FeedError 1, crashed 0/);
  });
});
