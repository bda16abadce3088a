import type { CliContext } from './context.ts';

/** The ingestor both `ingest FILE...` and `ingest --sources` store through: the pipeline's. */
export async function createCliIngestor(ctx: CliContext) {
  return (await ctx.pipeline()).ingestor();
}
