import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { parseMarkdownV2 } from '../../src/telegram-double/markdown.ts';
import { CAPTION_RULES, checkText } from '../../src/telegram-double/text-rules.ts';
import { callApi } from './raw-api.ts';

describe('fake Telegram MarkdownV2 and other parse modes', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram({ enforceRates: false });
  });
  afterEach(async () => {
    await tg.close();
  });

  const send = (text: string, parse_mode?: string) => callApi(tg, 'sendMessage', { chat_id: 7, text, parse_mode });

  it('refuses an unescaped reserved character in MarkdownV2', async () => {
    const answer = await send('Price: 5.00', 'MarkdownV2');
    expect(answer.body.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
  });

  it('refuses an unclosed MarkdownV2 entity with its byte offset', async () => {
    expect((await send('ok *bold', 'MarkdownV2')).body.description).toBe(
      "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 3",
    );
  });

  it('renders valid MarkdownV2 into text and entities', () => {
    const parsed = parseMarkdownV2('*b* _i_ __u__ ~s~ ||p|| `c` [l](https://x.org/a\\)b) 1\\.5\n```py\nx\n```');
    expect(parsed.text).toBe('b i u s p c l 1.5\nx\n');
    expect(parsed.entities).toEqual([
      { type: 'bold', offset: 0, length: 1 },
      { type: 'italic', offset: 2, length: 1 },
      { type: 'underline', offset: 4, length: 1 },
      { type: 'strikethrough', offset: 6, length: 1 },
      { type: 'spoiler', offset: 8, length: 1 },
      { type: 'code', offset: 10, length: 1 },
      { type: 'text_link', offset: 12, length: 1, url: 'https://x.org/a)b' },
      { type: 'pre', offset: 18, length: 2, language: 'py' },
    ]);
  });

  it('accepts parse_mode in any letter case, as the Bot API does', async () => {
    expect((await send('<b>x</b>', 'html')).status).toBe(200);
  });

  it('refuses an unknown parse mode', async () => {
    expect((await send('x', 'Markdown3')).body.description).toBe('Bad Request: unsupported parse_mode');
  });

  it('checks legacy Markdown for unclosed entities', async () => {
    expect((await send('snake_case', 'Markdown')).body.description).toBe(
      "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 5",
    );
  });

  it('applies only the length rule to plain text', async () => {
    expect((await send('<p> & *not markup*')).status).toBe(200);
    expect((await send('x'.repeat(4097))).body.description).toBe('Bad Request: message is too long');
  });

  it('applies the 1024 limit to captions', () => {
    const rules = { ...CAPTION_RULES, strictHtml: true };
    expect(checkText({ text: 'x'.repeat(1024), parseMode: undefined, entities: undefined }, rules).text).toHaveLength(1024);
    expect(() => checkText({ text: 'x'.repeat(1025), parseMode: undefined, entities: undefined }, rules)).toThrow(
      'Bad Request: message caption is too long',
    );
  });
});
