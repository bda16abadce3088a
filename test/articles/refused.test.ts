import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEnrichPool } from '../../src/enrich/enrich-pool.ts';
import { createIngestor, type Ingestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createSearch } from '../../src/articles/search.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { formatDigest, type DigestItem } from '../../src/digests/format.ts';
import { createI18n, type I18n } from '../../src/i18n.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { useTestBot } from '../helpers/app.ts';

const NOW = Date.UTC(2026, 10, 29);
const classifiers = createClassifiers(createTaxonomy());
const story = {
  title: 'Dushanbe opens a new bridge over the Varzob river',
  text: 'The city of Dushanbe opened a new bridge over the Varzob river on Friday, officials said. Traffic is expected to ease.',
  lang: 'en',
};

let handle: DbHandle;
let ingestor: Ingestor;
beforeEach(() => {
  handle = openDatabase(':memory:');
  ingestor = createIngestor({ store: createArticleStore(handle), classifiers, now: () => NOW });
});
afterEach(() => handle.close());

const stored = () => handle.sqlite.prepare('SELECT title, url FROM articles ORDER BY id').all() as Array<{ title: string; url: string | null }>;

describe('an article with nothing to show', () => {
  it('is refused with its reason in the report when it has no text and only a placeholder, a mark or a link for a title', () => {
    const report = ingestor.ingest([
      { url: 'https://news.example/a', title: '—', text: '' },
      { url: 'https://news.example/b', title: '(untitled)', text: '  …  ' },
      { url: 'https://news.example/c', title: 'https://news.example/c', text: '' },
      { url: 'https://news.example/d', title: 'Без названия', text: '' },
      { url: 'https://news.example/e', ...story },
    ]);
    expect(report).toMatchObject({ seen: 5, new: 1, duplicates: 0 });
    expect(report.errors).toEqual([
      { item: 'https://news.example/a', error: 'no text and no usable title ("—")' },
      { item: 'https://news.example/b', error: 'no text and no usable title ("(untitled)")' },
      { item: 'https://news.example/c', error: 'no text and no usable title ("https://news.example/c")' },
      { item: 'https://news.example/d', error: 'no text and no usable title ("Без названия")' },
    ]);
    expect(stored().map((a) => a.title)).toEqual([story.title]);
    const search = createSearch(handle, () => NOW);
    expect(search.search({ text: 'untitled', limit: 10 }).total).toBe(0);
    expect(search.search({ text: 'Без названия', limit: 10 }).total).toBe(0);
  });

  it('is refused the same way when the batch is enriched on worker threads', async () => {
    const pool = createEnrichPool(1);
    try {
      const report = await ingestor.ingestBatch([{ title: '***', text: '' }, story], pool);
      expect(report.new).toBe(1);
      expect(report.errors).toEqual([{ item: 'item 1', error: 'no text and no usable title ("***")' }]);
    } finally {
      await pool.close();
    }
  });

  it('is kept when it has text, titled by its first line instead of the placeholder', () => {
    const report = ingestor.ingest([{ title: 'Untitled', text: `${story.title}\n\n${story.text}` }]);
    expect(report.new).toBe(1);
    expect(stored()[0]?.title).toBe(story.title);
  });

  it('is kept on a title alone when the title says something', () => {
    expect(ingestor.ingest([{ title: story.title, text: '' }]).new).toBe(1);
  });
});

describe('an article whose link is empty', () => {
  it('is stored with no link and reported by position, not by an empty label', () => {
    const report = ingestor.ingest([
      { url: '', ...story },
      { url: '   ', title: 'No text and a mark', text: '' },
      { url: ' ', title: '…', text: '' },
      { url: 'javascript:alert(1)', title: 'Second story about the Varzob bridge', text: story.text.replace('Friday', 'Saturday') },
    ]);
    expect(report.errors).toEqual([{ item: 'item 3', error: 'no text and no usable title ("…")' }]);
    expect(stored().map((a) => a.url)).toEqual([null, null, null]);
  });

  let i18n: I18n;
  beforeAll(async () => {
    i18n = await createI18n();
  });

  it('gets a bold title in a digest instead of an href, whatever empty or broken form the link takes', () => {
    const item = (articleId: number, url: string | null): DigestItem => ({
      articleId,
      title: `Story ${articleId}`,
      url,
      sourceName: 'Asia-Plus',
      publishedAt: NOW - 3_600_000,
      summary: ['A sentence.'],
      lang: 'en',
      group: 'TJ',
    });
    const broken = ['', '   ', 'http://', 'https:// ', '//news.example/x', 'javascript:alert(1)', null];
    const [message] = formatDigest(
      [...broken.map((url, i) => item(i + 1, url)), item(99, 'https://news.example/99')],
      { locale: 'en', timeZone: 'UTC', t: i18n.translator('en'), groupName: () => 'Tajikistan', more: 0, now: NOW },
    );
    const hrefs = [...(message?.text ?? '').matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://news.example/99']);
    for (let id = 1; id <= broken.length; id++) expect(message?.text).toContain(`<b>Story ${id}</b>`);
  });
});

describe('search results for an article whose link is empty', () => {
  const bot = useTestBot();

  it('show the title in bold with no href, even for links stored before empty ones were dropped', async () => {
    const [empty, bare, good] = bot.app.ingestor.ingest([
      { url: 'https://news.example/one', title: 'Varzob bridge one opens', text: story.text, lang: 'en', publishedAt: NOW - 86_400_000 },
      { url: 'https://news.example/two', title: 'Varzob bridge two opens', text: 'Engineers in Khujand praised the Varzob bridge design at a conference about steel.', lang: 'en', publishedAt: NOW - 5 * 86_400_000 },
      { url: 'https://news.example/three', title: 'Varzob bridge three opens', text: 'Tourists from Almaty photographed the Varzob bridge during a mountain festival.', lang: 'en', publishedAt: NOW - 9 * 86_400_000 },
    ]).ids;
    // Rows as an older version stored them, straight from the feed.
    bot.app.db.sqlite.prepare("UPDATE articles SET url = '' WHERE id = ?").run(empty);
    bot.app.db.sqlite.prepare("UPDATE articles SET url = 'http://' WHERE id = ?").run(bare);
    await bot.say({ chatId: 601, text: '/search Varzob bridge', languageCode: 'en' });
    const results = bot.last(601).text;
    expect(results).toContain('<b>Varzob bridge one opens</b>');
    expect(results).toContain('<b>Varzob bridge two opens</b>');
    const hrefs = [...results.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://news.example/three']);
    expect(good).toBeDefined();
  });
});

describe('briefings ingest', () => {
  it('lists a refused article among the errors of its one JSON line and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefings-refused-'));
    try {
      const file = join(dir, 'items.jsonl');
      writeFileSync(file, [JSON.stringify({ url: 'https://news.example/ok', ...story }), JSON.stringify({ title: '—', text: '' })].join('\n'));
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['bin/briefings.js', 'ingest', file], {
          env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ seen: 2, new: 1, errors: [{ file: `${file}#2`, error: 'no text and no usable title ("—")' }] });
      expect(result.stderr).toContain('no text and no usable title');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
