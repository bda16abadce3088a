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

// FNV-1a, 32 bits: cheap and well spread for short shingles.
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * 64-bit SimHash over word 3-shingles of stemmed terms: rewrites of one wire story land a few
 * bits apart, different stories about the same place do not.
 */
export function simhash(terms: readonly string[]): string {
  const weights = new Int32Array(64);
  const shingles = terms.length < 3 ? [terms.join(' ')] : terms.slice(0, 600).map((_, i, a) => `${a[i]} ${a[i + 1]} ${a[i + 2]}`).slice(0, -2);
  for (const shingle of shingles) {
    const lo = fnv1a(shingle, 0x811c9dc5);
    const hi = fnv1a(shingle, 0x01000193 ^ 0x9e3779b9);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit] = (weights[bit] ?? 0) + ((lo >>> bit) & 1 ? 1 : -1);
      weights[bit + 32] = (weights[bit + 32] ?? 0) + ((hi >>> bit) & 1 ? 1 : -1);
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((weights[bit] ?? 0) > 0) lo |= 1 << bit;
    if ((weights[bit + 32] ?? 0) > 0) hi |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (const [from, to] of [[0, 8], [8, 16]] as const) {
    let x = (parseInt(a.slice(from, to), 16) ^ parseInt(b.slice(from, to), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
