import { describe, expect, it } from 'vitest';
import { composeForChat, profileKey, type CandidateArticle } from '../../src/digests/compose.ts';
import { rankForProfile } from '../../src/digests/rank.ts';
import type { Subscription } from '../../src/subscriptions/subscriptions.ts';
import { sourceKey } from '../../src/subscriptions/mutes.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';

const taxonomy = createTaxonomy();
const NOW = Date.UTC(2026, 10, 29, 8);
const HOUR = 3_600_000;
const options = { coveredBy: (r: string) => taxonomy.coveredBy(r) };
const sub = (region: string, topic = 'all', include: string[] = [], exclude: string[] = []): Subscription => ({ region, topic, include, exclude });

let nextId = 1;
function article(partial: Omit<Partial<CandidateArticle>, 'regions' | 'topics'> & { regions?: Array<[string, number]>; topics?: Array<[string, number]> } = {}): CandidateArticle {
  const id = partial.id ?? nextId++;
  const { regions = [], topics = [], ...rest } = partial;
  return {
    clusterId: id,
    lang: 'en',
    title: `Story ${id}`,
    url: `https://example.test/${id}`,
    sourceName: 'Example',
    publishedAt: NOW - HOUR,
    firstSeenAt: NOW - HOUR,
    summary: [],
    isBreaking: false,
    ...rest,
    id,
    regions: regions.map(([rid, score]) => ({ id: rid, score })),
    topics: topics.map(([tid, score]) => ({ id: tid, score })),
  };
}

const chat = (locale = 'en', since = NOW - 24 * HOUR, delivered: number[] = []) => ({
  langs: [locale],
  others: 'tag' as const,
  since,
  at: NOW,
  updateGapMs: 20 * HOUR,
  delivered: new Map(delivered.map((c) => [c, Infinity])),
});
const ids = (items: Array<{ article: { id: number } }>) => items.map((i) => i.article.id);

describe('what a digest holds', () => {
  it('matches a macro-region subscription through its member countries and Russian republics', () => {
    const dushanbe = article({ regions: [['TJ', 1]] });
    const grozny = article({ regions: [['RU-CE', 1], ['RU', 0.7]] });
    const paris = article({ regions: [['FR', 1]] });
    const central = rankForProfile([sub('central-asia')], [dushanbe, grozny, paris], options, NOW);
    expect([...central.clusterIds]).toEqual([dushanbe.id]);
    const caucasus = rankForProfile([sub('north-caucasus')], [dushanbe, grozny, paris], options, NOW);
    expect([...caucasus.clusterIds]).toEqual([grozny.id]);
    const russia = rankForProfile([sub('RU')], [dushanbe, grozny, paris], options, NOW);
    expect([...russia.clusterIds]).toEqual([grozny.id]);
  });

  it('requires the topic, an include keyword when set, and no exclude keyword', () => {
    const match = article({ regions: [['EG', 1]], topics: [['economy', 1]], title: 'Egypt raises interest rates' });
    const otherTopic = article({ regions: [['EG', 1]], topics: [['sports', 1]], title: 'Egypt wins the cup' });
    const excluded = article({ regions: [['EG', 1]], topics: [['economy', 1]], title: 'Egypt football club debt' });
    const profile = rankForProfile([sub('EG', 'economy', [], ['football'])], [match, otherTopic, excluded], options, NOW);
    expect([...profile.clusterIds]).toEqual([match.id]);
    const onlyRates = rankForProfile([sub('EG', 'all', ['rates'])], [match, otherTopic, excluded], options, NOW);
    expect([...onlyRates.clusterIds]).toEqual([match.id]);
  });

  it('sends one item per story, in the chat language when that version exists', () => {
    const en = article({ id: 100, clusterId: 100, lang: 'en', regions: [['TJ', 1]] });
    const ru = article({ id: 101, clusterId: 100, lang: 'ru', regions: [['TJ', 1]] });
    // The Arabic version was filed without a region, yet it is the same story.
    const ar = article({ id: 102, clusterId: 100, lang: 'ar', regions: [] });
    const profile = rankForProfile([sub('TJ')], [en, ru, ar], options, NOW);
    expect(ids(composeForChat(profile, chat('ru'), 3).items)).toEqual([101]);
    expect(ids(composeForChat(profile, chat('ar'), 3).items)).toEqual([102]);
    expect(ids(composeForChat(profile, chat('en'), 3).items)).toEqual([100]);
  });

  it('never offers a story the chat already has, and only what is new since its last digest', () => {
    const old = article({ regions: [['IR', 1]], firstSeenAt: NOW - 30 * HOUR });
    const sent = article({ regions: [['IR', 1]] });
    const fresh = article({ regions: [['IR', 1]] });
    const profile = rankForProfile([sub('IR')], [old, sent, fresh], options, NOW);
    expect(ids(composeForChat(profile, chat('en', NOW - 24 * HOUR, [sent.clusterId]), 3).items)).toEqual([fresh.id]);
    expect(composeForChat(profile, chat('en', NOW, []), 3).items).toEqual([]);
  });

  it('ranks the more relevant and the more recent first and counts what the cap leaves out', () => {
    const passing = article({ regions: [['AF', 0.3]] });
    const main = article({ regions: [['AF', 1]] });
    const older = article({ regions: [['AF', 1]], publishedAt: NOW - 36 * HOUR });
    const extra = [article({ regions: [['AF', 0.9]] }), article({ regions: [['AF', 0.8]] })];
    const profile = rankForProfile([sub('AF')], [passing, main, older, ...extra], options, NOW);
    const result = composeForChat(profile, chat(), 3);
    expect(result.items[0]?.article.id).toBe(main.id);
    expect(ids(result.items)).not.toContain(older.id);
    expect(result.items).toHaveLength(3);
    expect(result.more).toBe(2);
  });

  it('lists an item under the region or topic of the subscription it matched', () => {
    const a = article({ regions: [['UZ', 1]], topics: [['energy', 1]] });
    const b = article({ regions: [['FR', 1]], topics: [['energy', 1]] });
    const profile = rankForProfile([sub('central-asia'), sub('all', 'energy')], [a, b], options, NOW);
    const groups = Object.fromEntries(composeForChat(profile, chat(), 5).items.map((i) => [i.article.id, i.group]));
    expect(groups[a.id]).toBe('central-asia');
    expect(groups[b.id]).toBe('energy');
  });

  it('gives chats with the same subscriptions in any order the same profile key', () => {
    expect(profileKey([sub('TJ', 'security'), sub('all', 'economy')])).toBe(profileKey([sub('all', 'economy'), sub('TJ', 'security')]));
    expect(profileKey([sub('TJ')])).not.toBe(profileKey([sub('UZ')]));
  });
});

