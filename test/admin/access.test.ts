import { describe, expect, it } from 'vitest';
import { registerAdminMenus } from '../../src/bot/features/admin/index.ts';
import type { TestBot } from '../helpers/app.ts';
import { ADMIN, asAdmin, lastAnswer, useTestBots } from './helpers.ts';

const start = useTestBots();
const STRANGER = 555;
const REFUSAL = '⛔ This command is for the bot\'s editors only.';
const GROUP = -1001234567890;

const count = (bot: TestBot, table: string) => bot.app.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('who may use the admin desk', () => {
  it('refuses every admin command from a non-admin, plainly, and does nothing', async () => {
    const bot = await start();
    for (const text of ['/breaking Tajikistan | Fake news', '/sources', '/sources add https://example.org/feed.xml', '/stats', '/audit', '/admins', `/admins add ${STRANGER}`]) {
      await bot.say({ chatId: STRANGER, text, languageCode: 'en' });
      expect(bot.last(STRANGER).plain_text, text).toBe(REFUSAL);
    }
    await bot.say({ chatId: STRANGER, text: '/stats', languageCode: 'ar' });
    expect(bot.last(STRANGER).plain_text).toBe('⛔ هذا الأمر لمحرري البوت فقط.');
    expect([count(bot, 'breaking_drafts'), count(bot, 'admins'), count(bot, 'sources'), count(bot, 'audit_log')]).toEqual([0, 0, 0, 0]);
  });

  it('refuses every admin button pressed by a non-admin, with an alert, and nothing changes', async () => {
    const bot = await start();
    createSource(bot);
    await asAdmin(bot, '/breaking | Real news');
    const preview = bot.last(ADMIN);
    await asAdmin(bot, '/sources');
    const list = bot.last(ADMIN);
    await bot.press(ADMIN, list, '🗑 Remove #1');
    const confirmation = bot.last(ADMIN);
    const presses: Array<[typeof preview, RegExp | string]> = [
      [preview, /Send/], [preview, /Cancel/], [list, '⏸ Pause #1'], [list, '🗑 Remove #1'], [confirmation, '🗑 Yes, remove'], [confirmation, '✖ Keep it'],
    ];
    for (const [message, button] of presses) {
      await bot.press(ADMIN, message, button, 'en', STRANGER);
      expect(lastAnswer(bot), String(button)).toMatchObject({ text: REFUSAL, show_alert: true });
    }
    expect(bot.app.db.sqlite.prepare('SELECT status FROM breaking_drafts').pluck().all()).toEqual(['draft']);
    expect(bot.app.db.sqlite.prepare('SELECT status FROM sources').pluck().all()).toEqual(['active']);
    expect(count(bot, 'outbox')).toBe(0);
    expect(count(bot, 'audit_log')).toBe(0);
  });

  it('works in private chats only, answering the same in a group to admins and others so nothing leaks', async () => {
    const bot = await start();
    await bot.say({ chatId: GROUP, userId: ADMIN, text: '/stats', languageCode: 'en' });
    const toAdmin = bot.last(GROUP).plain_text;
    await bot.say({ chatId: GROUP, userId: STRANGER, text: '/admins', languageCode: 'en' });
    expect(toAdmin).toBe('Admin commands work only in a private chat with the bot.');
    expect(bot.last(GROUP).plain_text).toBe(toAdmin);
    await bot.say({ chatId: GROUP, userId: ADMIN, text: '/breaking | Hello', languageCode: 'en' });
    expect(bot.last(GROUP).plain_text).toBe(toAdmin);
    expect(bot.telegram.sentMessages(GROUP).some((m) => m.plain_text.includes(String(ADMIN)))).toBe(false);
    expect(count(bot, 'breaking_drafts')).toBe(0);
  });
});

