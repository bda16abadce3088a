import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTaxonomy, MACRO_REGION_IDS, TOPIC_IDS } from '../../src/taxonomy/index.ts';

const taxonomy = createTaxonomy();
const region = (input: string) => taxonomy.resolveRegion(input);
const topic = (input: string) => taxonomy.resolveTopic(input);

describe('the region list', () => {
  it('holds every ISO country, the Russian republics and the fourteen macro-regions', () => {
    const kinds = [...taxonomy.regions.values()].map((r) => r.kind);
    expect(kinds.filter((k) => k === 'country').length).toBeGreaterThanOrEqual(249);
    expect(kinds.filter((k) => k === 'macro')).toHaveLength(14);
    for (const id of ['RU-TA', 'RU-BA', 'RU-CE', 'RU-DA', 'RU-IN', 'RU-KB', 'RU-KC', 'RU-SE', 'RU-AD', 'RU-KL', 'RU-CR', 'RU-SA']) {
      expect(taxonomy.regions.get(id)).toEqual({ id, kind: 'subdivision', country: 'RU' });
    }
    for (const id of MACRO_REGION_IDS) {
      for (const member of taxonomy.regions.get(id)?.members ?? []) expect(taxonomy.isRegion(member), `${id} ${member}`).toBe(true);
    }
    expect(taxonomy.isRegion('TJ')).toBe(true);
    expect(taxonomy.isRegion('tj')).toBe(false);
    expect(taxonomy.isTopic('security')).toBe(true);
    expect(taxonomy.topics).toEqual(TOPIC_IDS);
  });

  it('names countries, republics, macro-regions and topics in Arabic, Russian and English', () => {
    expect(taxonomy.regionName('TJ', 'ru')).toBe('Таджикистан');
    expect(taxonomy.regionName('TJ', 'ar')).toBe('طاجيكستان');
    expect(taxonomy.regionName('TJ', 'en')).toBe('Tajikistan');
    expect(taxonomy.regionName('RU-TA', 'en')).toBe('Tatarstan');
    expect(taxonomy.regionName('RU-CE', 'ar')).toBe('الشيشان');
    expect(taxonomy.regionName('central-asia', 'ar')).toBe('آسيا الوسطى');
    expect(taxonomy.regionName('north-caucasus', 'ru')).toBe('Северный Кавказ');
    expect(taxonomy.topicName('security', 'ru')).toBe('Безопасность');
    expect(taxonomy.topicName('economy', 'ar')).toBe('الاقتصاد');
  });

  it('has a real name for every region and topic in every language', () => {
    for (const locale of ['ar', 'ru', 'en'] as const) {
      for (const id of taxonomy.regions.keys()) expect(taxonomy.regionName(id, locale), `${id} ${locale}`).not.toBe(id);
      for (const id of TOPIC_IDS) expect(taxonomy.topicName(id, locale)).not.toBe(id);
    }
  });

  it('keeps the same region and topic keys in the three locale files', () => {
    const read = (l: string) => JSON.parse(readFileSync(new URL(`../../locales/${l}.json`, import.meta.url), 'utf8')) as { region: object; topic: object };
    const [ar, ru, en] = ['ar', 'ru', 'en'].map(read);
    for (const file of [ar, ru]) {
      expect(Object.keys(file!.region).sort()).toEqual(Object.keys(en!.region).sort());
      expect(Object.keys(file!.topic).sort()).toEqual(Object.keys(en!.topic).sort());
    }
    expect(Object.keys(en!.topic).sort()).toEqual([...TOPIC_IDS].sort());
    for (const id of MACRO_REGION_IDS) expect(Object.keys(en!.region)).toContain(id);
  });
});

