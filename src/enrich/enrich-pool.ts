import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Enrichment, Identified, RawArticle } from './enrich.ts';
import type { BatchEnricher } from './enrich.ts';

type Result = Enrichment | { error: string };

/**
 * Enrichment (language, summary, regions, topics, terms) is pure CPU work per article; spread over
 * worker threads it uses every core while the main thread keeps the database to itself.
 */
export function createEnrichPool(size = Math.max(1, availableParallelism())): BatchEnricher & { ready(): Promise<void>; close(): Promise<void> } {
  let nextId = 1;
  const waiting = new Map<number, (results: Result[]) => void>();
  const workers = Array.from({ length: size }, () => {
    // The worker is TypeScript: register tsx inside it first, whatever runs us (tsx, vitest, node).
    const entry = JSON.stringify(new URL('./enrich-worker.ts', import.meta.url).href);
    const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: { ready?: boolean; id?: number; results?: Result[] }) => {
        if (message.ready) resolve();
        else if (message.id !== undefined && message.results) {
          waiting.get(message.id)?.(message.results);
          waiting.delete(message.id);
        }
      });
    });
    return { worker, ready };
  });

  const run = (worker: Worker, items: Array<{ raw: RawArticle; id: Identified }>) =>
    new Promise<Result[]>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, items });
    });

  return {
    async ready() {
      await Promise.all(workers.map((w) => w.ready));
    },
    async enrich(items) {
      await this.ready();
      if (items.length === 0) return [];
      // Small chunks, handed out as workers free up, keep both busy however uneven the articles are.
      const chunk = Math.max(1, Math.min(50, Math.ceil(items.length / (workers.length * 4))));
      const out: Result[] = new Array<Result>(items.length);
      let next = 0;
      await Promise.all(
        workers.map(async ({ worker }) => {
          while (next < items.length) {
            const from = next;
            next += chunk;
            const results = await run(worker, items.slice(from, from + chunk));
            results.forEach((r, i) => (out[from + i] = r));
          }
        }),
      );
      return out;
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
