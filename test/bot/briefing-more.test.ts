import { describe, expect, it } from 'vitest';
import { MAX_DIGEST_ITEMS } from '../../src/digests/service.ts';
import { useTestBot } from '../helpers/app.ts';
import type { SentMessage } from '../../src/telegram-double/types.ts';
import { uzbekFactoryStories } from '../fixtures/briefing-stories.ts';

const bot = useTestBot();
const HOUR = 3_600_000;

const buttonsOf = (m: SentMessage) => m.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? [];
const received = (chatId: number) => bot.telegram.sentMessages(chatId).map((m) => m.plain_text).join('\n');
const lastToast = () => bot.telegram.callsOf('answerCallbackQuery').at(-1)?.payload;
const timesShown = (text: string, title: string) => text.split(title).length - 1;

/** The newest message of the chat with a button whose text matches. */
function withButton(chatId: number, label: RegExp): SentMessage {
  const found = bot.telegram.sentMessages(chatId).reverse().find((m) => buttonsOf(m).some((t) => label.test(t)));
  if (!found) throw new Error(`no message of chat ${chatId} has a button ${String(label)}`);
  return found;
}

async function digestNow(chatId: number, languageCode: string) {
  await bot.say({ chatId, text: '/digest', languageCode });
  await bot.app.sender.runUntilIdle();
}

/** How many stories the chat got, by its deliveries, and how many of them more than once. */
function deliveredStories(chatId: number) {
  const rows = bot.app.db.sqlite.prepare('SELECT cluster_id AS c, count(*) AS n FROM deliveries WHERE chat_id = ? GROUP BY cluster_id').all(chatId) as Array<{ c: number; n: number }>;
  return { stories: rows.length, repeated: rows.filter((r) => r.n > 1).length };
}