describe('what a subscription covers', () => {
  it('covers the members of a macro-region and the republics inside them', () => {
    const centralAsia = taxonomy.coveredBy('central-asia');
    for (const id of ['KZ', 'KG', 'TJ', 'TM', 'UZ', 'AF']) expect(centralAsia.has(id)).toBe(true);
    expect(centralAsia.has('RU')).toBe(false);
    const northCaucasus = taxonomy.coveredBy('north-caucasus');
    for (const id of ['RU-CE', 'RU-DA', 'RU-IN', 'RU-KB', 'RU-KC', 'RU-SE', 'RU-AD']) expect(northCaucasus.has(id)).toBe(true);
    expect(northCaucasus.has('RU')).toBe(false);
    expect(taxonomy.coveredBy('gulf')).toEqual(new Set(['AE', 'BH', 'KW', 'OM', 'QA', 'SA']));
  });

  it('covers Russia together with its republics, and a republic only by itself', () => {
    const russia = taxonomy.coveredBy('RU');
    for (const id of ['RU', 'RU-TA', 'RU-BA', 'RU-CE', 'RU-CR']) expect(russia.has(id)).toBe(true);
    expect(taxonomy.coveredBy('RU-TA')).toEqual(new Set(['RU-TA']));
    expect(taxonomy.coveredBy('TJ')).toEqual(new Set(['TJ']));
    expect(taxonomy.coveredBy('Atlantis').size).toBe(0);
  });

  it('finds the macro-regions of a country, and of a republic through its place', () => {
    expect(taxonomy.macrosOf('TJ')).toEqual(['central-asia']);
    expect(taxonomy.macrosOf('AF').sort()).toEqual(['central-asia', 'south-asia']);
    expect(taxonomy.macrosOf('SA').sort()).toEqual(['gulf', 'middle-east']);
    expect(taxonomy.macrosOf('EG').sort()).toEqual(['middle-east', 'north-africa']);
    // Russia is in Europe (as UN M49 files it), so its republics are too.
    expect(taxonomy.macrosOf('RU-CE').sort()).toEqual(['europe', 'north-caucasus']);
    expect(taxonomy.macrosOf('RU-TA')).toEqual(['europe']);
    expect(taxonomy.macrosOf('central-asia')).toEqual([]);
  });
});

describe('macro-regions', () => {
  it('put every country in at least one, so the wizard can show it', () => {
    const countries = [...taxonomy.regions.values()].filter((r) => r.kind === 'country').map((r) => r.id);
    expect(countries.length).toBeGreaterThan(240);
    expect(countries.filter((id) => taxonomy.macrosOf(id).length === 0)).toEqual([]);
  });
});

