import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
const run = (args: string[]) => {
  const result = spawnSync(process.execPath, ['bin/briefings.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefings-cli-search-'));
  const articles = [
    {
      url: 'https://news.test/ru/samarkand-mosque', lang: 'ru', published_at: '2026-11-28T10:00:00Z',
      title: 'Реставраторы закончили работы в мечети Самарканда',
      text: 'В Самарканде реставраторы завершили работы над куполом и минаретами старой мечети. Мечеть откроют для посетителей весной.',
    },
    {
      url: 'https://news.test/ar/samarkand-mosque', lang: 'ar', published_at: '2026-11-28T10:00:00Z',
      title: 'انتهاء ترميم مسجد تاريخي في سمرقند',
      text: 'أنهى المرممون في سمرقند العمل على قبة ومآذن مسجد تاريخي. وسيفتح المسجد للزوار في الربيع.',
    },
  ];
  writeFileSync(join(dir, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
  run(['ingest', join(dir, 'articles.jsonl')]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('briefings search finds a place whatever script it is typed in', () => {
  it('finds the Russian story for "Samarkand --lang ru"', () => {
    const result = run(['search', 'Samarkand', '--lang', 'ru', '--json']);
    expect(result.code).toBe(0);
    const { results } = JSON.parse(result.stdout) as { results: Array<{ title: string; lang: string }> };
    expect(results.map((r) => r.title)).toEqual(['Реставраторы закончили работы в мечети Самарканда']);
  });

  it('finds the Arabic story for the Russian name', () => {
    const { results } = JSON.parse(run(['search', 'Самарканд', '--lang', 'ar', '--json']).stdout) as { results: Array<{ title: string }> };
    expect(results.map((r) => r.title)).toEqual(['انتهاء ترميم مسجد تاريخي في سمرقند']);
  });
});
