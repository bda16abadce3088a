import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSourceRepository } from '../../src/sources/repository.ts';
import type { TestBot } from '../helpers/app.ts';
import { servePages, startServer, type Page, type TestServer } from '../sources/http-server.ts';
import { ADMIN, asAdmin, lastAnswer, useTestBots } from './helpers.ts';

const start = useTestBots();

const RSS = (title: string, items: number) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link><language>en-us</language>
${Array.from({ length: items }, (_, i) => `<item><title>Story ${i}</title><link>https://example.org/${i}</link><description>Text ${i}</description></item>`).join('\n')}
</channel></rss>`;

const PAGES: Record<string, Page> = {
  '/feed.xml': { type: 'application/rss+xml', body: RSS('Local Wire', 2) },
  '/linked.xml': { type: 'application/rss+xml', body: RSS('Linked Wire', 3) },
  '/front.html': {
    type: 'text/html',
    body: '<!doctype html><html><head><title>Front</title><link rel="alternate" type="application/rss+xml" title="News" href="/linked.xml"></head><body><p>Hello</p></body></html>',
  },
  '/plain.html': { type: 'text/html', body: '<!doctype html><html><head><title>Plain</title></head><body><p>No feed here</p></body></html>' },
};

let server: TestServer;
let hits: string[];
beforeEach(async () => {
  hits = [];
  server = await startServer(servePages(PAGES, hits));
});
afterEach(() => server.close());

const sources = (bot: TestBot) => createSourceRepository(bot.app.db.db).list();
const auditActions = (bot: TestBot) => (bot.app.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[]);

describe('/sources add', () => {
  it('adds a feed after fetching it, names it from the feed, and audits it', async () => {
    const bot = await start();
    await asAdmin(bot, `/sources add ${server.origin}/feed.xml`);
    expect(bot.last(ADMIN).plain_text).toContain('✅ Source #1 added: Local Wire');
    expect(bot.last(ADMIN).plain_text).toContain('The feed holds 2 items now');
    expect(sources(bot)).toMatchObject([{ id: 1, url: `${server.origin}/feed.xml`, name: 'Local Wire', lang: 'en', status: 'active' }]);
    expect(auditActions(bot)).toEqual(['source_add']);
    await asAdmin(bot, `/sources add ${server.origin}/feed.xml`);
    expect(bot.last(ADMIN).plain_text).toContain('Source #1 already has this feed');
    expect(sources(bot)).toHaveLength(1);
  });

  it('adds the feed an HTML page links to', async () => {
    const bot = await start();
    await asAdmin(bot, `/sources add ${server.origin}/front.html`);
    expect(bot.last(ADMIN).plain_text).toContain('Linked Wire');
    expect(bot.last(ADMIN).plain_text).toContain(`(the feed that ${server.origin}/front.html links to)`);
    expect(sources(bot).map((s) => s.url)).toEqual([`${server.origin}/linked.xml`]);
  });

  it('refuses what is not an http(s) feed: other schemes, pages without a feed, dead hosts, missing URLs', async () => {
    const bot = await start();
    await asAdmin(bot, '/sources add ftp://example.org/feed.xml');
    expect(bot.last(ADMIN).plain_text).toContain('«ftp://example.org/feed.xml» is not an http(s) address: only http and https URLs are accepted');
    await asAdmin(bot, '/sources add javascript:alert(1)');
    expect(bot.last(ADMIN).plain_text).toContain('is not an http(s) address');
    await asAdmin(bot, `/sources add ${server.origin}/plain.html`);
    expect(bot.last(ADMIN).plain_text).toContain('/plain.html is not a feed and links none');
    await asAdmin(bot, `/sources add ${server.origin}/missing.xml`);
    expect(bot.last(ADMIN).plain_text).toContain('Could not fetch');
    expect(bot.last(ADMIN).plain_text).toContain('HTTP 404');
    await asAdmin(bot, '/sources add http://127.0.0.1:1/feed.xml');
    expect(bot.last(ADMIN).plain_text).toContain('Could not fetch http://127.0.0.1:1/feed.xml: request failed');
    await asAdmin(bot, '/sources add');
    expect(bot.last(ADMIN).plain_text).toContain('Usage: /sources to list, /sources add URL');
    expect(sources(bot)).toEqual([]);
    expect(auditActions(bot)).toEqual([]);
  });

  it('refuses loopback and private addresses unless ALLOW_PRIVATE_SOURCES is set, without fetching them', async () => {
    const bot = await start({ env: { ALLOW_PRIVATE_SOURCES: 'false' } });
    await asAdmin(bot, `/sources add ${server.origin}/feed.xml`);
    expect(bot.last(ADMIN).plain_text).toContain('is on a private or local network (private address 127.0.0.1 is not allowed)');
    expect(bot.last(ADMIN).plain_text).toContain('ALLOW_PRIVATE_SOURCES=true');
    await asAdmin(bot, '/sources add http://localhost:9/feed');
    expect(bot.last(ADMIN).plain_text).toContain('private or local network');
    await asAdmin(bot, '/sources add http://[::1]/feed');
    expect(bot.last(ADMIN).plain_text).toContain('private or local network');
    expect(hits).toEqual([]);
    expect(sources(bot)).toEqual([]);
  });
});

describe('/sources list and buttons', () => {
  it('lists sources with status, last fetch, items and last error', async () => {
    const bot = await start();
    await asAdmin(bot, `/sources add ${server.origin}/feed.xml`);
    await asAdmin(bot, `/sources add ${server.origin}/linked.xml`);
    const repository = createSourceRepository(bot.app.db.db);
    repository.recordSuccess(1, { at: bot.clock.now(), nextFetchAt: bot.clock.now() + 600_000, newItems: 12 });
    repository.recordFailure(2, { at: bot.clock.now(), nextFetchAt: bot.clock.now() + 600_000, error: 'HTTP 503 <Service Unavailable>', failing: true });
    await asAdmin(bot, '/sources');
    const list = bot.last(ADMIN).plain_text;
    expect(list).toContain('📡 2 sources (page 1/1)');
    expect(list).toContain('#1 🟢 active · Local Wire · en');
    expect(list).toContain('Last fetch: Nov 29, 2026, 6:00 AM · 12 articles');
    expect(list).toContain('#2 🔴 failing · Linked Wire · en');
    expect(list).toContain('⚠️ Last error: HTTP 503 <Service Unavailable>');
    expect(bot.last(ADMIN).reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['⏸ Pause #1', '🗑 Remove #1', '⏸ Pause #2', '🗑 Remove #2']);
  });

  it('pauses, resumes and removes with a confirmation, each audited', async () => {
    const bot = await start();
    await asAdmin(bot, `/sources add ${server.origin}/feed.xml`);
    await asAdmin(bot, '/sources');
    await bot.press(ADMIN, bot.last(ADMIN), '⏸ Pause #1');
    expect(lastAnswer(bot)?.text).toBe('⏸ Source #1 paused.');
    expect(sources(bot)[0]?.status).toBe('paused');
    expect(bot.last(ADMIN).plain_text).toContain('#1 ⏸ paused');
    await bot.press(ADMIN, bot.last(ADMIN), '▶ Resume #1');
    expect(sources(bot)[0]?.status).toBe('active');

    await bot.press(ADMIN, bot.last(ADMIN), '🗑 Remove #1');
    expect(bot.last(ADMIN).plain_text).toContain('Remove source #1 (Local Wire)?');
    expect(sources(bot)).toHaveLength(1);
    await bot.press(ADMIN, bot.last(ADMIN), '✖ Keep it');
    expect(bot.last(ADMIN).plain_text).toContain('📡 1 source');
    expect(sources(bot)).toHaveLength(1);
    await bot.press(ADMIN, bot.last(ADMIN), '🗑 Remove #1');
    const confirmation = bot.last(ADMIN);
    await bot.press(ADMIN, confirmation, '🗑 Yes, remove');
    expect(lastAnswer(bot)?.text).toBe('🗑 Source #1 removed.');
    expect(bot.last(ADMIN).plain_text).toContain('No sources yet.');
    expect(sources(bot)).toEqual([]);
    // The confirmation pressed again finds nothing to remove.
    await bot.press(ADMIN, confirmation, '🗑 Yes, remove');
    expect(lastAnswer(bot)?.text).toBe('Source #1 no longer exists.');
    expect(auditActions(bot)).toEqual(['source_add', 'source_pause', 'source_resume', 'source_remove']);
  });

  it('pages a long list, keeping every screen within Telegram\'s limits', async () => {
    const bot = await start();
    const repository = createSourceRepository(bot.app.db.db);
    for (let i = 0; i < 20; i++) {
      const { source } = repository.add({ url: `https://example.org/${'very-long-path/'.repeat(10)}${i}.xml`, name: `Source ${'name '.repeat(20)}${i}` });
      repository.recordFailure(source.id, { at: 0, nextFetchAt: 0, error: `${'timeout '.repeat(80)}`, failing: true });
    }
    await asAdmin(bot, '/sources');
    expect(bot.last(ADMIN).plain_text).toContain('(page 1/3)');
    await bot.press(ADMIN, bot.last(ADMIN), '▶');
    expect(bot.last(ADMIN).plain_text).toContain('(page 2/3)');
    await bot.press(ADMIN, bot.last(ADMIN), '▶');
    expect(bot.last(ADMIN).plain_text).toContain('(page 3/3)');
    expect(bot.last(ADMIN).reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['⏸ Pause #17', '🗑 Remove #17', '⏸ Pause #18', '🗑 Remove #18', '⏸ Pause #19', '🗑 Remove #19', '⏸ Pause #20', '🗑 Remove #20', '◀']);
  });
});
