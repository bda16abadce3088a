import { describe, expect, it } from 'vitest';
import { useTestBot } from '../helpers/app.ts';
import { tajikBorderEn, tajikBorderRu } from '../fixtures/articles.ts';

const bot = useTestBot();

/** Everything the bot sent the chat, digests included, as one text. */
const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');

async function digestFor(chatId: number, subscribe: string) {
  await bot.say({ chatId, text: subscribe, languageCode: 'en' });
  await bot.say({ chatId, text: '/digest', languageCode: 'en' });
  await bot.app.sender.runUntilIdle();
  return received(chatId);
}

// The English and Russian reports of one story, linked as alternates: only the Russian title says «переговоры».
describe('keyword filters over every version of a story', () => {
  it('leaves out a story when only its Russian version has the excluded word, even for an English reader', async () => {
    bot.app.ingestor.ingest([tajikBorderEn, tajikBorderRu]);
    expect(await digestFor(701, '/subscribe Tajikistan -переговоры')).not.toContain(tajikBorderEn.title);
    expect(await digestFor(702, '/subscribe Tajikistan -football')).toContain(tajikBorderEn.title);
  });

  it('keeps a story when its Russian version has the wanted word and sends the English version', async () => {
    bot.app.ingestor.ingest([tajikBorderEn, tajikBorderRu]);
    const text = await digestFor(703, '/subscribe Tajikistan +переговоры +border');
    expect(text).toContain(tajikBorderEn.title);
    expect(text).not.toContain(tajikBorderRu.title);
  });

  it('needs every + word somewhere in the story', async () => {
    bot.app.ingestor.ingest([tajikBorderEn, tajikBorderRu]);
    expect(await digestFor(704, '/subscribe Tajikistan +переговоры +football')).not.toContain(tajikBorderEn.title);
  });
});
