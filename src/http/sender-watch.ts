/**
 * Whether the sender is alive, seen from outside: it has been started and not stopped, and when
 * messages are due it keeps starting sends. The sender's loop ticks every second, so due work with no
 * activity for `stallMs` means the loop died or hangs; a pause Telegram imposed is not a stall.
 */
import type { SenderEvent } from '../delivery/sender.ts';

export interface SenderWatch {
  /** Give to the sender as (part of) its onEvent. */
  onEvent(event: SenderEvent): void;
  started(): void;
  stopped(): void;
  alive(): boolean;
}

export interface SenderWatchDeps {
  /** True when some outbox row may be sent now (e.g. `outbox.heads(now, 1).length > 0`). */
  dueNow(): boolean;
  now?: () => number;
  /** Default two minutes: far above the slowest legitimate gap (a group's 3 s, a 1/s global rate). */
  stallMs?: number;
}

export function createSenderWatch(deps: SenderWatchDeps): SenderWatch {
  const now = deps.now ?? Date.now;
  const stallMs = deps.stallMs ?? 120_000;
  let running = false;
  let lastActivity = 0;
  let pausedUntil = 0;
  return {
    onEvent(event) {
      if (event.type === 'pause') pausedUntil = Math.max(pausedUntil, event.until);
      else lastActivity = now();
    },
    started() {
      running = true;
      lastActivity = now();
    },
    stopped() {
      running = false;
    },
    alive() {
      if (!running) return false;
      const at = now();
      // The end of a pause counts as activity: the sender gets stallMs to resume after it.
      if (at - Math.max(lastActivity, pausedUntil) <= stallMs) return true;
      // Idle with nothing due is healthy; only then is the database asked.
      return !deps.dueNow();
    },
  };
}
