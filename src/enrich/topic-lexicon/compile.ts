import { TOPIC_IDS, type TopicId } from '../../taxonomy/index.ts';
import { scriptOf, stem, tokenize } from '../../text/normalize.ts';
import { TOPIC_LEXICONS } from './index.ts';
import type { TopicLexicon } from './types.ts';

// The topic lexicons compiled into a trie over stems, and how one word of a text is looked up in it.

// Specificity grows faster than the tier number: one decisive term should outweigh several supporting ones.
export const TIER_WEIGHTS = [0, 0.5, 1.5, 3];

// The Arabic article with a joined conjunction or preposition: the only prefix safe to strip blindly.
const AR_ARTICLE = /^(?:وال|فال|بال|كال|ال|لل)(?=..)/;
const AR_CLITIC_LETTERS = 'وفبكل';
// An unlisted Arabic form that only shares a listed word's stem is often another word (أثر beside أثرية).
const ARABIC_STEM_SHARE = 0.5;

type Weights = ReadonlyArray<readonly [topic: number, weight: number]>;

/** A stem, or a phrase so far, in a trie over stems: one map lookup per word serves both. */
export interface LexiconNode {
  /** The stems joined by spaces, for explanations. */
  key: string;
  /** Set where a lexicon term ends: (topic index, weight) pairs. */
  weights?: Weights;
  /** Longer phrases starting with this one. */
  next?: Map<string, LexiconNode>;
  /** What an unlisted Arabic word that only shares this stem counts for (see ARABIC_STEM_SHARE). */
  loose?: LexiconNode;
}

export interface CompiledLexicon {
  root: Map<string, LexiconNode>;
  /**
   * Arabic single words by surface form (normalized, article stripped). Snowball's Arabic stemmer also
   * strips letters that begin ordinary words, so فنان and لبنان, or طاقة and بطاقة, share a stem; a listed
   * surface form therefore wins over the stem, and weight-0 entries block known false friends.
   */
  arabic: Map<string, LexiconNode>;
}

const arabicSurface = (word: string): string => word.replace(AR_ARTICLE, '');

export function compileLexicon(): CompiledLexicon {
  const root = new Map<string, LexiconNode>();
  const arabic = new Map<string, LexiconNode>();
  const acc = new Map<LexiconNode, Map<number, number>>();
  const add = (node: LexiconNode, topic: number, weight: number) => {
    const byTopic = acc.get(node) ?? new Map<number, number>();
    byTopic.set(topic, Math.max(byTopic.get(topic) ?? 0, weight));
    acc.set(node, byTopic);
  };
  const lexicons: Record<TopicId, TopicLexicon> = TOPIC_LEXICONS;
  TOPIC_IDS.forEach((topic, index) => {
    for (const tiers of Object.values(lexicons[topic])) {
      for (const [tier, list] of Object.entries(tiers)) {
        const weight = TIER_WEIGHTS[Number(tier)] ?? 0;
        for (const term of String(list).split(/[,\n]/)) {
          const words = tokenize(term);
          const only = words.length === 1 ? words[0] : undefined;
          if (only !== undefined && scriptOf(only) === 'ar') {
            const surface = arabicSurface(only);
            const node = arabic.get(surface) ?? { key: surface };
            arabic.set(surface, node);
            add(node, index, weight);
          }
          let node: LexiconNode | undefined;
          for (const s of words.map(stem)) {
            // `next` only where a phrase goes on, so matching a single word never probes an empty map.
            const level: Map<string, LexiconNode> = node ? (node.next ??= new Map()) : root;
            const child: LexiconNode = level.get(s) ?? { key: node ? `${node.key} ${s}` : s };
            level.set(s, child);
            node = child;
          }
          if (node) add(node, index, weight);
        }
      }
    }
  });
  for (const [node, byTopic] of acc) {
    const weights = [...byTopic].filter(([, w]) => w > 0);
    if (weights.length === 0) continue;
    node.weights = weights;
    node.loose = { key: node.key, weights: weights.map(([t, w]) => [t, w * ARABIC_STEM_SHARE] as const) };
  }
  return { root, arabic };
}

/** What a normalized word means on its own: a listed Arabic surface form first, else its stem's entry. */
export function unigramOf(word: string, wordStem: string, lexicon: CompiledLexicon): LexiconNode | undefined {
  const byStem = lexicon.root.get(wordStem);
  if (scriptOf(word) !== 'ar') return byStem?.weights ? byStem : undefined;
  const surface = arabicSurface(word);
  const listed = lexicon.arabic.get(surface);
  if (listed) return listed.weights ? listed : undefined;
  // An unlisted form counts only as a suffixed form of the stem (one joined clitic letter allowed), not
  // as a word that merely contains it after the stemmer cut its first letters.
  const suffixed =
    surface.startsWith(wordStem) || (AR_CLITIC_LETTERS.includes(surface[0] ?? '') && surface.startsWith(wordStem, 1));
  return suffixed ? byStem?.loose : undefined;
}
