import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { servePages, startServer, type Page, type TestServer } from './sources/http-server.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Linked Wire</title><link>https://example.org/</link><language>ar</language>
<item><title>One</title><link>https://example.org/1</link><description>Text one</description></item>
</channel></rss>`;

const PAGES: Record<string, Page> = {
  '/feed.xml': { type: 'application/rss+xml', body: RSS },
  '/front.html': { type: 'text/html', body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>' },
  '/plain.html': { type: 'text/html', body: '<!doctype html><html><head><title>Plain</title></head><body><p>No feed here</p></body></html>' },
};

let dir: string;
let database = 0;
let databasePath: string;
let server: TestServer;
let hits: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefings-cli-sources-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  databasePath = join(dir, `cli-${++database}.db`);
  hits = [];
  server = await startServer(servePages(PAGES, hits));
});
afterEach(() => server.close());

/** Asynchronous on purpose: spawnSync would block the event loop the local server answers from. */
function run(args: string[], env: Record<string, string> = { ALLOW_PRIVATE_SOURCES: 'true' }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/briefings.js', ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const listed = async () => (JSON.parse((await run(['sources', 'list', '--json'])).stdout) as { sources: Array<{ url: string; name: string | null; lang: string | null }> }).sources;

describe('briefings sources add', () => {
  it('fetches the URL first and stores the feed a page links to, named and tagged from the feed', async () => {
    const result = await run(['sources', 'add', `${server.origin}/front.html`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`added source 1: ${server.origin}/feed.xml (the feed ${server.origin}/front.html links to), Linked Wire, 1 item now\n`);
    expect(await listed()).toMatchObject([{ url: `${server.origin}/feed.xml`, name: 'Linked Wire', lang: 'ar' }]);
    const again = await run(['sources', 'add', `${server.origin}/feed.xml`, '--name', 'Mine']);
    expect(again.stdout).toBe(`source 1 already has this URL: ${server.origin}/feed.xml\n`);
  }, 30_000);

  it('lets --name and --lang win over what the feed says', async () => {
    expect((await run(['sources', 'add', `${server.origin}/feed.xml`, '--name', 'Wire', '--lang', 'en'])).code).toBe(0);
    expect(await listed()).toMatchObject([{ name: 'Wire', lang: 'en' }]);
  }, 30_000);

  it('refuses what the bot refuses, printing the bot’s English sentence on stderr and exiting non-zero', async () => {
    const notFeed = await run(['sources', 'add', `${server.origin}/plain.html`]);
    expect(notFeed.code).toBe(1);
    expect(notFeed.stdout).toBe('');
    expect(notFeed.stderr).toBe(`briefings: ${server.origin}/plain.html is not a feed and links none: not a feed: the URL serves an HTML page\n`);

    const missing = await run(['sources', 'add', `${server.origin}/missing.xml`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`briefings: Could not fetch ${server.origin}/missing.xml: the server answered HTTP 404 Not Found.\n`);

    const scheme = await run(['sources', 'add', 'ftp://example.org/feed.xml?a=1&b=2']);
    expect(scheme.code).toBe(1);
    // Plain text: the bot's HTML escaping of "&" does not leak into the terminal.
    expect(scheme.stderr).toBe('briefings: «ftp://example.org/feed.xml?a=1&b=2» is not an http(s) address: only http and https URLs are accepted, not ftp.\n');
    expect(await listed()).toEqual([]);
  }, 30_000);

  it('refuses a loopback address unless ALLOW_PRIVATE_SOURCES is set, without fetching it', async () => {
    const result = await run(['sources', 'add', `${server.origin}/feed.xml`], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `briefings: ${server.origin}/feed.xml is on a private or local network (private address 127.0.0.1 is not allowed). Such sources are refused unless the operator sets ALLOW_PRIVATE_SOURCES=true.\n`,
    );
    expect(hits).toEqual([]);
    expect(await listed()).toEqual([]);
  }, 30_000);

  it('adds the URL as given with --no-check, fetching nothing', async () => {
    const result = await run(['sources', 'add', `${server.origin}/missing.xml`, '--no-check'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`added source 1: ${server.origin}/missing.xml\n`);
    expect(hits).toEqual([]);
    expect(await listed()).toMatchObject([{ url: `${server.origin}/missing.xml`, name: null }]);
  }, 30_000);
});
