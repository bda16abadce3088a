/**
 * Worker-thread entry for enrich-pool.ts: builds its own classifiers once, then enriches batches.
 * Runs only when started as a worker; importing it elsewhere does nothing.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { createTaxonomy } from '../taxonomy/index.ts';
import { enrich, type Identified, type RawArticle } from './enrich.ts';
import { createClassifiers } from './classifiers.ts';

interface Request {
  id: number;
  items: Array<{ raw: RawArticle; id: Identified }>;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const classifiers = createClassifiers(createTaxonomy());
  port.on('message', (request: Request) => {
    const results = request.items.map(({ raw, id }) => {
      try {
        return enrich(raw, id, classifiers);
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    port.postMessage({ id: request.id, results });
  });
  port.postMessage({ ready: true });
}
