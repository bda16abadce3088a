import { hammingDistance } from './fingerprint.ts';

/** Rewrites of one story differ in a few bits at most; further apart they are different stories. */
export const NEAR_DUPLICATE_BITS = 3;

/**
 * Finds a stored article whose SimHash is within NEAR_DUPLICATE_BITS of a new one. Four 16-bit bands:
 * two hashes that close must agree exactly on at least one band, so only those buckets are compared.
 */
export function createNearDuplicateIndex() {
  const buckets = new Map<string, Array<{ simhash: string; clusterId: number }>>();
  const bandsOf = (simhash: string) => [0, 1, 2, 3].map((b) => `${b}:${simhash.slice(b * 4, b * 4 + 4)}`);
  return {
    add(simhash: string, clusterId: number): void {
      for (const band of bandsOf(simhash)) {
        const list = buckets.get(band);
        if (list) list.push({ simhash, clusterId });
        else buckets.set(band, [{ simhash, clusterId }]);
      }
    },
    find(simhash: string): number | undefined {
      for (const band of bandsOf(simhash)) {
        for (const candidate of buckets.get(band) ?? []) {
          if (hammingDistance(candidate.simhash, simhash) <= NEAR_DUPLICATE_BITS) return candidate.clusterId;
        }
      }
      return undefined;
    },
  };
}