describe('nothing lost past the cap', () => {
  it('brings all 40 matching stories, ten at a time, across More presses and the next briefing, none twice, in Russian', async () => {
    expect(MAX_DIGEST_ITEMS).toBe(10);
    const stories = uzbekFactoryStories(40, 'ru');
    bot.app.ingestor.ingest(stories);
    await bot.say({ chatId: 801, text: '/subscribe Узбекистан экономика', languageCode: 'ru' });
    await digestNow(801, 'ru');
    const first = withButton(801, /^➕ Ещё/);
    expect(buttonsOf(first)).toContain('➕ Ещё (30)');
    expect(received(801)).toContain('Ваша сводка');
    expect(deliveredStories(801).stories).toBe(10);

    await bot.press(801, first, '➕ Ещё (30)', 'ru');
    expect(lastToast()?.text).toBe('Уже отправляем.');
    await bot.app.sender.runUntilIdle();
    const second = withButton(801, /^➕ Ещё/);
    expect(second.plain_text).toContain('продолжение');
    expect(buttonsOf(second)).toContain('➕ Ещё (20)');
    expect(deliveredStories(801).stories).toBe(20);

    // The next briefing starts from what was never shown, and still offers the rest behind More.
    bot.clock.advance(HOUR);
    await digestNow(801, 'ru');
    const third = withButton(801, /^➕ Ещё/);
    expect(third.plain_text).not.toContain('продолжение');
    expect(buttonsOf(third)).toContain('➕ Ещё (10)');
    expect(deliveredStories(801).stories).toBe(30);
    await bot.press(801, third, '➕ Ещё (10)', 'ru');
    await bot.app.sender.runUntilIdle();
    expect(buttonsOf(bot.last(801)).some((t) => t.startsWith('➕'))).toBe(false);

    bot.clock.advance(HOUR);
    await digestNow(801, 'ru');
    expect(bot.last(801).plain_text).toBe('С прошлой сводки по вашим подпискам ничего нового.');
    const text = received(801);
    for (const story of stories) expect(timesShown(text, story.title), story.title).toBe(1);
    expect(deliveredStories(801)).toEqual({ stories: 40, repeated: 0 });
  });

  it('keeps what a briefing left behind More for the next scheduled briefing, in English', async () => {
    const stories = uzbekFactoryStories(14, 'en');
    bot.app.ingestor.ingest(stories);
    await bot.say({ chatId: 802, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await bot.say({ chatId: 802, text: '/schedule 09:00 UTC daily', languageCode: 'en' });
    await digestNow(802, 'en');
    expect(buttonsOf(withButton(802, /^➕ More/))).toContain('➕ More (4)');
    expect(deliveredStories(802).stories).toBe(10);

    bot.clock.advance(3 * HOUR + 1);
    bot.app.digests.run({ at: bot.clock.now() });
    await bot.app.sender.runUntilIdle();
    const text = received(802);
    for (const story of stories) expect(timesShown(text, story.title), story.title).toBe(1);
    expect(deliveredStories(802)).toEqual({ stories: 14, repeated: 0 });
  });

  it('counts behind More only what it would send when other languages are left out, in English', async () => {
    const english = uzbekFactoryStories(12, 'en');
    const russian = uzbekFactoryStories(6, 'ru');
    bot.app.ingestor.ingest([...russian, ...english]);
    await bot.say({ chatId: 806, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await bot.say({ chatId: 806, text: '/languages', languageCode: 'en' });
    await bot.press(806, bot.last(806), '🙈 Others: left out', 'en');
    await digestNow(806, 'en');
    const first = withButton(806, /^➕ More/);
    expect(buttonsOf(first)).toContain('➕ More (2)');
    await bot.press(806, first, '➕ More (2)', 'en');
    await bot.app.sender.runUntilIdle();
    expect(buttonsOf(bot.last(806)).some((t) => t.startsWith('➕'))).toBe(false);
    const text = received(806);
    for (const story of english) expect(timesShown(text, story.title), story.title).toBe(1);
    for (const story of russian) expect(text).not.toContain(story.title);
  });

  it('answers an old More pressed after a newer briefing with a note, not an error and not a repeat, in English', async () => {
    const stories = uzbekFactoryStories(15, 'en');
    bot.app.ingestor.ingest(stories);
    await bot.say({ chatId: 803, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await digestNow(803, 'en');
    const old = withButton(803, /^➕ More/);
    bot.clock.advance(HOUR);
    await digestNow(803, 'en');
    const sent = bot.telegram.sentMessages(803).length;

    await bot.press(803, old, '➕ More (5)', 'en');
    expect(lastToast()?.text).toBe('A newer briefing has replaced this one: what it left out is in that one or the next.');
    expect(lastToast()?.show_alert).toBeFalsy();
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(803)).toHaveLength(sent);
    const text = received(803);
    for (const story of stories) expect(timesShown(text, story.title), story.title).toBe(1);
  });

  it('sends a page once however often its More is pressed, in Arabic', async () => {
    bot.app.ingestor.ingest(uzbekFactoryStories(25, 'ar'));
    await bot.say({ chatId: 804, text: '/subscribe أوزبكستان الاقتصاد', languageCode: 'ar' });
    await digestNow(804, 'ar');
    const first = withButton(804, /^➕ المزيد/);
    expect(buttonsOf(first)).toContain('➕ المزيد (15)');

    await bot.press(804, first, '➕ المزيد (15)', 'ar');
    expect(lastToast()?.text).toBe('في الطريق إليك.');
    await bot.press(804, first, '➕ المزيد (15)', 'ar');
    expect(lastToast()?.text).toBe('هذه الصفحة في الطريق إليك.');
    await bot.app.sender.runUntilIdle();
    await bot.press(804, first, '➕ المزيد (15)', 'ar');
    expect(lastToast()?.text).toBe('هذه الصفحة في الطريق إليك.');
    await bot.app.sender.runUntilIdle();

    const pages = bot.telegram.sentMessages(804).filter((m) => m.plain_text.includes('تتمة'));
    expect(pages).toHaveLength(1);
    expect(deliveredStories(804)).toEqual({ stories: 20, repeated: 0 });
    expect(buttonsOf(withButton(804, /^➕ المزيد/))).toContain('➕ المزيد (5)');
  });

  it('sends nothing more when a More is pressed again after its page arrived, even if what is left would fill more messages, in English', async () => {
    const now = bot.clock.now();
    // Ten short stories a page first; the ten after them, older and so ranked last, with headlines long enough to need two messages.
    const short = uzbekFactoryStories(20, 'en').map((s, i) => ({ ...s, publishedAt: now - i * 60_000 }));
    const long = uzbekFactoryStories(30, 'en').slice(20).map((s, i) => ({ ...s, publishedAt: now - 10 * HOUR - i * 60_000, title: `${s.title}${LONG_HEADLINE}` }));
    bot.app.ingestor.ingest([...short, ...long]);
    await bot.say({ chatId: 805, text: '/subscribe Uzbekistan economy', languageCode: 'en' });
    await digestNow(805, 'en');
    const first = withButton(805, /^➕ More/);
    await bot.press(805, first, '➕ More (20)', 'en');
    await bot.app.sender.runUntilIdle();
    const sent = bot.telegram.sentMessages(805).length;
    expect(deliveredStories(805).stories).toBe(20);

    await bot.press(805, first, '➕ More (20)', 'en');
    expect(lastToast()?.text).toBe('That page is already on its way.');
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(805)).toHaveLength(sent);
    expect(deliveredStories(805).stories).toBe(20);
    // The rest still comes, whole, behind the second page's More.
    await bot.press(805, withButton(805, /^➕ More/), '➕ More (10)', 'en');
    await bot.app.sender.runUntilIdle();
    expect(bot.telegram.sentMessages(805)).toHaveLength(sent + 2);
    expect(deliveredStories(805)).toEqual({ stories: 30, repeated: 0 });
  });
});

const LONG_HEADLINE =
  ', the ministry said in a statement that also listed new orders from Kazakhstan, Turkey and China and plans for a second production line' +
  ' that would double the output of the plant within three years, if the banks agree to lend the money and the grid can carry the new furnaces';
