import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/config.ts';
import { createRosterBuilder, runOrder } from '../../src/digests/roster.ts';
import type { Subscription } from '../../src/subscriptions/subscriptions.ts';

const sub = (region: string, topic = 'all'): Subscription => ({ region, topic, include: [], exclude: [] });
const signature = (subs: Subscription[]) => JSON.stringify(subs);
const parse = (s: string) => JSON.parse(s) as Subscription[];

function roster(chats: Array<[id: number, locale: Locale, zone: string, subs: Subscription[]]>) {
  const builder = createRosterBuilder(parse);
  for (const [id, locale, timeZone, subs] of chats) builder.add({ id, locale, timeZone, lastDigestAt: null, prefs: '' }, signature(subs));
  return builder.build();
}

describe('the chats of a run', () => {
  it('come in order of profile, then language, then zone, and of arrival within each', () => {
    const r = roster([
      [1, 'ru', 'UTC', [sub('UZ')]],
      [2, 'en', 'UTC', [sub('TJ')]],
      [3, 'ar', 'Asia/Dushanbe', [sub('UZ')]],
      [4, 'ru', 'Africa/Cairo', [sub('UZ')]],
      [5, 'ru', 'UTC', [sub('UZ')]],
      [6, 'en', 'UTC', [sub('TJ')]],
    ]);
    expect(Array.from(runOrder(r), (i) => r.id(i))).toEqual([2, 6, 3, 4, 1, 5]);
  });

  it('share one profile however each chat ordered its subscriptions', () => {
    const r = roster([
      [1, 'ru', 'UTC', [sub('UZ'), sub('all', 'economy')]],
      [2, 'ar', 'UTC', [sub('all', 'economy'), sub('UZ')]],
      [3, 'ru', 'UTC', [sub('UZ')]],
    ]);
    expect(r.profiles).toHaveLength(2);
    expect(r.profileOf(0)).toBe(r.profileOf(1));
    // Ties in ranking go to the earlier subscription: the profile is ranked as its first chat in the run ordered them.
    expect(r.profiles[r.profileOf(0)]?.subscriptions).toEqual([sub('all', 'economy'), sub('UZ')]);
  });

  it('keep what a run needs of each chat', () => {
    const builder = createRosterBuilder(parse);
    for (let id = 1; id <= 3000; id++) builder.add({ id: -1_000_000_000_000 - id, locale: 'ar', timeZone: 'Asia/Riyadh', lastDigestAt: id === 2999 ? 1_795_939_200_000 : null, prefs: '' }, signature([sub('SA')]));
    const r = builder.build();
    expect(r.size).toBe(3000);
    expect(r.id(2998)).toBe(-1_000_000_002_999);
    expect(r.lastDigestAt(2998)).toBe(1_795_939_200_000);
    expect(r.lastDigestAt(0)).toBe(0);
    expect(r.locales[r.localeOf(2998)]).toBe('ar');
    expect(r.zones[r.zoneOf(2998)]).toBe('Asia/Riyadh');
  });
});
