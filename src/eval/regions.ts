import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface RegionDetectorLike {
  detect(input: { title: string; text: string; lang?: string }): ReadonlyArray<{ id: string; score: number }>;
}

export interface RegionEvalRow {
  /** `file/label`, e.g. `ru-lenta/Россия`. */
  set: string;
  n: number;
  accuracy: number;
  /** Articles where no region was found (counted as wrong). */
  empty: number;
  /**
   * Wrong answers where the headline alone names a place on the other side of the label: a Yemen
   * headline under a "not Middle East" label. These measure the labels as much as the detector.
   */
  headlineOtherSide: number;
}

const ARAB_WORLD = new Set(
  'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH'.split(' '),
);
const ANT_MIDDLE_EAST = new Set([...ARAB_WORLD, 'IR', 'IL', 'TR']);
const FORMER_USSR = new Set('AM AZ BY EE GE KG KZ LT LV MD TJ TM UA UZ'.split(' '));
const isRussia = (id: string) => id === 'RU' || id.startsWith('RU-');

/**
 * How the corpus README maps a set's label onto the article's first region. Every mapped label names
 * a place the article is about ("Мир" and "internationalNews" are foreign news, not placeless news),
 * so an article with no region found counts as wrong everywhere: silence is not rewarded.
 */
function judge(file: string, label: string): ((first: string) => boolean) | undefined {
  if (file.startsWith('ar-ant')) {
    if (label === 'middleEast') return (id) => ANT_MIDDLE_EAST.has(id);
    if (label === 'internationalNews') return (id) => !ANT_MIDDLE_EAST.has(id);
  }
  if (file.startsWith('ru-lenta')) {
    if (label === 'Россия') return isRussia;
    if (label === 'Бывший СССР') return (id) => FORMER_USSR.has(id);
    if (label === 'Мир') return (id) => !isRussia(id) && !FORMER_USSR.has(id);
  }
  return undefined;
}

interface Line {
  title?: unknown;
  text?: unknown;
  lang?: unknown;
  label?: unknown;
}

/** Accuracy of the first detected region on the region-mapped labels of `classify/*.jsonl`. */
export async function evaluateRegions(corpusDir: string, detector: RegionDetectorLike): Promise<RegionEvalRow[]> {
  const dir = join(corpusDir, 'classify');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const rows: RegionEvalRow[] = [];
  for (const file of files) {
    const name = file.replace(/\.jsonl$/, '');
    const tally = new Map<string, { n: number; right: number; empty: number; headlineOtherSide: number }>();
    const raw = await readFile(join(dir, file), 'utf8');
    for (const line of raw.split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as Line;
      const label = String(o.label ?? '');
      const ok = judge(name, label);
      if (!ok) continue;
      const lang = typeof o.lang === 'string' ? o.lang : undefined;
      const found = detector.detect({ title: String(o.title ?? ''), text: String(o.text ?? ''), ...(lang ? { lang } : {}) });
      const t = tally.get(label) ?? { n: 0, right: 0, empty: 0, headlineOtherSide: 0 };
      t.n++;
      const first = found[0]?.id;
      if (first === undefined) t.empty++;
      else if (ok(first)) t.right++;
      else {
        const headline = detector.detect({ title: String(o.title ?? ''), text: '', ...(lang ? { lang } : {}) })[0]?.id;
        if (headline !== undefined && !ok(headline)) t.headlineOtherSide++;
      }
      tally.set(label, t);
    }
    for (const [label, t] of [...tally].sort((a, b) => a[0].localeCompare(b[0]))) {
      rows.push({ set: `${name}/${label}`, n: t.n, accuracy: t.n ? t.right / t.n : 0, empty: t.empty, headlineOtherSide: t.headlineOtherSide });
    }
  }
  return rows;
}
