import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSummary, runCorpusCheck } from '../../src/sources/corpus-check.ts';
import { fixture } from './fixtures.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('runCorpusCheck', () => {
  it('reports items per file, clear errors for bad files, count mismatches and unlisted files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'a.rdf'), fixture('rss1-en.rdf'));
    await writeFile(join(dir, 'b.json'), fixture('jsonfeed-en.json'));
    await writeFile(join(dir, 'c.html'), fixture('article-ar.html'));
    await writeFile(join(dir, 'd.xml.gz'), gzipSync(Buffer.from(fixture('atom-ar.xml'))));
    await writeFile(
      join(dir, 'MANIFEST.tsv'),
      'path\tformat\titems\tlang\nsub/a.rdf\trdf:RDF\t2\ten\nb.json\tjson\t3\ten\nc.html\thtml\t0\tar\n',
    );
    const summary = await runCorpusCheck(dir);
    const byPath = Object.fromEntries(summary.results.map((r) => [r.path, r]));
    expect(byPath['sub/a.rdf']).toMatchObject({ ok: true, items: 2 });
    expect(byPath['b.json']).toMatchObject({ ok: true, items: 2, mismatch: 'expected 3 items' });
    expect(byPath['c.html']?.error).toMatch(/^FeedError: not a feed: looks like an HTML page/);
    expect(byPath['d.xml.gz']).toMatchObject({ ok: true, items: 2 });
    expect(summary).toMatchObject({ ok: 3, failed: 1, crashed: 0 });
    expect(formatSummary(summary)).toMatch(/total 4: ok 3, failed with FeedError 1, crashed 0/);
  });
});
