/**
 * The sender's queue mechanics that need no database or Telegram: the order heads are tried in,
 * and the wake-up other code fires when something was queued.
 */
import type { QueueHead } from './outbox.ts';

/**
 * Sorts in place: higher priority first; then groups, channels and forum topics (20 a minute each)
 * before private chats, since choose() skips a slow chat that is not open yet and private chats fill
 * the gaps between its sends instead of the slow ones finishing the run alone; then the chats not
 * served lately, so everyone's part 1 goes before anyone's part 3.
 */
export function orderHeads(heads: QueueHead[], openAt: (sendTo: number) => number): void {
  const lastServed = new Map(heads.map((h) => [h.id, Math.max(-1, openAt(h.sendTo))]));
  heads.sort(
    (a, b) =>
      b.priority - a.priority ||
      Number(b.isGroup) - Number(a.isGroup) ||
      (lastServed.get(a.id) ?? -1) - (lastServed.get(b.id) ?? -1),
  );
}

export function createWake(): { wait(): Promise<void>; fire(): void } {
  let fire!: () => void;
  let pending = new Promise<void>((resolve) => (fire = resolve));
  return {
    wait: () => pending,
    fire() {
      fire();
      pending = new Promise<void>((resolve) => (fire = resolve));
    },
  };
}
