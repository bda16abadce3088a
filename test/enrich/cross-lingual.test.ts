import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measurePairing } from '../../bench/pairing.ts';
import { createSigner, scorePair, type PairingInput, type Signature } from '../../src/enrich/cross-lingual.ts';
import { createIngestor } from '../../src/articles/ingest.ts';
import { createClassifiers } from '../../src/enrich/classifiers.ts';
import { createArticleStore } from '../../src/articles/store.ts';
import { openDatabase, type DbHandle } from '../../src/db/client.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';
import { normalize } from '../../src/text/normalize.ts';
import { skeleton, skeletons } from '../../src/text/transliterate.ts';
import { AFTER_STORIES, CROSS_LINGUAL_STORIES, storyArticles, type StoryVersion } from '../fixtures/cross-lingual-stories.ts';

const taxonomy = createTaxonomy();
const classifiers = createClassifiers(taxonomy);
const sign = createSigner(taxonomy);

const version = (event: string, lang: StoryVersion['lang']): StoryVersion => {
  const found = CROSS_LINGUAL_STORIES.find((s) => s.event === event && s.lang === lang);
  if (!found) throw new Error(`no ${lang} version of ${event} in the fixture`);
  return found;
};
const raw = (event: string, lang: StoryVersion['lang']) => {
  const found = storyArticles().find((s) => s.event === event && s.raw.lang === lang);
  if (!found) throw new Error(`no ${lang} version of ${event} in the fixture`);
  return found.raw;
};
const signed = (v: StoryVersion, regions: string[]): Signature => sign({ ...v, regions: regions.map((id) => ({ id })) } satisfies PairingInput);

describe('name skeletons across scripts', () => {
  it('spells a person or place the same in Latin, Cyrillic and Arabic script', () => {
    const alike = [
      ['Rahmon', 'Рахмон', 'رحمون', 'رحمن'],
      ['Dushanbe', 'Душанбе', 'دوشنبه'],
      ['Tokayev', 'Токаев', 'توكاييف'],
      ['Khujand', 'Худжанд', 'خجند'],
      ['Tashkent', 'Ташкент', 'طشقند'],
      ['Washington', 'Вашингтон', 'واشنطن'],
    ];
    for (const forms of alike) {
      const keys = forms.map((f) => skeleton(normalize(f)));
      expect(new Set(keys).size, forms.join(' / ')).toBe(1);
    }
    // ض spells Arabic d and a foreign z: Mirziyoyev is ميرضيائيف as often as ميرزيوييف.
    expect(skeletons(normalize('ميرضيائيف'))).toContain(skeleton(normalize('Mirziyoyev')));
    expect(skeleton(normalize('Мирзиёев'))).toBe(skeleton(normalize('Mirziyoyev')));
  });

  it('keeps different names apart', () => {
    expect(skeleton('rahmon')).not.toBe(skeleton('tokayev'));
    expect(skeleton('dushanbe')).not.toBe(skeleton('khujand'));
    expect(skeleton('бишкек')).not.toBe(skeleton('баку'));
  });
});

describe('signatures of one event in two languages', () => {
  it('reads 3,9 млрд, $3.9 billion and ٣٫٩ مليار as one figure, and 18 декабря and December 18 as one date', () => {
    const ru = sign({ title: 'Доходы', text: 'Доходы упали до 3,9 млрд долларов. Заседание 18 декабря.', lang: 'ru', publishedAt: 0, regions: [] });
    const en = sign({ title: 'Revenue', text: 'Revenue fell to $3.9 billion. The meeting is on December 18.', lang: 'en', publishedAt: 0, regions: [] });
    const ar = sign({ title: 'الإيرادات', text: 'تراجعت الإيرادات ووصلت إلى ٣٫٩ مليار دولار و٣٫٩ مليار في العام المقبل.', lang: 'ar', publishedAt: 0, regions: [] });
    expect([...ru.numbers.keys()]).toEqual(['3900000000']);
    expect([...en.numbers.keys()]).toEqual(['3900000000']);
    expect([...ar.numbers.keys()]).toEqual(['3900000000']);
    expect([...ru.dates]).toEqual(['12-18']);
    expect([...en.dates]).toEqual(['12-18']);
  });

  it('scores the English and Arabic reports of the Dushanbe water deal as one event', () => {
    const score = scorePair(signed(version('tj-uz-water', 'en'), ['TJ', 'UZ']), signed(version('tj-uz-water', 'ar'), ['TJ', 'UZ']));
    expect(score.same).toBe(true);
    expect(score.names).toBeGreaterThan(0);
    expect(score.numbers).toBeGreaterThan(0);
  });

  it('does not score another Tajik story of the same day in Dushanbe, with Rahmon in it, as the same event', () => {
    const score = scorePair(signed(version('tj-uz-water', 'ar'), ['TJ', 'UZ']), signed(version('tj-ambassadors', 'en'), ['TJ', 'EG', 'JP', 'HU']));
    expect(score.regions).toBe(true);
    expect(score.same).toBe(false);
  });

  it('keeps the Iraqi budget story apart from the Basra oil report although both give 3.4 million barrels a day', () => {
    const score = scorePair(signed(version('iq-budget', 'en'), ['IQ']), signed(version('iq-basra-oil', 'ar'), ['IQ']));
    expect(score.numbers).toBeGreaterThan(0);
    expect(score.same).toBe(false);
  });

  it('never pairs reports filed under different places, whatever names and figures they share', () => {
    const score = scorePair(signed(version('iq-basra-oil', 'en'), ['IQ']), signed(version('iq-basra-oil', 'ru'), ['SA']));
    expect(score.evidence).toBeGreaterThan(2);
    expect(score.same).toBe(false);
  });
});

