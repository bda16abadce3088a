import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatSnapshot } from '../../src/sandbox/chat-log.ts';
import { PERSONAS } from '../../src/sandbox/index.ts';
import { eventually } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefings-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start without a token', () => {
  it('opens the sandbox on a free port, says where, answers in the page and stops cleanly', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'data', 'briefings.db'), HTTP_PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await eventually('the "Sandbox ready" line', () => /Sandbox ready: open (http:\/\/localhost:\d+\/)/.exec(stderr)?.[1], 20_000);
      const base = url.replace('localhost', '127.0.0.1').replace(/\/$/, '');
      expect((await fetch(`${base}/`)).status).toBe(200);
      const jane = PERSONAS.find((p) => p.key === 'jane')!;
      const sent = await fetch(`${base}/sandbox/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatId: jane.userId, userId: jane.userId, text: '/search water', languageCode: 'en' }),
      });
      expect(sent.status).toBe(202);
      const reply = await eventually('the search results', async () => {
        const snapshot = (await (await fetch(`${base}/sandbox/api/messages?chatId=${jane.userId}`)).json()) as ChatSnapshot;
        return snapshot.messages.find((m) => m.from === 'bot')?.text;
      });
      expect(reply).toContain('Jordan starts building a Red Sea desalination project');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The demo lives in its own file; a real bot's database beside it is never opened.
    expect(existsSync(join(dir, 'data', 'sandbox.db'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'briefings.db'))).toBe(false);
    expect(stderr).not.toMatch(/"level":(40|50|60)/);
  }, 40_000);
});
