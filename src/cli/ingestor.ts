import { createIngestor } from '../articles/ingest.ts';
import { createClassifiers } from '../articles/pipeline.ts';
import { createArticleStore } from '../articles/store.ts';
import { createTaxonomy } from '../taxonomy/index.ts';
import type { CliContext } from './context.ts';

/** The ingestor both `ingest FILE...` and `ingest --sources` store through. */
export function createCliIngestor(ctx: CliContext) {
  return createIngestor({
    store: createArticleStore(ctx.db()),
    classifiers: createClassifiers(createTaxonomy()),
    logger: ctx.logger,
  });
}
