import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegionDetector } from '../../src/enrich/regions.ts';
import { evaluateRegions } from '../../src/eval/regions.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';

// A corpus laid out as ../shared/corpus is, with lines we wrote: two sets whose labels the README maps.
const dir = mkdtempSync(join(tmpdir(), 'briefings-eval-'));
mkdirSync(join(dir, 'classify'));
const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync(
  join(dir, 'classify', 'ar-ant-sample.jsonl'),
  lines([
    { id: 1, lang: 'ar', label: 'middleEast', title: 'مصر ترفع أسعار الفائدة', text: 'قرر البنك المركزي المصري في القاهرة رفع أسعار الفائدة.' },
    { id: 2, lang: 'ar', label: 'internationalNews', title: 'اليابان تطلق قمرا صناعيا جديدا', text: 'أطلقت اليابان من طوكيو قمرا صناعيا لرصد الطقس.' },
    // Labelled "not the Middle East", yet its headline is about Yemen: wrong for the detector, and said so.
    { id: 3, lang: 'ar', label: 'internationalNews', title: 'غارات جديدة على صنعاء في اليمن', text: 'شنت طائرات غارات على مواقع في صنعاء.' },
    { id: 4, lang: 'ar', label: 'internationalNews', title: 'صور الأسبوع', text: 'مجموعة من أفضل الصور الملتقطة خلال الأسبوع.' },
    { id: 5, lang: 'ar', label: 'sport', title: 'مباراة', text: 'فاز الفريق.' },
  ]),
);
writeFileSync(
  join(dir, 'classify', 'ru-lenta-sample.jsonl'),
  lines([
    { id: 1, lang: 'ru', label: 'Россия', title: 'В Казани открыли новый мост', text: 'Мост через Казанку открыли в столице Татарстана.' },
    { id: 2, lang: 'ru', label: 'Бывший СССР', title: 'Таджикистан и Узбекистан договорились о воде', text: 'Переговоры прошли в Душанбе.' },
  ]),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('region evaluation', () => {
  it('scores each mapped label by the first region found and says which misses the headline itself contradicts', async () => {
    const rows = await evaluateRegions(dir, createRegionDetector(createTaxonomy()));
    const bySet = Object.fromEntries(rows.map((r) => [r.set, r]));
    expect(Object.keys(bySet).sort()).toEqual([
      'ar-ant-sample/internationalNews',
      'ar-ant-sample/middleEast',
      'ru-lenta-sample/Бывший СССР',
      'ru-lenta-sample/Россия',
    ]);
    expect(bySet['ar-ant-sample/middleEast']).toMatchObject({ n: 1, accuracy: 1 });
    expect(bySet['ar-ant-sample/internationalNews']).toMatchObject({ n: 3, empty: 1, headlineOtherSide: 1 });
    expect(bySet['ar-ant-sample/internationalNews']?.accuracy).toBeCloseTo(1 / 3);
    expect(bySet['ru-lenta-sample/Россия']).toMatchObject({ n: 1, accuracy: 1 });
    expect(bySet['ru-lenta-sample/Бывший СССР']).toMatchObject({ n: 1, accuracy: 1 });
  });
});