describe('the count on "More (N)"', () => {
  it('is exactly what the rest of the digest holds, whatever languages, mutes and deliveries the chat has', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    const topics = ['economy', 'security', 'sports', 'energy'];
    const sources = ['Asia-Plus', 'Kun.uz', 'Tengri'];
    const articles: CandidateArticle[] = [];
    for (let i = 0; i < 300; i++) {
      const id = 5000 + i;
      // A third join an earlier story: versions in other languages, from other sources, some later.
      const joins = i > 5 && rnd() < 0.33;
      articles.push(
        article({
          id, clusterId: joins ? 5000 + Math.floor(rnd() * i) : id, lang: pick(['ar', 'ru', 'en']), sourceName: pick(sources),
          regions: [['TJ', 1]], topics: [[pick(topics), 1]], firstSeenAt: NOW - Math.floor(rnd() * 30 * HOUR),
          title: `Story ${id} with ${Math.floor(rnd() * 90) + 10} units`,
        }),
      );
    }
    const profile = rankForProfile([sub('TJ')], articles, options, NOW);
    const clusters = [...new Set(articles.map((a) => a.clusterId))];
    for (let k = 0; k < 60; k++) {
      const view = {
        ...chat(pick(['ar', 'ru', 'en']), NOW - 24 * HOUR),
        langs: pick([['en'], ['ru', 'en'], ['ar'], ['ar', 'ru', 'en']]),
        others: pick(['tag', 'hide'] as const),
        delivered: new Map(clusters.filter(() => rnd() < 0.2).map((c) => [c, rnd() < 0.5 ? Infinity : NOW - Math.floor(rnd() * 30 * HOUR)])),
        mutedTopics: new Set(rnd() < 0.4 ? [pick(topics)] : []),
        mutedSources: new Set(rnd() < 0.2 ? [sourceKey(pick(sources))] : []),
      };
      const capped = composeForChat(profile, view, 10);
      const all = composeForChat(profile, view, Number.MAX_SAFE_INTEGER);
      expect(capped.items.length + capped.more).toBe(all.items.length);
      expect(ids(capped.items)).toEqual(ids(all.items).slice(0, 10));
    }
  });
});
