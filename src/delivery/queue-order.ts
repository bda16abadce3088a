/**
 * The sender's queue mechanics that need no database or Telegram: the order heads are tried in,
 * and the wake-up other code fires when something was queued.
 */
import type { QueueHead } from './outbox.ts';
import type { Pacer } from './pacer.ts';

/** What the sender does next: start the head at `index`, wait until a time, or wait to be woken. */
export type Choice = { index: number } | { until: number; paused: boolean } | { nothing: true };

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

/** The first head (in orderHeads' order) whose chat is free and open, if Telegram's limits let it go now. */
export function chooseNext(
  buffer: readonly QueueHead[],
  state: { at: number; pausedUntil: number; slotsFree: boolean; busyChats: ReadonlySet<number>; pacer: Pick<Pacer, 'chatOpenAt' | 'globalOpenAt'> },
): Choice {
  const { at, pacer } = state;
  if (state.pausedUntil > at) return { until: state.pausedUntil, paused: true };
  if (!state.slotsFree) return { nothing: true };
  let soonest = Number.POSITIVE_INFINITY;
  for (const [index, head] of buffer.entries()) {
    if (state.busyChats.has(head.chatId)) continue;
    // Telegram's rate is per Telegram chat: the topics of one forum share it.
    const open = pacer.chatOpenAt(head.sendTo);
    if (open > at) {
      soonest = Math.min(soonest, open);
      continue;
    }
    const globalOpen = pacer.globalOpenAt();
    return globalOpen > at ? { until: globalOpen, paused: false } : { index };
  }
  return Number.isFinite(soonest) ? { until: soonest, paused: false } : { nothing: true };
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
