/**
 * A person using the sandbox in a real browser (Debian's Chromium driven by playwright-core):
 * pick someone, tap the menu and the bot's buttons, read digests and search results, in English and
 * in Arabic. Screenshots go to test-artifacts/. `.ci/run` installs Chromium where it is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

let run: RunningSandbox;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/sandbox-${name}.png`, fullPage: true });
const lastBot = () => page.locator('.msg.bot').last();

async function openChat(key: string) {
  await page.locator(`.chat-item[data-chat="${key}"]`).click();
  await expect.poll(() => page.locator('#chat-title').textContent()).not.toBe('Loading…');
}

async function type(text: string) {
  await page.locator('#input').fill(text);
  await page.locator('#input').press('Enter');
}

/** Waits for the newest bot message to contain `text` (it may arrive, or be edited into it). */
async function botSays(text: string | RegExp) {
  await lastBot().locator('.text', { hasText: text }).waitFor({ timeout: 10_000 });
}

const HOSTILE =
  '<b>bold</b> <img src=x onerror="window.hacked=1"><script>window.hacked=2</script><p>para</p> ' +
  '<a href="javascript:window.hacked=3">js</a> <a href="https://example.org/x">ok</a> <span class="tg-spoiler">s</span> <code class="language-ts">c</code>';

/** The CSS direction the browser computed, i.e. how the text is really laid out. */
const directionOf = (locator: Locator) => locator.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).direction);

async function pressButton(text: string) {
  await lastBot().locator('.keyboard button', { hasText: text }).first().click();
}

describe.skipIf(!hasChromium)('the sandbox in a browser', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [run, browser] = await Promise.all([
      startSandbox(),
      chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      }),
    ]);
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(run.baseUrl) && !url.startsWith('data:')) foreignRequests.push(url);
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('loads in under a second with the three people, the group, the channel and the forum, fetching nothing from elsewhere', async () => {
    const started = Date.now();
    await page.goto(`${run.baseUrl}/`);
    await page.locator('.chat-item').nth(3).waitFor();
    const elapsed = Date.now() - started;
    console.log(`sandbox page ready in ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(await page.locator('.chat-item strong').allTextContents()).toEqual(['Amina', 'Ivan', 'Jane', 'Newsroom', 'Newsroom Channel', 'Regions forum']);
    expect(foreignRequests).toEqual([]);
  });

  it('lets Jane start, subscribe through the buttons, get a digest and search', async () => {
    await openChat('jane');
    await page.locator('.menu .command[data-command="start"]').click();
    await botSays('Welcome to Briefings, Jane');
    await shot('jane-start');

    // The /subscribe in the welcome text is a link that sends it, as in Telegram.
    await lastBot().locator('a.command-link', { hasText: '/subscribe' }).first().click();
    await botSays('Choose a part of the world');
    await pressButton('Central Asia');
    await botSays('Central Asia');
    await pressButton('Uzbekistan');
    await botSays('Uzbekistan');
    await pressButton('Energy');
    await lastBot().locator('.keyboard button', { hasText: '✅ Energy' }).waitFor();
    expect(run.app.services.subscriptions.list(710_003).map((s) => `${s.region}/${s.topic}`)).toEqual(['UZ/energy']);
    await shot('jane-subscribed');

    await type('/digest');
    await botSays('Uzbekistan switches on its largest solar plant near Samarkand');
    await shot('jane-digest');

    await type('/search solar');
    await botSays(/«solar»: \d+ results?/);
    await shot('jane-search');
    expect(await page.locator('.msg.bot .text a[target="_blank"][rel~="noopener"]').count()).toBeGreaterThan(0);
  });

  it('lays Amina\'s Arabic conversation out right to left', async () => {
    await openChat('amina');
    await type('/start');
    await botSays('أهلاً بك');
    await type('/subscribe الأردن');
    await botSays('تم الاشتراك');
    await type('/digest');
    await botSays('الأردن يبدأ بناء مشروع لتحلية مياه البحر');
    const direction = await directionOf(lastBot().locator('.text'));
    expect(direction).toBe('rtl');
    const english = await directionOf(page.locator('.msg.user .text', { hasText: '/start' }));
    expect(english).toBe('ltr');
    await shot('amina-digest-rtl');
  });

  it('lets Jane, the admin, send a breaking item that reaches Amina at once', async () => {
    await openChat('jane');
    await type('/breaking Jordan | Water from the Aqaba plant reaches Amman ahead of schedule');
    await botSays('Preview of a breaking item');
    await pressButton('Send to 1 chat');
    await botSays('Sent to 1 chat');
    await openChat('amina');
    await botSays('Water from the Aqaba plant reaches Amman ahead of schedule');
    await shot('amina-breaking');
  });

  it('renders only Telegram\'s tags and shows anything else as text', async () => {
    // A string, not a function: vitest would rewrite a dynamic import() inside a function for Node.
    const html = (await page.evaluate(`(async () => {
      const { renderMessageText } = await import('/sandbox/web/render.js');
      const box = document.createElement('div');
      box.append(renderMessageText(${JSON.stringify(HOSTILE)}, 'HTML'));
      return { html: box.innerHTML, hacked: window.hacked ?? 0 };
    })()`)) as { html: string; hacked: number };
    expect(html.hacked).toBe(0);
    expect(html.html).toBe(
      '<b>bold</b> para js <a href="https://example.org/x" target="_blank" rel="noopener noreferrer">ok</a> ' +
      '<span class="tg-spoiler" title="Spoiler: click to show">s</span> <code data-language="ts">c</code>',
    );
    expect(foreignRequests).toEqual([]);
    expect(run.violations()).toEqual([]);
  });
});