describe('resolving what a person typed to a region', () => {
  it('resolves Tajikistan from its name in any of the three languages, in any case, and from its code', () => {
    for (const input of ['Таджикистан', 'таджикистан', 'طاجيكستان', 'Tajikistan', 'TAJIKISTAN', ' tajikistan ', 'TJ', 'tj', 'TJK']) {
      expect(region(input), input).toEqual({ ok: true, id: 'TJ' });
    }
  });

  it('resolves the genitive Таджикистана, the Arabic adjective الطاجيكية and the English Tajik to TJ', () => {
    expect(region('Таджикистана')).toEqual({ ok: true, id: 'TJ' });
    expect(region('Таджикистаном')).toEqual({ ok: true, id: 'TJ' });
    expect(region('الطاجيكية')).toEqual({ ok: true, id: 'TJ' });
    expect(region('Tajik')).toEqual({ ok: true, id: 'TJ' });
    expect(region('таджикский')).toEqual({ ok: true, id: 'TJ' });
  });

  it('resolves adjectives and demonyms of the countries the product follows', () => {
    const cases: Array<[string, string]> = [
      ['Afghan', 'AF'], ['афганский', 'AF'], ['الأفغانية', 'AF'],
      ['Iranian', 'IR'], ['иранского', 'IR'], ['الإيراني', 'IR'],
      ['Turkish', 'TR'], ['турецкая', 'TR'], ['التركية', 'TR'],
      ['Pakistani', 'PK'], ['китайский', 'CN'], ['الأمريكية', 'US'], ['американский', 'US'],
      ['Kazakh', 'KZ'], ['кыргызский', 'KG'], ['الأوزبكي', 'UZ'], ['российский', 'RU'], ['الروسية', 'RU'],
      ['немецкий', 'DE'], ['French', 'FR'], ['البريطانية', 'GB'],
    ];
    for (const [input, id] of cases) expect(region(input), input).toEqual({ ok: true, id });
  });

  it('resolves Russian republics by name, inflected form and code', () => {
    for (const input of ['Татарстан', 'Татарстана', 'Татарстане', 'تتارستان', 'Tatarstan', 'RU-TA', 'ru-ta']) {
      expect(region(input), input).toEqual({ ok: true, id: 'RU-TA' });
    }
    expect(region('Чечни')).toEqual({ ok: true, id: 'RU-CE' });
    expect(region('الشيشان')).toEqual({ ok: true, id: 'RU-CE' });
    expect(region('Dagestan')).toEqual({ ok: true, id: 'RU-DA' });
    expect(region('Башкирия')).toEqual({ ok: true, id: 'RU-BA' });
  });

  it('resolves names of several words, inflected or with the Arabic article', () => {
    expect(region('Saudi Arabia')).toEqual({ ok: true, id: 'SA' });
    expect(region('المملكة العربية السعودية')).toEqual({ ok: true, id: 'SA' });
    expect(region('Северная Осетия')).toEqual({ ok: true, id: 'RU-SE' });
    expect(region('Северной Осетии')).toEqual({ ok: true, id: 'RU-SE' });
    expect(region('Объединённых Арабских Эмиратов')).toEqual({ ok: true, id: 'AE' });
    expect(region('North Korea')).toEqual({ ok: true, id: 'KP' });
    expect(region('كوريا الشمالية')).toEqual({ ok: true, id: 'KP' });
  });

  it('resolves macro-regions by name in the three languages and by id', () => {
    for (const input of ['Центральная Азия', 'Центральной Азии', 'آسيا الوسطى', 'Central Asia', 'central-asia']) {
      expect(region(input), input).toEqual({ ok: true, id: 'central-asia' });
    }
    expect(region('Ближний Восток')).toEqual({ ok: true, id: 'middle-east' });
    expect(region('الشرق الأوسط')).toEqual({ ok: true, id: 'middle-east' });
    expect(region('Северный Кавказ')).toEqual({ ok: true, id: 'north-caucasus' });
  });

  it('resolves a capital to its country or republic', () => {
    expect(region('Moscow')).toEqual({ ok: true, id: 'RU' });
    expect(region('Душанбе')).toEqual({ ok: true, id: 'TJ' });
    expect(region('Казань')).toEqual({ ok: true, id: 'RU-TA' });
  });

  it('takes all and * (and their translations) as any region', () => {
    for (const input of ['all', '*', 'ALL', 'все', 'الكل']) expect(region(input)).toEqual({ ok: true, id: 'all' });
  });

  it('asks back instead of guessing when one name fits two regions', () => {
    const caucasus = region('Caucasus');
    expect(caucasus.ok).toBe(false);
    if (!caucasus.ok) expect(caucasus.suggestions.sort()).toEqual(['north-caucasus', 'south-caucasus']);
    const congo = region('Congo');
    expect(congo.ok).toBe(false);
    if (!congo.ok) expect(congo.suggestions.sort()).toEqual(['CD', 'CG']);
  });

  it('tells Niger from Nigeria by the form typed', () => {
    expect(region('Нигерии')).toEqual({ ok: true, id: 'NG' });
    expect(region('Нигер')).toEqual({ ok: true, id: 'NE' });
  });

  it('suggests the closest regions for a typo, at most three, and none for gibberish', () => {
    for (const typo of ['Таджикистн', 'Tadjikstan', 'طاجيكسان']) {
      const r = region(typo);
      expect(r.ok, typo).toBe(false);
      if (!r.ok) {
        expect(r.suggestions[0], typo).toBe('TJ');
        expect(r.suggestions.length).toBeLessThanOrEqual(3);
      }
    }
    expect(region('qwxzvbnm')).toEqual({ ok: false, suggestions: [] });
    expect(region('')).toEqual({ ok: false, suggestions: [] });
  });
});

describe('resolving what a person typed to a topic', () => {
  it('resolves security in the three languages and in inflected forms', () => {
    for (const input of ['security', 'Security', 'безопасность', 'безопасности', 'الأمن', 'أمن', 'الأمنية']) {
      expect(topic(input), input).toEqual({ ok: true, id: 'security' });
    }
  });

  it('resolves synonyms and adjectives of a topic', () => {
    for (const input of ['economy', 'economic', 'экономика', 'экономический', 'экономике', 'اقتصاد', 'الاقتصادي', 'الاقتصادية']) {
      expect(topic(input), input).toEqual({ ok: true, id: 'economy' });
    }
    expect(topic('нефть')).toEqual({ ok: true, id: 'energy' });
    expect(topic('الرياضة')).toEqual({ ok: true, id: 'sports' });
    expect(topic('football')).toEqual({ ok: true, id: 'sports' });
    expect(topic('religion')).toEqual({ ok: true, id: 'religion' });
    expect(topic('*')).toEqual({ ok: true, id: 'all' });
  });

  it('suggests the closest topic for a typo', () => {
    const r = topic('securty');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions[0]).toBe('security');
  });
});
