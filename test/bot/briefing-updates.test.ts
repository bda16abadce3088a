import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../../src/articles/ingest.ts';
import { useTestBot } from '../helpers/app.ts';
import {
  dagestanFloodEn, dagestanFloodFiguresEn, dagestanFloodOtherSourceEn, dagestanFloodRewriteEn, dagestanFloodRu, egyptWheatAr, egyptWheatMoreAr,
} from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const HOUR = 3_600_000;

const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');
const timesShown = (text: string, title: string) => text.split(title).length - 1;

async function digestNow(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/digest', languageCode });
  await bot.app.sender.runUntilIdle();
}

/** The chat subscribes and gets `first` in a digest; a day later (past the update gap) `later` arrives and the chat asks again. */
async function deliveredThenLater(chatId: number, languageCode: string, subscribe: string, first: RawArticle, later: RawArticle) {
  bot.app.ingestor.ingest([first]);
  await bot.say({ chatId, text: subscribe, languageCode });
  await digestNow(chatId, languageCode);
  expect(received(chatId)).toContain(first.title);
  bot.clock.advance(21 * HOUR);
  bot.app.ingestor.ingest([later]);
  await digestNow(chatId, languageCode);
  return bot.last(chatId);
}

describe('updates of a story the chat already had', () => {
  it('offers the story again, marked as an update, when another source reports it, linking the newest article, in English', async () => {
    const update = await deliveredThenLater(1101, 'en', '/subscribe Dagestan', dagestanFloodEn, dagestanFloodOtherSourceEn);
    expect(update.plain_text).toContain(`🔄 Update ${dagestanFloodOtherSourceEn.title}`);
    expect(update.plain_text).toContain('North Caucasus Today');
    expect(update.plain_text).toContain('2 sources · EN');
    expect(update.text).toContain(`href="${dagestanFloodOtherSourceEn.url}"`);
    expect(update.text).not.toContain(`href="${dagestanFloodEn.url}"`);
  });

  it('offers the story again in the reader’s language when that version arrives after a tagged one, in Russian', async () => {
    bot.app.ingestor.ingest([dagestanFloodEn]);
    await bot.say({ chatId: 1102, text: '/subscribe Дагестан', languageCode: 'ru' });
    await digestNow(1102, 'ru');
    expect(received(1102)).toContain(`[EN] ${dagestanFloodEn.title}`);
    bot.clock.advance(21 * HOUR);
    bot.app.ingestor.ingest([dagestanFloodRu]);
    await digestNow(1102, 'ru');
    const update = bot.last(1102);
    expect(update.plain_text).toContain(`🔄 Обновление ${dagestanFloodRu.title}`);
    expect(update.plain_text).toContain('EN RU');
    expect(update.text).toContain(`href="${dagestanFloodRu.url}"`);
  });

  it('does not bring a story back to an English reader for a Russian version they do not read', async () => {
    const after = await deliveredThenLater(1107, 'en', '/subscribe Dagestan', dagestanFloodEn, dagestanFloodRu);
    expect(after.plain_text).toBe('Nothing new for your subscriptions since the last briefing.');
    expect(received(1107)).not.toContain(dagestanFloodRu.title);
  });

  it('offers the story again when the same source brings a new figure, in Arabic', async () => {
    const update = await deliveredThenLater(1103, 'ar', '/subscribe مصر', egyptWheatAr, egyptWheatMoreAr);
    expect(update.plain_text).toContain('🔄 تحديث');
    expect(update.plain_text).toContain(egyptWheatMoreAr.title);
    expect(update.plain_text).not.toContain(egyptWheatAr.title);
    expect(update.text).toContain(`href="${egyptWheatMoreAr.url}"`);
  });

  it('offers the story again when the same source names a new official and a new count, in English', async () => {
    const update = await deliveredThenLater(1104, 'en', '/subscribe Dagestan', dagestanFloodEn, dagestanFloodFiguresEn);
    expect(update.plain_text).toContain(`🔄 Update ${dagestanFloodFiguresEn.title}`);
    expect(update.text).toContain(`href="${dagestanFloodFiguresEn.url}"`);
  });

  it('does not offer the story again for a rewrite with nothing new, in English', async () => {
    const answer = await deliveredThenLater(1105, 'en', '/subscribe Dagestan', dagestanFloodEn, dagestanFloodRewriteEn);
    expect(answer.plain_text).toBe('Nothing new for your subscriptions since the last briefing.');
    expect(received(1105)).not.toContain(dagestanFloodRewriteEn.title);
    expect(received(1105)).not.toContain('🔄');
  });

  it('waits for the next day’s digest before offering an update, and offers it once, in English', async () => {
    bot.app.ingestor.ingest([dagestanFloodEn]);
    await bot.say({ chatId: 1106, text: '/subscribe Dagestan', languageCode: 'en' });
    await digestNow(1106, 'en');
    bot.clock.advance(2 * HOUR);
    bot.app.ingestor.ingest([dagestanFloodOtherSourceEn]);
    await digestNow(1106, 'en');
    expect(bot.last(1106).plain_text).toBe('Nothing new for your subscriptions since the last briefing.');

    bot.clock.advance(19 * HOUR);
    await digestNow(1106, 'en');
    expect(bot.last(1106).plain_text).toContain(`🔄 Update ${dagestanFloodOtherSourceEn.title}`);
    bot.clock.advance(HOUR);
    await digestNow(1106, 'en');
    expect(bot.last(1106).plain_text).toBe('Nothing new for your subscriptions since the last briefing.');
    expect(timesShown(received(1106), dagestanFloodOtherSourceEn.title)).toBe(1);
  });
});