describe('/admins', () => {
  it('adds an admin who can then use /breaking, all of it audited, and gives them the admin menu', async () => {
    const bot = await start();
    await bot.say({ chatId: 901, text: '/breaking | Hello', languageCode: 'en' });
    expect(bot.last(901).plain_text).toBe(REFUSAL);
    await asAdmin(bot, '/admins add 901');
    expect(bot.last(ADMIN).plain_text).toBe('✅ 901 is now an admin.');
    expect(bot.telegram.commands('en', { type: 'chat', chat_id: 901 }).map((c) => c.command)).toContain('breaking');
    expect(bot.telegram.commands('ru', { type: 'chat', chat_id: 901 }).find((c) => c.command === 'stats')?.description).toBe('Админ: статистика');

    await bot.say({ chatId: 1, text: '/subscribe Egypt', languageCode: 'en' });
    await bot.say({ chatId: 901, text: '/breaking Egypt | Cairo metro line opens', languageCode: 'en' });
    expect(bot.last(901).plain_text).toContain('It will reach 1 chat.');
    await bot.press(901, bot.last(901), /Send/);
    expect(bot.last(901).plain_text).toContain('✅ Sent to 1 chat.');

    await asAdmin(bot, '/admins');
    expect(bot.last(ADMIN).plain_text).toContain('👥 2 admins');
    expect(bot.last(ADMIN).plain_text).toContain('• 900 — set by the operator (ADMIN_IDS)');
    expect(bot.last(ADMIN).plain_text).toContain('• 901 — added by 900, Nov 29, 2026, 6:00 AM');
    await asAdmin(bot, '/audit');
    const audit = bot.last(ADMIN).plain_text;
    expect(audit).toContain('901 · sent a breaking item · Egypt · All topics · 1 target · «Cairo metro line opens»');
    expect(audit).toContain('900 · added an admin · 901 · 1 target');
  });

  it('removes an added admin at once: their open preview no longer sends', async () => {
    const bot = await start();
    await asAdmin(bot, '/admins add 901');
    await bot.say({ chatId: 901, text: '/breaking | Hello all', languageCode: 'en' });
    const preview = bot.last(901);
    await asAdmin(bot, '/admins remove 901');
    expect(bot.last(ADMIN).plain_text).toBe('🗑 901 is no longer an admin.');
    await bot.press(901, preview, /Send/);
    expect(lastAnswer(bot)).toMatchObject({ text: REFUSAL, show_alert: true });
    expect(count(bot, 'outbox')).toBe(0);
    expect(bot.telegram.commands('en', { type: 'chat', chat_id: 901 })).toEqual([]);
    expect(bot.app.db.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(['admin_add', 'admin_remove']);
  });

  it('gives every admin, and nobody else, the admin commands in the menu at start-up', async () => {
    const bot = await start();
    const admin = bot.app.services.admin;
    if (!admin) throw new Error('the app has no admin desk');
    await registerAdminMenus(bot.app.bot.telegram, bot.app.i18n, admin.roles);
    const menu = bot.telegram.commands('ar', { type: 'chat', chat_id: ADMIN }).map((c) => c.command);
    expect(menu).toEqual(expect.arrayContaining(['start', 'search', 'breaking', 'sources', 'stats', 'audit', 'admins']));
    expect(bot.telegram.commands('ar', { type: 'chat', chat_id: STRANGER })).toEqual([]);
  });

  it('keeps ADMIN_IDS admins, and answers bad ids and unknown words with the usage', async () => {
    const bot = await start();
    await asAdmin(bot, `/admins remove ${ADMIN}`);
    expect(bot.last(ADMIN).plain_text).toBe('900 is an admin through ADMIN_IDS; only the operator can remove it there.');
    await asAdmin(bot, '/admins add 900');
    expect(bot.last(ADMIN).plain_text).toBe('900 is already an admin.');
    await asAdmin(bot, '/admins remove 902');
    expect(bot.last(ADMIN).plain_text).toBe('902 is not an admin.');
    await asAdmin(bot, '/admins add <b>me</b>');
    expect(bot.last(ADMIN).plain_text).toContain('«<b>me</b>» is not a Telegram user id');
    await asAdmin(bot, '/admins add -5');
    expect(bot.last(ADMIN).plain_text).toContain('is not a Telegram user id');
    await asAdmin(bot, '/admins promote 5');
    expect(bot.last(ADMIN).plain_text).toContain('Usage: /admins, /admins add ID or /admins remove ID');
    expect(count(bot, 'admins')).toBe(0);
    expect(count(bot, 'audit_log')).toBe(0);
  });
});

function createSource(bot: TestBot) {
  bot.app.db.sqlite.prepare("INSERT INTO sources (url, name) VALUES ('https://example.org/feed.xml', 'Example')").run();
}
