/** A match of one indexed phrase over tokens [start, end). */
export interface PhraseHit<T> {
  readonly start: number;
  readonly end: number;
  readonly values: readonly T[];
}

/** The keys token `i` offers: one for most words, several for an Arabic word with clitics. */
export type KeysAt = (i: number) => readonly string[];

/**
 * Phrases as sequences of keys; text as a sequence of tokens, each offering one or more keys. Lookups
 * are hash probes on the phrase so far, so a text is scanned in one pass however many phrases there are.
 */
export interface PhraseIndex<T> {
  add(keys: readonly string[], value: T): void;
  /** Left to right, longest phrase first; matched tokens are consumed. */
  scan(length: number, keysAt: KeysAt): PhraseHit<T>[];
  /** Values of phrases that cover all `length` tokens exactly. */
  whole(length: number, keysAt: KeysAt): T[];
}

interface Node<T> {
  values: T[] | undefined;
  /** Some longer phrase starts with this one. */
  extends: boolean;
}

const SEP = '\u0000';

export function createPhraseIndex<T>(): PhraseIndex<T> {
  const nodes = new Map<string, Node<T>>();
  let maxLength = 0;

  const nodeAt = (path: string): Node<T> => {
    let node = nodes.get(path);
    if (!node) nodes.set(path, (node = { values: undefined, extends: false }));
    return node;
  };

  function longestAt(length: number, keysAt: KeysAt, start: number, exactEnd?: number) {
    let best: { end: number; values: T[] } | undefined;
    let frontier: string[] | undefined;
    let found: T[] | undefined;
    for (const key of keysAt(start)) {
      const node = nodes.get(key);
      if (!node) continue;
      if (node.values) found = found ? [...found, ...node.values] : node.values;
      if (node.extends) (frontier ??= []).push(key);
    }
    if (found && (exactEnd === undefined || exactEnd === start + 1)) best = { end: start + 1, values: found };
    const limit = Math.min(length, start + maxLength);
    for (let end = start + 2; end <= limit && frontier; end++) {
      let next: string[] | undefined;
      found = undefined;
      for (const prefix of frontier) {
        for (const key of keysAt(end - 1)) {
          const path = prefix + SEP + key;
          const node = nodes.get(path);
          if (!node) continue;
          if (node.values) found = found ? [...found, ...node.values] : node.values;
          if (node.extends) (next ??= []).push(path);
        }
      }
      if (found && (exactEnd === undefined || exactEnd === end)) best = { end, values: found };
      frontier = next;
    }
    return best && { end: best.end, values: [...new Set(best.values)] };
  }

  return {
    add(keys, value) {
      if (keys.length === 0 || keys.some((k) => k === '')) return;
      let path = '';
      keys.forEach((key, i) => {
        path = i === 0 ? key : path + SEP + key;
        const node = nodeAt(path);
        if (i < keys.length - 1) node.extends = true;
        else if (!node.values) node.values = [value];
        else if (!node.values.includes(value)) node.values.push(value);
      });
      maxLength = Math.max(maxLength, keys.length);
    },
    scan(length, keysAt) {
      const hits: PhraseHit<T>[] = [];
      for (let i = 0; i < length; ) {
        const best = longestAt(length, keysAt, i);
        if (best) {
          hits.push({ start: i, end: best.end, values: best.values });
          i = best.end;
        } else i++;
      }
      return hits;
    },
    whole(length, keysAt) {
      return length === 0 ? [] : (longestAt(length, keysAt, 0, length)?.values ?? []);
    },
  };
}
