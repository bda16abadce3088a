/**
 * The chats of one digest run as typed columns, not records: a run over 100k chats keeps about 25
 * bytes a chat, outside the JS heap, and one subscription list per distinct profile. Records and
 * per-chat subscription arrays cost hundreds of MB, and whatever lives in the heap during a run
 * also sets how far V8 lets the heap grow before it collects. Pure: chats go in one at a time (from
 * a cursor), the order to compose them in comes out.
 */
import type { Locale } from '../config.ts';
import type { Subscription } from '../subscriptions/subscriptions.ts';
import { profileKey, subscriptionKey } from './compose.ts';

export interface RosterChat {
  id: number;
  locale: Locale;
  timeZone: string;
  lastDigestAt: number | null;
  /** Reading languages, mutes and frequency as one string: chats that share it share its parse. */
  prefs: string;
}

export interface RosterProfile {
  /** profileKey() of the subscriptions. */
  key: string;
  subscriptions: readonly Subscription[];
}

/** Chat `i` (0 ≤ i < size) as it arrived; languages and zones by index into the distinct ones. */
export interface Roster {
  readonly size: number;
  readonly profiles: readonly RosterProfile[];
  readonly locales: readonly Locale[];
  readonly zones: readonly string[];
  readonly prefs: readonly string[];
  id(i: number): number;
  prefsOf(i: number): number;
  localeOf(i: number): number;
  zoneOf(i: number): number;
  /** 0 for a chat that never had a digest. */
  lastDigestAt(i: number): number;
  /** Index into `profiles`. */
  profileOf(i: number): number;
}

interface Representative {
  locale: string;
  zone: string;
  /** Subscription keys in the chat's own order. */
  order: string;
}

interface Signature {
  profile: number;
  order: string;
  subscriptions: readonly Subscription[];
}

/** How the run has always ordered languages and zones. */
const collate = (a: string, b: string) => a.localeCompare(b);

/** Distinct strings numbered in order of arrival. */
function createNames<T extends string>() {
  const names: T[] = [];
  const index = new Map<T, number>();
  return {
    names,
    indexOf(name: T): number {
      let i = index.get(name);
      if (i === undefined) index.set(name, (i = names.push(name) - 1));
      return i;
    },
  };
}

/**
 * Chats in order of arrival (by id); `build()` hands over the columns. A chat's subscriptions come
 * as a signature string, parsed once however many chats share it.
 */
export function createRosterBuilder(parse: (signature: string) => readonly Subscription[]) {
  let capacity = 1024;
  let size = 0;
  let ids = new Float64Array(capacity);
  let lastDigestAt = new Float64Array(capacity);
  let localeOf = new Uint8Array(capacity);
  let zoneOf = new Uint32Array(capacity);
  let profileOf = new Uint32Array(capacity);
  let prefsOf = new Uint32Array(capacity);
  const prefs = createNames<string>();
  const locales = createNames<Locale>();
  const zones = createNames<string>();
  const profiles: RosterProfile[] = [];
  const profileIndex = new Map<string, number>();
  const signatures = new Map<string, Signature>();
  const representatives: Representative[] = [];

  const grow = () => {
    capacity *= 2;
    const wider = <A extends Float64Array | Uint32Array | Uint8Array>(old: A, fresh: A): A => (fresh.set(old), fresh);
    ids = wider(ids, new Float64Array(capacity));
    lastDigestAt = wider(lastDigestAt, new Float64Array(capacity));
    localeOf = wider(localeOf, new Uint8Array(capacity));
    zoneOf = wider(zoneOf, new Uint32Array(capacity));
    profileOf = wider(profileOf, new Uint32Array(capacity));
    prefsOf = wider(prefsOf, new Uint32Array(capacity));
  };

  const learn = (signature: string, chat: RosterChat): Signature => {
    const subscriptions = parse(signature);
    const order = subscriptions.map(subscriptionKey).join(';');
    const key = profileKey(subscriptions);
    let profile = profileIndex.get(key);
    if (profile === undefined) {
      profile = profiles.push({ key, subscriptions }) - 1;
      profileIndex.set(key, profile);
      representatives.push({ locale: chat.locale, zone: chat.timeZone, order });
    }
    const known = { profile, order, subscriptions };
    signatures.set(signature, known);
    return known;
  };

  return {
    add(chat: RosterChat, signature: string): void {
      if (size === capacity) grow();
      const { profile, order, subscriptions } = signatures.get(signature) ?? learn(signature, chat);
      // Ties in ranking go to the earlier subscription, so a profile is ranked with the subscriptions
      // of its chat composed first (see runOrder), whichever order the others made theirs in.
      const rep = representatives[profile] as Representative;
      if ((collate(chat.locale, rep.locale) || collate(chat.timeZone, rep.zone)) < 0) {
        rep.locale = chat.locale;
        rep.zone = chat.timeZone;
        if (rep.order !== order) {
          rep.order = order;
          profiles[profile] = { key: (profiles[profile] as RosterProfile).key, subscriptions };
        }
      }
      ids[size] = chat.id;
      lastDigestAt[size] = chat.lastDigestAt ?? 0;
      localeOf[size] = locales.indexOf(chat.locale);
      zoneOf[size] = zones.indexOf(chat.timeZone);
      profileOf[size] = profile;
      prefsOf[size] = prefs.indexOf(chat.prefs);
      size++;
    },

    build(): Roster {
      return {
        size,
        profiles,
        locales: locales.names,
        zones: zones.names,
        prefs: prefs.names,
        id: (i) => ids[i] as number,
        prefsOf: (i) => prefsOf[i] as number,
        localeOf: (i) => localeOf[i] as number,
        zoneOf: (i) => zoneOf[i] as number,
        lastDigestAt: (i) => lastDigestAt[i] as number,
        profileOf: (i) => profileOf[i] as number,
      };
    },
  };
}

/** Rank of each value under `compare`; values that compare equal share a rank. */
function ranks(values: readonly string[], compare: (a: string, b: string) => number): Uint32Array {
  const sorted = values.map((v, i) => ({ v, i })).sort((a, b) => compare(a.v, b.v));
  const out = new Uint32Array(values.length);
  let rank = 0;
  sorted.forEach(({ v, i }, k) => {
    if (k > 0 && compare((sorted[k - 1] as { v: string }).v, v) !== 0) rank++;
    out[i] = rank;
  });
  return out;
}

/**
 * Positions in the order a run composes them: by profile, language, zone and preferences, then arrival. Chats
 * that get the same digest sit together, so only the latest ranking and text need keeping.
 */
export function runOrder(roster: Roster): Uint32Array {
  const profileRank = ranks(
    roster.profiles.map((p) => p.key),
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const localeRank = ranks(roster.locales, collate);
  const zoneRank = ranks(roster.zones, collate);
  const locales = roster.locales.length;
  const zones = roster.zones.length;
  const prefs = Math.max(1, roster.prefs.length);
  const group = new Float64Array(roster.size);
  for (let i = 0; i < roster.size; i++) {
    const profile = profileRank[roster.profileOf(i)] as number;
    const locale = localeRank[roster.localeOf(i)] as number;
    const zone = zoneRank[roster.zoneOf(i)] as number;
    group[i] = ((profile * locales + locale) * zones + zone) * prefs + roster.prefsOf(i);
  }
  const order = new Uint32Array(roster.size);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (group[a] as number) - (group[b] as number) || a - b);
}
