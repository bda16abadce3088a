/**
 * How the sender survives a database that refuses it (full, locked too long, read-only): a turn that
 * throws leaves the rows where they are, so the loop waits 1 s, 2 s, 4 s … up to 30 s and looks again
 * instead of dying with messages still queued. A CLI drain gives up after a few, with the error.
 */
import { storageFault } from '../db/faults.ts';
import type { SenderLogger } from './outcomes.ts';

const FAULT_BACKOFF_MS = 1000;
const FAULT_BACKOFF_MAX_MS = 30_000;
const MAX_DRAIN_FAULTS = 3;

export async function repeatTurns(
  turn: () => Promise<'again' | 'stop'>,
  options: { drain: boolean; logger: SenderLogger; sleep: (ms: number) => Promise<void>; woken: () => Promise<void>; afterFault: () => void },
): Promise<void> {
  let faults = 0;
  for (;;) {
    try {
      if ((await turn()) === 'stop') return;
      faults = 0;
    } catch (error) {
      faults++;
      options.logger.error({ err: error, storageFault: storageFault(error), faults }, 'sender turn failed; retrying');
      if (options.drain && faults >= MAX_DRAIN_FAULTS) throw error;
      options.afterFault();
      await Promise.race([options.woken(), options.sleep(Math.min(FAULT_BACKOFF_MAX_MS, FAULT_BACKOFF_MS * 2 ** (faults - 1)))]);
    }
  }
}
