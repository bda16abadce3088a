/**
 * Editions in the sandbox, as a person would try them: Jane runs Newsroom Channel from her private
 * chat (/channels, Manage, /subscribe) and its briefing lands in the channel's read-only view; in
 * Regions forum a command in one topic is answered in that topic alone. Through the page's HTTP API
 * first, then in Chromium when it is installed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageView, ChatSnapshot } from '../../src/sandbox/chat-log.ts';
import { CHANNEL, FORUM, PERSONAS } from '../../src/sandbox/index.ts';
import { eventually, startSandbox, type RunningSandbox } from './harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jane = PERSONAS.find((p) => p.key === 'jane')!;
const ivan = PERSONAS.find((p) => p.key === 'ivan')!;

type Topic = { threadId: number | null; name: string; closed: boolean };

let run: RunningSandbox;
beforeAll(async () => {
  run = await startSandbox();
}, 30_000);
afterAll(async () => {
  await run?.close();
});

async function call(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`${run.baseUrl}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const snapshot = async (chatId: number, threadId?: number) =>
  (await call(`/sandbox/api/messages?chatId=${chatId}${threadId === undefined ? '' : `&threadId=${threadId}`}`)).body as unknown as ChatSnapshot;
/** Bot texts are Telegram HTML; what a reader sees has no tags. */
const plain = (message: ChatMessageView) => message.text.replace(/<[^>]+>/g, '');
const botMessages = async (chatId: number, threadId?: number) => (await snapshot(chatId, threadId)).messages.filter((m) => m.from === 'bot');
const topics = async () => (await call(`/sandbox/api/topics?chatId=${FORUM.chatId}`)).body.topics as Topic[];

/** Waits until the chat (or topic) holds `n` bot messages and returns the newest. */
const botReply = (chatId: number, n: number, threadId?: number) =>
  eventually(`bot message #${n} in ${chatId}/${threadId ?? 'general'}`, async () => {
    const list = await botMessages(chatId, threadId);
    return list.length >= n ? list[n - 1] : undefined;
  });

const say = (chatId: number, text: string, threadId?: number, userId = chatId > 0 ? chatId : jane.userId) =>
  call('/sandbox/api/send', { chatId, userId, text, languageCode: 'en', ...(threadId === undefined ? {} : { threadId }) });

function callbackOf(message: ChatMessageView, label: string): string {
  const button = message.replyMarkup?.inline_keyboard.flat().find((b) => b.text.includes(label));
  if (!button || !('callback_data' in button)) throw new Error(`no button "${label}" under message ${message.id}`);
  return button.callback_data;
}

describe('a channel edition in the sandbox', () => {
  it('lists the channel and the forum beside the people and the group', async () => {
    const { body } = await call('/sandbox/api/personas');
    expect(body.channel).toMatchObject({ chatId: CHANNEL.chatId, title: 'Newsroom Channel', username: 'newsroom_channel_demo', creatorKey: 'jane' });
    expect(body.forum).toMatchObject({ chatId: FORUM.chatId, title: 'Regions forum' });
    expect(CHANNEL.chatId).toBeLessThan(-1_000_000_000_000);
  });

  it('lets Jane find the channel with /channels, manage it, subscribe it and see its briefing posted without buttons', async () => {
    expect((await say(jane.userId, '/channels')).status).toBe(202);
    const list = await botReply(jane.userId, 1);
    expect(list.text).toContain('Newsroom Channel');
    const pressed = await call('/sandbox/api/press', { chatId: jane.userId, userId: jane.userId, messageId: list.id, data: callbackOf(list, 'Newsroom Channel'), languageCode: 'en' });
    expect(pressed.status).toBe(202);
    expect(plain(await botReply(jane.userId, 2))).toContain('Now managing Newsroom Channel');

    await say(jane.userId, '/subscribe Egypt economy');
    expect((await botReply(jane.userId, 3)).text).toContain('Subscribed');
    expect(run.app.services.subscriptions.list(CHANNEL.chatId).map((s) => `${s.region}/${s.topic}`)).toEqual(['EG/economy']);
    expect(run.app.services.subscriptions.list(jane.userId)).toEqual([]);

    const delivered = await call('/sandbox/api/deliver', { chatId: CHANNEL.chatId });
    expect(delivered).toMatchObject({ status: 202, body: { outcome: 'queued' } });
    const post = await botReply(CHANNEL.chatId, 1);
    expect(post.text).toMatch(/Egypt/);
    expect(post.replyMarkup).toBeNull();
  });

  it('keeps the channel read-only: nobody types there, and the page can deliver nothing but the channel', async () => {
    const typed = await say(CHANNEL.chatId, 'hello', undefined, jane.userId);
    expect(typed.status).toBe(403);
    expect(String(typed.body.error)).toMatch(/managed from a private chat with \/channels/);
    expect((await call(`/sandbox/api/commands?chatId=${CHANNEL.chatId}&languageCode=en`)).body.commands).toEqual([]);
    expect((await call('/sandbox/api/deliver', { chatId: jane.userId })).status).toBe(400);
  });
});

