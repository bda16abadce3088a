import type { Taxonomy } from '../taxonomy/index.ts';
import { createSigner } from './cross-lingual.ts';
import type { Classifiers } from './enrich.ts';
import { createRegionDetector } from './regions.ts';
import { createExtractiveSummarizer } from './summarize.ts';
import { createTopicClassifier } from './topics.ts';

/** The enrichment the product files articles with; the CLI's summarize and classify use the same. */
export function createClassifiers(taxonomy: Taxonomy): Classifiers {
  return {
    summarizer: createExtractiveSummarizer(),
    topics: createTopicClassifier(),
    regions: createRegionDetector(taxonomy),
    signer: createSigner(taxonomy),
  };
}
