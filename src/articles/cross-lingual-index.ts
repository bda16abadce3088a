/**
 * The recent articles a new one is paired against (cross-lingual.ts says what a pair is): an
 * inverted index by key, so an article meets only those that share two keys with it.
 */
import { CROSS_LINGUAL_WINDOW_MS, scorePair, type Rarity, type Signature } from '../enrich/cross-lingual.ts';

interface Entry {
  sig: Signature;
  clusterId: number;
}

/** A key in more recent articles than this is too common to find candidates by (it still scores). */
const MAX_POSTINGS = 64;
/** Entries are dropped once this many were added since the last sweep, keeping the window. */
const SWEEP_EVERY = 2000;
/**
 * A key in up to 1% of recent articles (of Arabic ones, for Arabic words) counts fully, one in 5% not at
 * all: a common Arabic word that happens to spell a name's consonants, a name in every story of the day.
 * The prior keeps a nearly empty index from calling every key common.
 */
const RARE_SHARE = 0.01;
const COMMON_SHARE = 0.05;
const SHARE_PRIOR = 100;

/**
 * Recent articles by key (name skeletons, Arabic word skeletons, figures, dates), so a new article is
 * compared only with those of other languages that share two of them, within the window of it.
 */
export function createCrossLingualIndex(options: { windowMs?: number } = {}) {
  const windowMs = options.windowMs ?? CROSS_LINGUAL_WINDOW_MS;
  // Names by script group: an Arabic article looks among names of the others, never at Arabic word lists.
  const names = { ar: new Map<string, Entry[]>(), other: new Map<string, Entry[]>() };
  const facts = new Map<string, Entry[]>();
  const sizes = { ar: 0, other: 0 };
  let entries: Entry[] = [];
  let newest = -Infinity;
  let sinceSweep = 0;

  const groupOf = (sig: Signature) => (sig.lang === 'ar' ? 'ar' : 'other');
  const factKeys = (sig: Signature) => [...[...sig.numbers.keys()].map((n) => `#${n}`), ...[...sig.dates].map((d) => `@${d}`)];
  const push = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  const post = (entry: Entry) => {
    const group = groupOf(entry.sig);
    sizes[group]++;
    for (const key of entry.sig.keys) push(names[group], key, entry);
    for (const key of factKeys(entry.sig)) push(facts, key, entry);
  };
  const rarity: Rarity = (key, arabic) => {
    const group = arabic ? 'ar' : 'other';
    const share = (names[group].get(key)?.length ?? 0) / (sizes[group] + SHARE_PRIOR);
    return share <= RARE_SHARE ? 1 : Math.max(0, 1 - (share - RARE_SHARE) / (COMMON_SHARE - RARE_SHARE));
  };
  function sweep() {
    // Articles arrive out of order, so the window is kept around the newest one, both ways.
    entries = entries.filter((e) => e.sig.publishedAt >= newest - 2 * windowMs);
    names.ar.clear();
    names.other.clear();
    facts.clear();
    sizes.ar = sizes.other = 0;
    for (const e of entries) post(e);
    sinceSweep = 0;
  }

  return {
    add(sig: Signature, clusterId: number): void {
      const entry = { sig, clusterId };
      entries.push(entry);
      post(entry);
      newest = Math.max(newest, sig.publishedAt);
      if (++sinceSweep >= SWEEP_EVERY) sweep();
    },
    /** The story cluster of the best matching article of another language, if one is the same event. */
    find(sig: Signature): number | undefined {
      const hits = new Map<Entry, number>();
      const count = (list: Entry[] | undefined) => {
        if (!list || list.length > MAX_POSTINGS) return;
        for (const e of list) if (e.sig.lang !== sig.lang) hits.set(e, (hits.get(e) ?? 0) + 1);
      };
      const groups = sig.lang === 'ar' ? [names.other] : [names.ar, names.other];
      for (const key of sig.keys) for (const map of groups) count(map.get(key));
      for (const key of factKeys(sig)) count(facts.get(key));
      let best: { entry: Entry; evidence: number } | undefined;
      for (const [entry, n] of hits) {
        // No single name or figure weighs MIN_EVIDENCE: one shared key cannot be enough.
        if (n < 2 || Math.abs(entry.sig.publishedAt - sig.publishedAt) > windowMs) continue;
        const score = scorePair(sig, entry.sig, rarity);
        if (score.same && (!best || score.evidence > best.evidence)) best = { entry, evidence: score.evidence };
      }
      return best?.entry.clusterId;
    },
  };
}