describe('forum topic editions in the sandbox', () => {
  it('opens the forum with General and two topics', async () => {
    expect((await topics()).map((t) => t.name)).toEqual(['General', 'Central Asia', 'Caucasus']);
  });

  it('answers a /subscribe sent in one topic in that topic only', async () => {
    const [, central, caucasus] = await topics();
    if (!central?.threadId || !caucasus?.threadId) throw new Error('the forum has no topics');
    expect((await say(FORUM.chatId, '/subscribe Uzbekistan energy', central.threadId)).status).toBe(202);
    const reply = await botReply(FORUM.chatId, 1, central.threadId);
    expect(reply.text).toContain('Subscribed');
    expect(reply.threadId).toBe(central.threadId);
    const mine = (await snapshot(FORUM.chatId, central.threadId)).messages.map((m) => `${m.from}:${m.threadId}`);
    expect(mine).toEqual([`user:${central.threadId}`, `bot:${central.threadId}`]);
    expect((await snapshot(FORUM.chatId)).messages).toEqual([]);
    expect((await snapshot(FORUM.chatId, caucasus.threadId)).messages).toEqual([]);
    // The topic's edition has the subscription; the forum itself (General) has none.
    expect(run.app.services.subscriptions.list(FORUM.chatId)).toEqual([]);
  });

  it('shows the topics the bot opens for /editions, and refuses a topic that is not there', async () => {
    await say(FORUM.chatId, '/editions ru');
    const made = await botReply(FORUM.chatId, 1);
    expect(made.threadId).toBeNull();
    const names = await eventually('a new topic', async () => {
      const list = await topics();
      return list.length > 3 ? list.map((t) => t.name) : undefined;
    });
    expect(names.slice(0, 3)).toEqual(['General', 'Central Asia', 'Caucasus']);
    expect(names[3]).toMatch(/Русский/);
    const missing = await say(FORUM.chatId, 'hi', 999, ivan.userId);
    expect(missing.status).toBe(404);
    expect((await call(`/sandbox/api/messages?chatId=${jane.userId}&threadId=5`)).status).toBe(400);
  });

  it('earned no refusal from the Bot API on the way', () => {
    expect(run.violations()).toEqual([]);
  });
});

// Reads what the API tests above left behind: the channel's briefing, the topics' subscriptions and the bot's topic.
describe.skipIf(!existsSync(CHROMIUM))('editions in the browser', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    await page.goto(`${run.baseUrl}/`);
    await page.locator('.chat-item[data-chat="forum"]').waitFor();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the channel as a read-only chat with the posted briefing and a note to manage it with /channels', async () => {
    await page.locator('.chat-item[data-chat="channel"]').click();
    await page.locator('.msg.bot .text', { hasText: 'Egypt' }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#composer').isVisible()).toBe(false);
    expect(await page.locator('#channel-note').textContent()).toContain('/channels');
    expect(await page.locator('.msg.bot .keyboard button').count()).toBe(0);
    await page.screenshot({ path: 'test-artifacts/sandbox-channel.png', fullPage: true }).catch(() => undefined);
  });

  it('lets a person pick a forum topic, write in it and see only that topic\'s messages', async () => {
    await page.locator('.chat-item[data-chat="forum"]').click();
    await page.locator('.topic', { hasText: 'Caucasus' }).click();
    await expect.poll(() => page.locator('.topic[aria-selected="true"]').textContent()).toContain('Caucasus');
    await page.locator('#input').fill('/subscribe Georgia politics');
    await page.locator('#input').press('Enter');
    await page.locator('.msg.bot .text', { hasText: 'Subscribed' }).waitFor({ timeout: 10_000 });
    await page.locator('.topic', { hasText: 'Central Asia' }).click();
    await page.locator('.msg.bot .text', { hasText: 'Uzbekistan' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.msg .text', { hasText: 'Georgia' }).count()).toBe(0);
    await page.locator('.topic', { hasText: 'Русский' }).waitFor();
    await page.screenshot({ path: 'test-artifacts/sandbox-forum-topic.png', fullPage: true }).catch(() => undefined);
    expect(run.violations()).toEqual([]);
  });
});
