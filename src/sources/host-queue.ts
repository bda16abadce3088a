export interface HostQueueDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  minIntervalMs: number;
}

export interface HostQueue {
  /** Runs the task when the host is free and its previous request ended at least minIntervalMs ago. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

interface HostState {
  tail: Promise<void>;
  lastEnd: number;
  pending: number;
}

const PRUNE_ABOVE = 1000;

/** Politeness towards news sites: one request at a time per host, spaced apart. Other hosts run in parallel. */
export function createHostQueue({ now, sleep, minIntervalMs }: HostQueueDeps): HostQueue {
  const hosts = new Map<string, HostState>();

  const prune = (): void => {
    if (hosts.size <= PRUNE_ABOVE) return;
    const t = now();
    for (const [host, s] of hosts) if (s.pending === 0 && s.lastEnd + minIntervalMs <= t) hosts.delete(host);
  };

  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      prune();
      let state = hosts.get(host);
      if (!state) {
        state = { tail: Promise.resolve(), lastEnd: Number.NEGATIVE_INFINITY, pending: 0 };
        hosts.set(host, state);
      }
      const s = state;
      s.pending++;
      const result = s.tail.then(async () => {
        const wait = s.lastEnd + minIntervalMs - now();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          s.lastEnd = now();
        }
      });
      s.tail = result.then(
        () => undefined,
        () => undefined,
      );
      try {
        return await result;
      } finally {
        s.pending--;
      }
    },
  };
}
