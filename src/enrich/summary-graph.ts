/**
 * Graph and vector arithmetic of the extractive summarizer, on small dense arrays: an article has at
 * most a few dozen candidate sentences, so plain loops beat any cleverer structure.
 */

/** Term ids of one sentence: distinct and ascending, and with repeats (for frequencies). */
export interface TermVector {
  ids: Int32Array;
  all: Int32Array;
}

/** Weighted PageRank over a dense symmetric similarity matrix, a fixed number of iterations. */
export function pageRank(weights: Float64Array, n: number, iterations = 50, d = 0.85): Float64Array {
  // Column-normalized transition matrix, built once: transition[i][j] = w(j→i) / out(j).
  const transition = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let out = 0;
    for (let k = 0; k < n; k++) out += weights[j * n + k] as number;
    if (out > 0) for (let i = 0; i < n; i++) transition[i * n + j] = (weights[j * n + i] as number) / out;
  }
  let rank = new Float64Array(n).fill(1 / Math.max(1, n));
  let next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) sum += (transition[row + j] as number) * (rank[j] as number);
      next[i] = (1 - d) / n + d * sum;
    }
    [rank, next] = [next, rank];
  }
  return rank;
}

export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Mihalcea & Tarau's similarity: shared distinct words over the sum of log sentence lengths. */
export function overlapSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, lenA: number, lenB: number): number {
  const denominator = Math.log(lenA) + Math.log(lenB);
  return denominator > 0 ? shared(a, b) / denominator : 0;
}

export function similarityGraph(sets: readonly ReadonlySet<string>[], sim: (i: number, j: number) => number): Float64Array {
  const n = sets.length;
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const w = sim(i, j);
      weights[i * n + j] = w;
      weights[j * n + i] = w;
    }
  }
  return weights;
}

/** Each value divided by the largest, so that features of different units can be weighed. */
export function scaled(values: ArrayLike<number>): number[] {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  return Array.from(values, (v) => (max > 0 ? v / max : 0));
}

/** Distinct terms two sentences share, for every pair, from an inverted index (cheaper than n² set intersections). */
export function sharedCounts(pool: readonly TermVector[], vocabulary: number): Float64Array {
  const n = pool.length;
  const postings: number[][] = Array.from({ length: vocabulary }, () => []);
  pool.forEach((c, i) => c.ids.forEach((id) => postings[id]!.push(i)));
  const counts = new Float64Array(n * n);
  for (const list of postings) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        counts[i * n + j] = (counts[i * n + j] as number) + 1;
        counts[j * n + i] = (counts[j * n + i] as number) + 1;
      }
    }
  }
  return counts;
}

/** Cosine of each sentence's term counts with the counts of all the other candidates. */
export function centroidSimilarity(pool: readonly TermVector[], vocabulary: number): number[] {
  const doc = new Float64Array(vocabulary);
  for (const c of pool) for (const id of c.all) doc[id] = (doc[id] as number) + 1;
  let docNorm = 0;
  for (const f of doc) docNorm += f * f;
  const own = new Float64Array(vocabulary);
  return pool.map((c) => {
    for (const id of c.all) own[id] = (own[id] as number) + 1;
    let dot = 0;
    let ownNorm = 0;
    let restNorm = docNorm;
    for (const id of c.ids) {
      const f = own[id] as number;
      const total = doc[id] as number;
      ownNorm += f * f;
      dot += f * (total - f);
      restNorm += (total - f) ** 2 - total ** 2;
      own[id] = 0;
    }
    return restNorm > 0 && ownNorm > 0 ? dot / Math.sqrt(restNorm * ownNorm) : 0;
  });
}
