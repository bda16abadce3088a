import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeTelegram, type FakeTelegram } from '../src/telegram-double/index.ts';
import { startMainProcess, type RunningMain } from './helpers/main-process.ts';
import { messageUpdate } from '../src/telegram-double/updates.ts';

let telegram: FakeTelegram;
let dir: string;

const startBot = (extraEnv: Record<string, string> = {}) => startMainProcess(telegram, dir, extraEnv);
const stopped = (run: RunningMain) => run.exit;

beforeAll(async () => {
  telegram = await createFakeTelegram({ maxPollTimeoutMs: 200 });
  dir = mkdtempSync(join(tmpdir(), 'briefings-main-'));
});
afterAll(async () => {
  await telegram.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with a token', () => {
  it('serves three users in their languages over long polling and keeps their state across a restart', async () => {
    const first = startBot();
    await telegram.waitForCalls('setMyCommands', 4, 15_000);
    expect(telegram.commands('ar').length).toBeGreaterThan(5);
    telegram.queueUpdate(messageUpdate({ chatId: 701, text: '/subscribe طاجيكستان الأمن', languageCode: 'ar' }));
    telegram.queueUpdate(messageUpdate({ chatId: 702, text: '/subscribe Узбекистан экономика', languageCode: 'ru' }));
    telegram.queueUpdate(messageUpdate({ chatId: 703, text: '/subscribe Chechnya religion', languageCode: 'en' }));
    await telegram.waitForCalls('sendMessage', 3, 15_000);
    expect(telegram.lastMessage(701)?.plain_text).toContain('تم الاشتراك');
    expect(telegram.lastMessage(702)?.plain_text).toContain('Подписка оформлена: Узбекистан · Экономика');
    expect(telegram.lastMessage(703)?.plain_text).toContain('Subscribed: Chechnya · Religion');
    first.child.kill('SIGTERM');
    expect(await stopped(first)).toBe(0);
    expect(first.stderr()).not.toContain(telegram.token);

    const second = startBot();
    telegram.queueUpdate(messageUpdate({ chatId: 702, text: '/subscriptions', languageCode: 'ru' }));
    await telegram.waitForCalls('sendMessage', 4, 15_000);
    expect(telegram.lastMessage(702)?.plain_text).toContain('Узбекистан · Экономика');
    second.child.kill('SIGTERM');
    await stopped(second);
    expect(telegram.violations).toEqual([]);
  }, 60_000);

  it('refuses to start with a broken setting and names it on stderr', async () => {
    const run = startBot({ DEFAULT_TIMEZONE: 'Nowhere/Land' });
    expect(await stopped(run)).not.toBe(0);
    expect(run.stderr()).toContain('DEFAULT_TIMEZONE');
  }, 30_000);
});
