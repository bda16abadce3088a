import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Modules load once per worker, not once per file (import time 54 s → 9 s); tests build their own
    // databases and bots, so none leans on a fresh module graph.
    isolate: false,
    // On 2 cores vitest's default is one worker; many tests wait on child processes and sockets, so two overlap well.
    maxWorkers: 2,
  },
});
