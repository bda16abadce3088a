/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 as the evaluation corpus defines them: lower-cased Unicode word
 * tokens, no stemming, no stopword removal. ROUGE-L is the LCS of the whole token sequences (not the
 * summary-level "Lsum" variant), which is what the corpus's published reference points use.
 */

export interface RougeScores {
  r1: number;
  r2: number;
  rl: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function f1(overlap: number, candidateCount: number, referenceCount: number): number {
  if (overlap === 0 || candidateCount === 0 || referenceCount === 0) return 0;
  const precision = overlap / candidateCount;
  const recall = overlap / referenceCount;
  return (2 * precision * recall) / (precision + recall);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** F1 of clipped n-gram overlap. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let curr = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      curr[j] = ai === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, curr[j - 1] as number);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length] as number;
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** Scores a candidate summary against one reference; both are raw texts. */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: rougeL(c, r) };
}
