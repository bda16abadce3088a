import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.ts';
import { GROUP, PERSONAS, SANDBOX_ADMIN_IDS, sandboxConfig } from '../../src/sandbox/index.ts';
import type { ChatMessageView, ChatSnapshot } from '../../src/sandbox/chat-log.ts';
import { DEMO_ARTICLES } from '../../src/sandbox/demo/seed.ts';
import { eventually, startSandbox, type RunningSandbox } from './harness.ts';

let run: RunningSandbox;
beforeAll(async () => {
  run = await startSandbox();
}, 30_000);
afterAll(async () => {
  await run?.close();
});

const persona = (key: string) => {
  const found = PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
};

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${run.baseUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const post = (path: string, body: unknown, contentType = 'application/json') =>
  call(path, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const snapshot = async (chatId: number, since = 0) => (await call(`/sandbox/api/messages?chatId=${chatId}&since=${since}`)).body as unknown as ChatSnapshot;

const botMessages = async (chatId: number) => (await snapshot(chatId)).messages.filter((m) => m.from === 'bot');

/** Waits for the bot's reply to land in the chat after `count` bot messages. */
const nthBotMessage = (chatId: number, n: number, test: (m: ChatMessageView) => boolean = () => true) =>
  eventually(`bot message #${n} in chat ${chatId}`, async () => {
    const found = (await botMessages(chatId))[n - 1];
    return found && test(found) ? found : undefined;
  });

describe('the sandbox on first start', () => {
  it('ingests the demo articles through the real pipeline once, and adds nothing on the next start', async () => {
    const count = run.app.db.sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    expect(count.n).toBe(DEMO_ARTICLES.length);
    const again = await run.sandbox.attach(run.app);
    expect(again.new).toBe(0);
    expect(again.duplicates).toBe(DEMO_ARTICLES.length);
    const stories = run.app.db.sqlite.prepare('SELECT count(DISTINCT cluster_id) AS n FROM articles').get() as { n: number };
    expect(stories.n).toBeLessThan(DEMO_ARTICLES.length);
  });

  it('keeps its Bot API on loopback and its data in a database of its own with Jane as admin', () => {
    expect(new URL(run.sandbox.apiRoot).hostname).toBe('127.0.0.1');
    const config = sandboxConfig(createConfig({ DATABASE_PATH: '/srv/bot/data/briefings.db', ADMIN_IDS: '42' }));
    expect(config.databasePath).toBe('/srv/bot/data/sandbox.db');
    expect(config.adminIds).toEqual([42, ...SANDBOX_ADMIN_IDS]);
    expect(config.digestLookbackHours).toBe(720);
    expect(SANDBOX_ADMIN_IDS).toEqual([persona('jane').userId]);
  });

  it('serves the page with a policy that allows nothing from other origins', async () => {
    const page = await fetch(`${run.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/sandbox/web/app.js', '/sandbox/web/bubble.js', '/sandbox/web/render.js', '/sandbox/web/style.css']) {
      expect((await fetch(`${run.baseUrl}${asset}`)).status).toBe(200);
    }
    expect((await fetch(`${run.baseUrl}/sandbox/web/../index.ts`)).status).toBe(404);
    expect((await fetch(`${run.baseUrl}/sandbox/web/index.ts`)).status).toBe(404);
  });
});

describe('the sandbox API', () => {
  it('lists the bot, three people in their languages and the group', async () => {
    const { status, body } = await call('/sandbox/api/personas');
    expect(status).toBe(200);
    const people = body.personas as Array<{ key: string; languageCode: string; admin: boolean; chatId: number; userId: number }>;
    expect(people.map((p) => `${p.key}:${p.languageCode}`)).toEqual(['amina:ar', 'ivan:ru', 'jane:en']);
    expect(people.filter((p) => p.admin).map((p) => p.key)).toEqual(['jane']);
    expect(people.every((p) => p.chatId === p.userId)).toBe(true);
    expect(body.group).toMatchObject({ chatId: GROUP.chatId, title: 'Newsroom' });
  });

  it('delivers a typed command to the bot and shows the reply after it, then only what changed', async () => {
    const ivan = persona('ivan');
    const sent = await post('/sandbox/api/send', { chatId: ivan.userId, userId: ivan.userId, text: '/start', languageCode: 'ru' });
    expect(sent.status).toBe(202);
    expect(sent.body.message).toMatchObject({ from: 'user', id: 1, text: '/start', senderName: 'Ivan' });
    const reply = await nthBotMessage(ivan.userId, 1);
    expect(reply.text).toContain('Ivan');
    expect(reply.parseMode).toBe('HTML');
    const all = await snapshot(ivan.userId);
    expect(all.messages.map((m) => m.from)).toEqual(['user', 'bot']);
    expect((await snapshot(ivan.userId, all.cursor)).messages).toEqual([]);
  });

  it('presses an inline button and shows the edited message in place with a new version', async () => {
    const jane = persona('jane');
    await post('/sandbox/api/send', { chatId: jane.userId, userId: jane.userId, text: '/subscribe', languageCode: 'en' });
    const wizard = await nthBotMessage(jane.userId, 1, (m) => m.replyMarkup !== null);
    const { cursor } = await snapshot(jane.userId);
    const button = wizard.replyMarkup?.inline_keyboard.flat().find((b) => b.text === 'Central Asia');
    if (!button || !('callback_data' in button)) throw new Error('no Central Asia button');
    const pressed = await post('/sandbox/api/press', { chatId: jane.userId, userId: jane.userId, messageId: wizard.id, data: button.callback_data });
    expect(pressed.status).toBe(202);
    const edited = await eventually('the wizard edited in place', async () => (await snapshot(jane.userId, cursor)).messages[0]);
    expect(edited).toMatchObject({ id: wizard.id, version: 1 });
    expect(edited.text).toContain('Central Asia');
    expect(await botMessages(jane.userId)).toHaveLength(1);
  });

  it('shows the command menu Telegram would: localized, and with the admin commands in the admin chat', async () => {
    const menu = async (chatId: number, languageCode: string) =>
      ((await call(`/sandbox/api/commands?chatId=${chatId}&languageCode=${languageCode}`)).body.commands as Array<{ command: string; description: string }>);
    const ivan = await menu(persona('ivan').userId, 'ru');
    expect(ivan.map((c) => c.command)).toContain('digest');
    expect(ivan.map((c) => c.command)).not.toContain('breaking');
    expect(ivan.find((c) => c.command === 'search')?.description).toMatch(/[а-я]/);
    const jane = await menu(persona('jane').userId, 'en');
    expect(jane.map((c) => c.command)).toContain('breaking');
    expect((await menu(GROUP.chatId, 'pt-BR')).length).toBeGreaterThan(5);
  });

  it('speaks in a group as its creator, who may change what the group follows', async () => {
    const jane = persona('jane');
    await post('/sandbox/api/send', { chatId: GROUP.chatId, userId: jane.userId, text: '/subscribe Egypt economy', languageCode: 'en' });
    const reply = await nthBotMessage(GROUP.chatId, 1);
    expect(reply.text).toContain('Subscribed');
    expect(run.app.services.subscriptions.list(GROUP.chatId).map((s) => `${s.region}/${s.topic}`)).toEqual(['EG/economy']);
  });
});

describe('malformed requests to the sandbox API', () => {
  const amina = PERSONAS[0]!;
  const cases: Array<[string, () => Promise<{ status: number; body: Record<string, unknown> }>, number, RegExp]> = [
    ['a body that is not JSON', () => post('/sandbox/api/send', '{"chatId":', 'application/json'), 400, /not valid JSON/],
    ['an empty body', () => post('/sandbox/api/send', '', 'application/json'), 400, /empty/],
    ['a JSON array', () => post('/sandbox/api/send', [1, 2]), 400, /must be an object/],
    ['a form body', () => post('/sandbox/api/send', 'chatId=1', 'application/x-www-form-urlencoded'), 415, /application\/json/],
    ['no chatId', () => post('/sandbox/api/send', { userId: amina.userId, text: 'hi' }), 400, /chatId is required/],
    ['a fractional chatId', () => post('/sandbox/api/send', { chatId: 1.5, userId: 1, text: 'hi' }), 400, /chatId must be/],
    ['a text that is not a string', () => post('/sandbox/api/send', { chatId: amina.userId, userId: amina.userId, text: 5 }), 400, /text must be a string/],
    ['a blank text', () => post('/sandbox/api/send', { chatId: amina.userId, userId: amina.userId, text: '   ' }), 400, /text is empty/],
    ['a text over 4096 characters', () => post('/sandbox/api/send', { chatId: amina.userId, userId: amina.userId, text: 'x'.repeat(4097) }), 400, /longer than 4096/],
    ['someone else in a private chat', () => post('/sandbox/api/send', { chatId: amina.userId, userId: 5, text: 'hi' }), 400, /userId must equal chatId/],
    ['a bad language code', () => post('/sandbox/api/send', { chatId: amina.userId, userId: amina.userId, text: 'hi', languageCode: 'arabic!' }), 400, /languageCode/],
    ['a body over 64 KB', () => post('/sandbox/api/send', { chatId: 1, userId: 1, text: 'x'.repeat(70_000) }), 413, /larger than/],
    ['a press on a message that does not exist', () => post('/sandbox/api/press', { chatId: amina.userId, userId: amina.userId, messageId: 999, data: 'x' }), 404, /no bot message 999/],
    ['a press without data', () => post('/sandbox/api/press', { chatId: amina.userId, userId: amina.userId, messageId: 1 }), 400, /data must be/],
    ['callback data over 64 bytes', () => post('/sandbox/api/press', { chatId: amina.userId, userId: amina.userId, messageId: 1, data: 'ж'.repeat(33) }), 400, /64 bytes/],
    ['messages without a chat', () => call('/sandbox/api/messages'), 400, /chatId is required/],
    ['a cursor that is not a number', () => call(`/sandbox/api/messages?chatId=${amina.userId}&since=yesterday`), 400, /since must be/],
    ['a GET to send', () => call('/sandbox/api/send'), 405, /use POST/],
    ['an unknown endpoint', () => call('/sandbox/api/constructor'), 404, /no sandbox endpoint/],
  ];

  it.each(cases)('answers %s with a 4xx that says why', async (_name, request, status, reason) => {
    const { status: got, body } = await request();
    expect(got).toBe(status);
    expect(String(body.error)).toMatch(reason);
  });

  it('refuses a press on a button the message does not carry, and the bot hears nothing of it', async () => {
    const ivan = persona('ivan');
    const [message] = await botMessages(ivan.userId);
    if (!message) throw new Error('Ivan has no bot message yet');
    const { status, body } = await post('/sandbox/api/press', { chatId: ivan.userId, userId: ivan.userId, messageId: message.id, data: 'sub:forged' });
    expect(status).toBe(400);
    expect(String(body.error)).toMatch(/no button with this callback data/);
  });

  it('still serves after all of them, and the bot earned no refusal from the Bot API', async () => {
    expect((await call('/sandbox/api/personas')).status).toBe(200);
    expect(run.violations()).toEqual([]);
  });
});
