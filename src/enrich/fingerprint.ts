import { createHash } from 'node:crypto';
import { normalize } from '../text/normalize.ts';

const TRACKING = /^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|rss|from)$/i;

/** One spelling per page: tracking parameters, fragments, "www." and trailing slashes do not make a new article. */
export function canonicalUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    url.searchParams.sort();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
  } catch {
    return undefined;
  }
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The same words under the same title, wherever they were published. */
export function contentHash(title: string, text: string): string {
  return sha1(`${normalize(title).replace(/\s+/g, ' ').trim()}\n${normalize(text).replace(/\s+/g, ' ').trim()}`);
}

export function dedupKey(item: { url?: string | undefined; guid?: string | undefined; title: string; text: string }): string {
  const url = item.url ? canonicalUrl(item.url) : undefined;
  if (url) return `url:${url}`;
  if (item.guid && item.guid.trim().length > 0) return `guid:${item.guid.trim()}`;
  return `hash:${contentHash(item.title, item.text)}`;
}

const FNV_PRIME = 0x01000193;
const SEED_LO = 0x811c9dc5;
const SEED_HI = (FNV_PRIME ^ 0x9e3779b9) >>> 0;
/** Shingles come from the first MAX_TERMS terms, so counts stay below 2^PLANES. */
const MAX_TERMS = 600;
const PLANES = 10;

// FNV-1a, 32 bits (cheap and well spread for short shingles), continued from hash h over more text:
// feed(feed(seed, a), b) === feed(seed, a + b).
function feed(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** FNV-1a of a short string as 32 bits: cheap keys, not a defence against anyone. */
export const fnv1a = (text: string): number => feed(SEED_LO, text);

/**
 * 64-bit SimHash over word 3-shingles of stemmed terms: rewrites of one wire story land a few
 * bits apart, different stories about the same place do not.
 */
export function simhash(terms: readonly string[]): string {
  // Per-bit counts of ones as bit-sliced counters: plane k holds bit k of all 32 counts of a half, and
  // adding a hash is a ripple carry (a couple of steps on average) instead of 64 per-bit updates.
  // A bit is set when more than half the shingles have it (ones − zeros > 0).
  const loPlanes = new Int32Array(PLANES);
  const hiPlanes = new Int32Array(PLANES);
  let shingles = 0;
  const add = (lo: number, hi: number) => {
    shingles++;
    for (let k = 0, carry = lo | 0; carry !== 0; k++) {
      const plane = loPlanes[k] as number;
      loPlanes[k] = plane ^ carry;
      carry &= plane;
    }
    for (let k = 0, carry = hi | 0; carry !== 0; k++) {
      const plane = hiPlanes[k] as number;
      hiPlanes[k] = plane ^ carry;
      carry &= plane;
    }
  };
  if (terms.length < 3) {
    const shingle = terms.join(' ');
    add(feed(SEED_LO, shingle), feed(SEED_HI, shingle));
  } else {
    // The shingle "a b c" hashed in place, without building the string.
    const n = Math.min(terms.length, MAX_TERMS) - 2;
    for (let i = 0; i < n; i++) {
      const a = terms[i] as string;
      const b = terms[i + 1] as string;
      const c = terms[i + 2] as string;
      let lo = feed(SEED_LO, a);
      let hi = feed(SEED_HI, a);
      lo = feed(Math.imul(lo ^ 32, FNV_PRIME) >>> 0, b);
      hi = feed(Math.imul(hi ^ 32, FNV_PRIME) >>> 0, b);
      lo = feed(Math.imul(lo ^ 32, FNV_PRIME) >>> 0, c);
      hi = feed(Math.imul(hi ^ 32, FNV_PRIME) >>> 0, c);
      add(lo, hi);
    }
  }
  const bitsOver = (planes: Int32Array): number => {
    let out = 0;
    for (let bit = 0; bit < 32; bit++) {
      let ones = 0;
      for (let k = 0; k < PLANES; k++) ones |= (((planes[k] as number) >>> bit) & 1) << k;
      if (2 * ones > shingles) out |= 1 << bit;
    }
    return out;
  };
  const lo = bitsOver(loPlanes);
  const hi = bitsOver(hiPlanes);
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
