import { describe, expect, it } from 'vitest';
import { createSourceRepository } from '../../src/sources/repository.ts';
import { myChatMemberUpdate } from '../../src/telegram-double/updates.ts';
import { ADMIN, asAdmin, useTestBots } from './helpers.ts';

const start = useTestBots();

describe('/stats', () => {
  it('counts chats by language and status, subscriptions, today\'s articles, the last digest run, the outbox and failing sources', async () => {
    const bot = await start();
    await bot.say({ chatId: 1, text: '/subscribe Tajikistan', languageCode: 'ru' });
    await bot.say({ chatId: 2, text: '/subscribe Tajikistan', languageCode: 'en' });
    await bot.say({ chatId: 2, text: '/subscribe security', languageCode: 'en' });
    await bot.say({ chatId: 3, text: '/subscribe Egypt', languageCode: 'ar' });
    await bot.say({ chatId: 4, text: '/subscribe Egypt', languageCode: 'en' });
    await bot.say({ chatId: 4, text: '/stop', languageCode: 'en' });
    await bot.say({ chatId: 5, text: '/start', languageCode: 'en' });
    await bot.app.bot.handleUpdate(myChatMemberUpdate({ chatId: 5, userId: 5, oldStatus: 'member', newStatus: 'kicked', languageCode: 'en' }));

    // Yesterday's article does not count as today's.
    bot.app.ingestor.ingestOne({ title: 'Old news from Dushanbe', text: 'Tajikistan old story about the capital Dushanbe.', lang: 'en' });
    bot.clock.advance(24 * 3_600_000);
    bot.app.ingestor.ingestOne({ title: 'Dushanbe water supply restored', text: 'Tajikistan: water returns to Dushanbe after repairs on the main line.', lang: 'en' });
    bot.app.ingestor.ingestOne({ title: 'Безопасность в Таджикистане', text: 'В Таджикистане усилили охрану границы, сообщили в Душанбе.', lang: 'ru' });
    bot.app.ingestor.ingestOne({ title: 'Cairo security conference', text: 'Egypt hosts a security conference in Cairo on border security.', lang: 'en' });

    bot.telegram.blockChat(3);
    const run = bot.app.digests.run({ at: bot.clock.now(), force: true });
    expect(run.queuedMessages).toBe(3);
    await bot.app.sender.runUntilIdle();
    const repository = createSourceRepository(bot.app.db.db);
    const { source } = repository.add({ url: 'https://broken.example/feed', name: 'Broken Wire' });
    for (let i = 0; i < 3; i++) repository.recordFailure(source.id, { at: bot.clock.now(), nextFetchAt: 0, error: 'HTTP 500 Internal Server Error', failing: true });

    await asAdmin(bot, '/stats');
    const text = bot.last(ADMIN).plain_text;
    expect(text).toContain('📊 Statistics');
    expect(text).toContain('Chats: 6');
    expect(text).toContain('• Russian: 1 active · 0 paused · 0 blocked');
    expect(text).toContain('• English: 2 active · 1 paused · 1 blocked');
    expect(text).toContain('• Arabic: 0 active · 0 paused · 1 blocked');
    expect(text).toContain('Subscriptions: 5');
    expect(text).toContain('Top regions: Egypt 2, Tajikistan 2, All regions 1');
    expect(text).toContain('Top topics: All topics 4, Security 1');
    expect(text).toContain('Articles today: 3 (English 2, Russian 1)');
    expect(text).toMatch(/Last digest run \(Nov 30, 2026, 6:00 AM\), 3 chats: 2 sent · 0 failed · 1 blocked · 0 pending/);
    expect(text).toContain('• digests: 0 waiting · 2 sent · 1 failed');
    expect(text).toContain('Outbox (sent in the last minute: 2)');
    expect(text).toContain('Failing sources: 1');
    expect(text).toContain('• #1 Broken Wire (3 failures): HTTP 500 Internal Server Error');
  });

  it('writes numbers the admin\'s way and stays within one message however much there is', async () => {
    const bot = await start();
    const { chats, subscriptions } = bot.app.services;
    for (let i = 0; i < 1500; i++) {
      chats.touch({ id: 10_000 + i, type: 'private', languageCode: 'ru' });
      subscriptions.add(10_000 + i, 'RU-TA', 'all');
    }
    const repository = createSourceRepository(bot.app.db.db);
    for (let i = 0; i < 40; i++) {
      const { source } = repository.add({ url: `https://example.org/${'x'.repeat(300)}/${i}`, name: 'N'.repeat(300) });
      repository.recordFailure(source.id, { at: 0, nextFetchAt: 0, error: 'E'.repeat(500), failing: true });
    }
    await asAdmin(bot, '/stats', 'ru');
    const text = bot.last(ADMIN).plain_text;
    expect(text).toContain('Статистика');
    expect(text).toMatch(/Русский: активных 1\s501/);
    expect(text).toMatch(/Татарстан 1\s500/);
    expect(text.length).toBeLessThan(4096);
    await asAdmin(bot, '/stats', 'ar');
    expect(bot.last(ADMIN).plain_text).toContain('الإحصاءات');
  });
});

describe('/audit', () => {
  it('shows the last 20 admin actions, newest first: who, what, when, on what and how many', async () => {
    const bot = await start();
    await bot.say({ chatId: 1, text: '/subscribe Tajikistan', languageCode: 'en' });
    await asAdmin(bot, '/audit');
    expect(bot.last(ADMIN).plain_text).toBe('No admin actions recorded yet.');
    for (let i = 0; i < 11; i++) {
      await asAdmin(bot, `/admins add ${1000 + i}`);
      await asAdmin(bot, `/admins remove ${1000 + i}`);
      bot.clock.advance(60_000);
    }
    await asAdmin(bot, '/breaking Tajikistan | Roads <closed> in Dushanbe');
    await bot.press(ADMIN, bot.last(ADMIN), /Send/);
    await asAdmin(bot, '/audit');
    const lines = bot.last(ADMIN).plain_text.split('\n');
    expect(lines[0]).toBe('🧾 The last 20 admin actions');
    expect(lines).toHaveLength(21);
    expect(lines[1]).toBe('Nov 29, 2026, 6:11 AM · 900 · sent a breaking item · Tajikistan · All topics · 1 target · «Roads <closed> in Dushanbe»');
    expect(lines[2]).toBe('Nov 29, 2026, 6:10 AM · 900 · removed an admin · 1010 · 1 target');
    expect(lines[3]).toBe('Nov 29, 2026, 6:10 AM · 900 · added an admin · 1010 · 1 target');
    await asAdmin(bot, '/audit', 'ru');
    expect(bot.last(ADMIN).plain_text).toContain('отправил срочное сообщение · Таджикистан · Все темы · 1 адресат');
  });
});
