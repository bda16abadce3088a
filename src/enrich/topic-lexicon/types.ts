/**
 * One topic's vocabulary in one language, grouped by how much a single mention says about the topic:
 * 3 names the topic on its own ("goalkeeper", "inflation"), 2 strongly suggests it, 1 only supports it
 * alongside other cues ("game", "market"). Tier 0 lists Arabic words that stem like a topic word but are
 * not one (لبنان beside فنان): they match nothing, and keep the stem from matching them.
 *
 * Terms are surface forms separated by commas or newlines; a term of several words is matched as a
 * phrase. They are normalized and stemmed when the classifier is built, so listing a few inflected forms
 * helps where the stemmer does not fold them together (Arabic broken plurals, Russian irregular forms).
 */
export type TierTerms = Partial<Record<0 | 1 | 2 | 3, string>>;

export interface TopicLexicon {
  en: TierTerms;
  ru: TierTerms;
  ar: TierTerms;
}
