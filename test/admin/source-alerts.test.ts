import { describe, expect, it } from 'vitest';
import { createSourceAlerts } from '../../src/admin/source-alerts.ts';
import { sources } from '../../src/db/schema.ts';
import { startTestBot } from '../helpers/app.ts';

describe('source health alerts', () => {
  it('tells each admin once, in their language, that a source is failing and then that it is switched off', async () => {
    const bot = await startTestBot({ env: { ADMIN_IDS: '3101,3102' } });
    try {
      await bot.say({ chatId: 3101, text: '/start', languageCode: 'ru' });
      await bot.say({ chatId: 3102, text: '/start', languageCode: 'ar' });
      await bot.app.sender.runUntilIdle();
      const admin = bot.app.services.admin;
      if (!admin) throw new Error('no admin desk');
      const alert = createSourceAlerts({ roles: admin.roles, chats: bot.app.services.chats, outbox: bot.app.outbox, i18n: bot.app.i18n, now: bot.clock.now });
      const source = bot.app.db.db.insert(sources)
        .values({ url: 'https://feeds.example/tj.xml', name: 'Tajik Wire', status: 'failing', consecutiveFailures: 3, lastError: 'HTTP 503' })
        .returning().get();
      alert(source, 'failing');
      await bot.app.sender.runUntilIdle();
      expect(bot.last(3101).plain_text).toContain('Tajik Wire');
      expect(bot.last(3101).plain_text).toMatch(/\p{Script=Cyrillic}/u);
      expect(bot.last(3102).plain_text).toMatch(/\p{Script=Arabic}/u);
      bot.clock.advance(60_000);
      alert({ ...source, status: 'paused', deactivatedAt: bot.clock.now(), deactivatedReason: 'gone' }, 'deactivated');
      await bot.app.sender.runUntilIdle();
      expect(bot.last(3101).plain_text).toContain('410');
      expect(bot.telegram.sentMessages(3101).filter((m) => m.plain_text.includes('Tajik Wire'))).toHaveLength(2);
      expect(bot.telegram.violations).toEqual([]);
    } finally {
      await bot.close();
    }
  });
});
