import { describe, expect, it } from 'vitest';
import { startTestBot, useTestBot } from '../helpers/app.ts';
import { tajikBorderEn, tajikBorderRu, egyptEconomyEn } from '../fixtures/articles.ts';

const bot = useTestBot();

/**
 * Latin or Cyrillic runs in an Arabic line that are neither isolated (FSI…PDI), nor a command (a
 * left-to-right mark before its slash), nor inside code: each could flip the words around it.
 */
function loose(html: string): string[] {
  const text = html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!/\p{Script=Arabic}/u.test(line)) continue;
    const bare = line.replace(/\u2068[^\u2069]*\u2069/g, '').replace(/\u200E\/[A-Za-z0-9_]+/g, '');
    for (const m of bare.matchAll(/[\p{Script=Latin}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}\d .,'’-]*/gu)) out.push(m[0].trim());
  }
  return out;
}

describe('Arabic messages isolate every Latin or Cyrillic run', () => {
  it('in the welcome, help, settings, subscriptions, languages, digest and search', async () => {
    bot.app.ingestor.ingest([tajikBorderEn, tajikBorderRu, egyptEconomyEn]);
    const chatId = 2101;
    const seen: Record<string, string[]> = {};
    const say = async (text: string) => {
      await bot.say({ chatId, text, languageCode: 'ar' });
      await bot.app.sender.runUntilIdle();
      const found = loose(bot.last(chatId).text);
      if (found.length > 0) seen[text] = found;
    };
    for (const text of ['/start', '/help', '/subscribe طاجيكستان +حدود', '/subscribe مصر', '/subscriptions', '/settings', '/languages ar ru', '/digest', '/search Tajikistan border', '/schedule 07:30 Asia/Dushanbe']) await say(text);
    expect(seen).toEqual({});
  });

  it('in the admin desk (breaking preview, sources, stats, audit) and the channel screens', async () => {
    const admin = 2201;
    const desk = await startTestBot({ env: { ADMIN_IDS: String(admin), ALLOW_PRIVATE_SOURCES: 'true' } });
    try {
      desk.app.ingestor.ingest([tajikBorderEn, tajikBorderRu, egyptEconomyEn]);
      desk.telegram.setChat({ id: -1_002_201_000_001, type: 'channel', title: 'Dushanbe Desk' });
      desk.telegram.setChatMemberStatus(-1_002_201_000_001, admin, 'administrator');
      desk.app.services.editions?.channelSeen({ id: -1_002_201_000_001, title: 'Dushanbe Desk' }, admin);
      const seen: Record<string, string[]> = {};
      const replies: string[] = [];
      for (const text of ['/breaking TJ security | Border crossing at Panj reopened', '/sources', '/stats', '/audit', '/channels', '/editions']) {
        await desk.say({ chatId: admin, text, languageCode: 'ar' });
        const found = loose(desk.last(admin).text);
        if (found.length > 0) seen[text] = found;
        replies.push(desk.last(admin).plain_text);
      }
      expect(seen).toEqual({});
      // Each was the screen asked for, not an error.
      expect(replies[0]).toContain('Panj');
      expect(replies[4]).toContain('Dushanbe Desk');
      expect(desk.telegram.violations).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
