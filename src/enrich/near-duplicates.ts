
/**
 * Measured on news sets (`bench`-style pairwise scan): a story with one sentence dropped or
 * reworded lands a median 6 bits away; distinct stories almost never come closer than 12.
 */
export const NEAR_DUPLICATE_BITS = 10;

// 64 bits in NEAR_DUPLICATE_BITS + 1 bands: two hashes within that distance agree on a whole band.
const BANDS = NEAR_DUPLICATE_BITS + 1;
const BAND_WIDTHS = Array.from({ length: BANDS }, (_, i) => Math.floor(64 / BANDS) + (i < 64 % BANDS ? 1 : 0));

function bandsOf(simhash: string): string[] {
  let value = BigInt(`0x${simhash}`);
  return BAND_WIDTHS.map((width, band) => {
    const part = value & ((1n << BigInt(width)) - 1n);
    value >>= BigInt(width);
    return `${band}:${part.toString(16)}`;
  });
}

/** Finds a stored article whose SimHash is within NEAR_DUPLICATE_BITS of a new one, comparing only band-mates. */
interface Entry {
  hi: number;
  lo: number;
  clusterId: number;
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function createNearDuplicateIndex() {
  const buckets = new Map<string, Entry[]>();
  const halves = (simhash: string) => ({ hi: parseInt(simhash.slice(0, 8), 16), lo: parseInt(simhash.slice(8, 16), 16) });
  return {
    add(simhash: string, clusterId: number): void {
      const entry = { ...halves(simhash), clusterId };
      for (const band of bandsOf(simhash)) {
        const list = buckets.get(band);
        if (list) list.push(entry);
        else buckets.set(band, [entry]);
      }
    },
    find(simhash: string): number | undefined {
      let best: { distance: number; clusterId: number } | undefined;
      const { hi, lo } = halves(simhash);
      for (const band of bandsOf(simhash)) {
        for (const candidate of buckets.get(band) ?? []) {
          const distance = popcount((candidate.hi ^ hi) >>> 0) + popcount((candidate.lo ^ lo) >>> 0);
          if (distance <= NEAR_DUPLICATE_BITS && (!best || distance < best.distance)) best = { distance, clusterId: candidate.clusterId };
        }
      }
      return best?.clusterId;
    },
  };
}
