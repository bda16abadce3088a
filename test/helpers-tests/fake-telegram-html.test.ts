import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../../src/telegram-double/index.ts';
import { parseHtml } from '../../src/telegram-double/html.ts';
import { callApi } from './raw-api.ts';

const parseError = (detail: string): string => `Bad Request: can't parse entities: ${detail}`;

describe('fake Telegram HTML parse mode', () => {
  let tg: FakeTelegram;
  beforeEach(async () => {
    tg = await createFakeTelegram({ enforceRates: false });
  });
  afterEach(async () => {
    await tg.close();
  });

  const sendHtml = (text: string) => callApi(tg, 'sendMessage', { chat_id: 42, text, parse_mode: 'HTML' });

  it('refuses a <p> tag the way Telegram does', async () => {
    const answer = await sendHtml('<p>Hello</p>');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      ok: false,
      error_code: 400,
      description: parseError('Unsupported start tag "p" at byte offset 0'),
    });
    expect(tg.violations).toEqual([`sendMessage: ${parseError('Unsupported start tag "p" at byte offset 0')}`]);
    expect(tg.sentMessages()).toEqual([]);
  });

  it('reports byte offsets in UTF-8 bytes rather than characters', async () => {
    const answer = await sendHtml('Привет <br>');
    expect(answer.body.description).toBe(parseError('Unsupported start tag "br" at byte offset 13'));
  });

  it('refuses an unclosed tag', async () => {
    expect((await sendHtml('<b>bold')).body.description).toBe(parseError("Can't find end tag corresponding to start tag b"));
  });

  it('refuses crossed tags', async () => {
    expect((await sendHtml('<b><i>x</b></i>')).body.description).toBe(
      parseError('Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    );
  });

  it('refuses an end tag with nothing open', async () => {
    expect((await sendHtml('x</b>')).body.description).toBe(parseError('Unexpected end tag at byte offset 1'));
  });

  it('treats a bare < as an empty unsupported tag, as Telegram does', async () => {
    expect((await sendHtml('1 < 2')).body.description).toBe(parseError('Unsupported start tag "" at byte offset 2'));
  });

  it('refuses a span without the tg-spoiler class', async () => {
    expect((await sendHtml('<span class="x">a</span>')).body.description).toBe(
      parseError('Tag "span" must have class "tg-spoiler" at byte offset 0'),
    );
  });

  it('refuses a bare & and unknown entities because they are escaping bugs', async () => {
    expect((await sendHtml('AT&T')).body.description).toMatch(/^Bad Request: can't parse entities: Unescaped "&" at byte offset 2/);
    expect((await sendHtml('a&nbsp;b')).status).toBe(400);
    expect((await sendHtml('fish &amp chips')).status).toBe(400);
  });

  it('refuses an entity that decodes to half a surrogate pair', async () => {
    expect((await sendHtml('x &#xD83D; y')).body.description).toBe(
      parseError('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units'),
    );
  });

  it('refuses unquoted attribute values', async () => {
    expect((await sendHtml('<a href=x.com>x</a>')).body.description).toMatch(/Unquoted attribute value in the tag "a"/);
  });

  it('shows a bare & literally when strictHtml is off, exactly like Telegram', async () => {
    const lenient = await createFakeTelegram({ strictHtml: false });
    try {
      const answer = await callApi(lenient, 'sendMessage', { chat_id: 1, text: 'AT&T &nbsp; &amp', parse_mode: 'HTML' });
      expect(answer.status).toBe(200);
      expect(lenient.lastMessage(1)?.plain_text).toBe('AT&T &nbsp; &');
    } finally {
      await lenient.close();
    }
  });

  it('accepts every supported tag and derives the entities Telegram would', () => {
    const html =
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler><a href="https://t.me/x?a=1&amp;b=2">l</a>' +
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji><code>c</code>' +
      '<pre><code class="language-ts">x</code></pre><blockquote>q</blockquote><blockquote expandable>e</blockquote>' +
      '&lt;&gt;&amp;&quot;&#65;&#x1F600;';
    const parsed = parseHtml(html, true);
    expect(parsed.text).toBe('bsieunskdpql👍cxqe<>&"A😀');
    expect(parsed.entities.map((e) => e.type)).toEqual([
      'bold', 'bold', 'italic', 'italic', 'underline', 'underline', 'strikethrough', 'strikethrough', 'strikethrough',
      'spoiler', 'spoiler', 'text_link', 'custom_emoji', 'code', 'pre', 'blockquote', 'expandable_blockquote',
    ]);
    expect(parsed.entities).toContainEqual({ type: 'text_link', offset: 11, length: 1, url: 'https://t.me/x?a=1&b=2' });
    expect(parsed.entities).toContainEqual({ type: 'pre', offset: 15, length: 1, language: 'ts' });
    expect(parsed.entities).toContainEqual({ type: 'custom_emoji', offset: 12, length: 2, custom_emoji_id: '5368324170671202286' });
  });

  it('stores both the sent HTML and the text the user sees', async () => {
    await sendHtml('  <b>Top</b> &amp; more\n');
    expect(tg.lastMessage(42)).toMatchObject({
      text: '  <b>Top</b> &amp; more\n',
      plain_text: 'Top & more',
      parse_mode: 'HTML',
      entities: [{ type: 'bold', offset: 0, length: 3 }],
    });
  });

  it('counts length after entities so 4096 &amp; entities fit', async () => {
    const fits = await sendHtml('&amp;'.repeat(4096));
    expect(fits.status).toBe(200);
    expect(tg.lastMessage(42)?.plain_text).toHaveLength(4096);
    const tooLong = await sendHtml(`<b>${'&amp;'.repeat(4097)}</b>`);
    expect(tooLong.body.description).toBe('Bad Request: message is too long');
  });

  it('counts length in UTF-16 code units, so 2049 emoji are too long', async () => {
    expect((await sendHtml('😀'.repeat(2048))).status).toBe(200);
    expect((await sendHtml('😀'.repeat(2049))).body.description).toBe('Bad Request: message is too long');
  });

  it('refuses text that is empty once tags and whitespace are gone', async () => {
    expect((await sendHtml('<b> </b>\n')).body.description).toBe('Bad Request: message text is empty');
    expect((await callApi(tg, 'sendMessage', { chat_id: 42 })).body.description).toBe('Bad Request: message text is empty');
  });
});
