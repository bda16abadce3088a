/** Levenshtein distance; stops early and returns a value above `limit` once that is certain. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

// Letters people confuse by ear or by keyboard layout: swapping one for the other is half a typo.
const ALIKE = new Set(
  ['yi', 'ck', 'ао', 'еи', 'иы', 'еэ', 'سص', 'تط', 'دض', 'زذ', 'قك', 'هح'].flatMap((p) => [p, [...p].reverse().join('')]),
);

/**
 * Levenshtein where the commonest typos cost less: a swap of two neighbouring letters ("Egpyt") is
 * one edit, not two; a letter doubled or undoubled ("Morroco", "مصرر") and a confusable letter
 * ("Lybia", "эканомика") are half an edit each. Same early stop as `editDistance`.
 */
export function typoDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const dropB = (j: number) => (j > 1 && b.charCodeAt(j - 1) === b.charCodeAt(j - 2) ? 0.5 : 1);
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + dropB(j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    // Typing a letter again right after itself, or leaving out the second of a pair.
    const dropA = i > 1 && ca === a.charCodeAt(i - 2) ? 0.5 : 1;
    curr[0] = prev[0]! + dropA;
    let rowMin = curr[0];
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : ALIKE.has(a[i - 1]! + b[j - 1]!) ? 0.5 : 1;
      let v = Math.min(prev[j]! + dropA, curr[j - 1]! + dropB(j), prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, before[j - 2]! + 1);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A swap reaches back two rows, so the early stop must hold for the row before as well.
    if (rowMin > limit && Math.min(...prev) > limit) return limit + 1;
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length]!;
}
