/** Injected failures: scripted (failNext) and random (failRandomly) for soak tests. */
import type { InjectedError, RandomFailureOptions } from './types.ts';

export interface Faults {
  failNext(method: string, count: number, error: InjectedError): void;
  failRandomly(probability: number, options?: RandomFailureOptions): void;
  /** The error this call of `method` must answer with, if any; consumes a scripted failure. */
  take(method: string): InjectedError | undefined;
  reset(): void;
}

interface Scripted {
  method: string;
  remaining: number;
  error: InjectedError;
}

const BAD_GATEWAY: InjectedError = { error_code: 502, description: 'Bad Gateway' };

export function createFaults(): Faults {
  let scripted: Scripted[] = [];
  let random: { probability: number; methods: Set<string> | undefined; error: InjectedError; next: () => number } | undefined;

  return {
    failNext(method, count, error) {
      if (!Number.isInteger(count) || count < 1) throw new Error(`failNext: count must be a positive integer, got ${count}`);
      scripted.push({ method: method.toLowerCase(), remaining: count, error });
    },
    failRandomly(probability, options = {}) {
      if (probability < 0 || probability > 1) throw new Error(`failRandomly: probability must be within 0..1, got ${probability}`);
      random = probability === 0
        ? undefined
        : {
            probability,
            methods: options.methods ? new Set(options.methods.map((m) => m.toLowerCase())) : undefined,
            error: options.error ?? BAD_GATEWAY,
            next: options.random ?? Math.random,
          };
    },
    take(method) {
      const name = method.toLowerCase();
      // Scripted failures are consumed in the order they were declared.
      const entry = scripted.find((s) => s.method === name || s.method === '*');
      if (entry) {
        entry.remaining--;
        if (entry.remaining === 0) scripted = scripted.filter((s) => s !== entry);
        return entry.error;
      }
      if (!random) return undefined;
      const eligible = random.methods ? random.methods.has(name) : name !== 'getupdates';
      return eligible && random.next() < random.probability ? random.error : undefined;
    },
    reset() {
      scripted = [];
      random = undefined;
    },
  };
}