describe('ingesting reports of one event in several languages', () => {
  let handle: DbHandle;
  const clusterOf = (id: number | undefined) => handle.sqlite.prepare('SELECT cluster_id FROM articles WHERE id = ?').pluck().get(id) as number;
  const ingestorAt = (now: number) => createIngestor({ store: createArticleStore(handle), classifiers, taxonomy, now: () => now });

  beforeEach(() => {
    handle = openDatabase(':memory:');
  });
  afterEach(() => handle.close());

  it('pairs the language versions of the fixture events with precision at least 0.9 and recall at least 0.8', () => {
    const r = measurePairing();
    expect(r.events).toBeGreaterThanOrEqual(30);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the English, Russian and Arabic reports of the water deal in one story with no hreflang between them', () => {
    const report = ingestorAt(AFTER_STORIES).ingest([raw('tj-uz-water', 'en'), raw('tj-uz-water', 'ru'), raw('tj-uz-water', 'ar')]);
    const [en, ru, ar] = report.ids;
    expect(clusterOf(ru)).toBe(clusterOf(en));
    expect(clusterOf(ar)).toBe(clusterOf(en));
  });

  it('keeps a same-day story from Dushanbe about other things out of the water deal story', () => {
    const ingestor = ingestorAt(AFTER_STORIES);
    const [deal] = ingestor.ingest([raw('tj-uz-water', 'en')]).ids;
    const [ambassadors, mudflow] = ingestor.ingest([raw('tj-ambassadors', 'ar'), raw('tj-khatlon-mudflow', 'ru')]).ids;
    expect(clusterOf(ambassadors)).not.toBe(clusterOf(deal));
    expect(clusterOf(mudflow)).not.toBe(clusterOf(deal));
  });

  it('starts a story of its own for an article that shares no names or figures with any other', () => {
    const ingestor = ingestorAt(AFTER_STORIES);
    ingestor.ingest([raw('tj-uz-water', 'en'), raw('tj-gdp', 'ru')]);
    const [id] = ingestor.ingest([
      {
        url: 'https://ar.fixture.example/tajik-weather',
        lang: 'ar',
        title: 'طقس بارد في طاجيكستان',
        text: 'تتوقع الأرصاد الجوية في طاجيكستان طقسا باردا مع تساقط الثلوج على المرتفعات خلال الأيام المقبلة، وتدعو السائقين إلى الحذر على الطرق الجبلية.',
        publishedAt: version('tj-uz-water', 'en').publishedAt + 3_600_000,
      },
    ]).ids;
    expect(clusterOf(id)).toBe(id);
  });

  it('joins a translation that arrives after a restart to the story already stored', () => {
    const published = version('kz-oil', 'en').publishedAt;
    const [en] = ingestorAt(published + 3_600_000).ingest([raw('kz-oil', 'en')]).ids;
    const [ru] = ingestorAt(published + 5 * 3_600_000).ingest([raw('kz-oil', 'ru')]).ids;
    expect(clusterOf(ru)).toBe(clusterOf(en));
  });

  it('leaves a translation published more than two days after the original in a story of its own', () => {
    const ingestor = ingestorAt(AFTER_STORIES + 10 * 86_400_000);
    const [en] = ingestor.ingest([raw('kz-oil', 'en')]).ids;
    const late = { ...raw('kz-oil', 'ru'), publishedAt: version('kz-oil', 'en').publishedAt + 3 * 86_400_000 };
    const [ru] = ingestor.ingest([late]).ids;
    expect(clusterOf(ru)).not.toBe(clusterOf(en));
  });
});
