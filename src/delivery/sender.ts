/**
 * The single sender: takes each chat's next due outbox row, best priority first, and starts sends on
 * an even beat below SEND_RATE, never two at once to one chat, several in flight to hide latency.
 * `runUntilIdle` drains what is due (CLI, tests); `start`/`stop` run it as a loop (the bot process).
 */
import type { DbHandle } from '../db/client.ts';
import type { ChatService } from '../subscriptions/chats.ts';
import { createOutbox, type Outbox, type QueueHead } from './outbox.ts';
import { repeatTurns } from './turns.ts';
import { chooseNext, createWake, orderHeads, type Choice } from './queue-order.ts';
import { createLeaseGate, HEARTBEAT_MS, type LeaseState, type SenderLease } from './lease.ts';
import { createOutcomes, type OutcomeDeps, type SenderLogger, type TelegramSendApi } from './outcomes.ts';
import { createPacer } from './pacer.ts';
import { createPauseStore } from './pause-store.ts';
import { createCounters, reportBetween, snapshot, type SenderEvent, type SenderReport } from './report.ts';

export type { SendMessageExtra, TelegramSendApi } from './outcomes.ts';
export type { FailureReason, SenderEvent, SenderReport } from './report.ts';

export interface SenderDeps {
  handle: DbHandle;
  telegram: TelegramSendApi;
  chats: Pick<ChatService, 'setStatus' | 'migrate'>;
  /** Messages per second, all chats together (config.sendRate). */
  sendRate: number;
  logger: SenderLogger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onEvent?: (event: SenderEvent) => void;
  /** Sends in flight at once; bounds what a crash can repeat. Default 8. */
  concurrency?: number;
  /** 5xx/network failures before a row is failed. Default 8 (about four minutes of backoff). */
  maxAttempts?: number;
  outbox?: Outbox;
  /**
   * When given, the sender sends only while it holds this lease (one sender per token): a drain with
   * another live holder leaves the queue to it; a loop waits and takes over when that holder dies.
   */
  lease?: SenderLease;
  /** See OutcomeDeps.editionRefused: an edition Telegram will not take is suspended, not the chat. */
  editionRefused?: OutcomeDeps['editionRefused'];
}

export interface RunOptions {
  /** Retries and pauses due within this many ms are waited for; later ones stay queued. Default 60 s. */
  waitUpToMs?: number;
}

export interface Sender {
  readonly outbox: Outbox;
  /** Sends everything due now (and whatever becomes due within `waitUpToMs`), then resolves. */
  runUntilIdle(options?: RunOptions): Promise<SenderReport>;
  /** Runs until stop(), waking on notify() or every second. */
  start(): void;
  /** Lets the sends in flight finish and be recorded, then resolves. */
  stop(): Promise<void>;
  /** Something was enqueued: look now rather than at the next tick (breaking items). */
  notify(): void;
  /** Another process's live lease, when it (not this sender) is the one sending. */
  otherHolder(): LeaseState | undefined;
}

/** Distinct chats considered per look at the queue: enough that channels and topics queued late are seen early. */
const HEADS_PER_REFILL = 1024;
const REFILL_EVERY_MS = 1000;
const PRUNE_EVERY_MS = 30_000;
const DEFAULT_WAIT_UP_TO_MS = 60_000;


export function createSender(deps: SenderDeps): Sender {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const outbox = deps.outbox ?? createOutbox(deps.handle, { now });
  const pauses = createPauseStore(deps.handle);
  const pacer = createPacer({ ratePerSecond: deps.sendRate });
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const counters = createCounters();
  const logger = deps.logger;
  const wake = createWake();
  const emit = (event: SenderEvent): void => {
    try {
      deps.onEvent?.(event);
    } catch (error) {
      logger.warn({ err: error }, 'sender event listener threw');
    }
  };

  let buffer: QueueHead[] = [];
  let lastRefill = Number.NEGATIVE_INFINITY;
  let lastPrune = Number.NEGATIVE_INFINITY;
  let dirty = true;
  let completedSinceRefill = false;
  let pausedUntil = 0;
  let prepared = false;
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<number>();
  let loop: Promise<void> | undefined;
  let draining: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const idleWaiters: Array<{ seenRefill: boolean; resolve: () => void }> = [];

  const gate = createLeaseGate(deps.lease, logger);

  const outcomes = createOutcomes({
    outbox, pacer, telegram: deps.telegram, chats: deps.chats, counters, now, logger, emit,
    random: deps.random ?? Math.random,
    maxAttempts: deps.maxAttempts ?? 8,
    pause(until, reason) {
      if (until <= pausedUntil) return;
      pausedUntil = until;
      pauses.set(until, now());
      emit({ type: 'pause', until, reason });
      logger.warn({ until: new Date(until).toISOString(), reason }, 'sending paused');
    },
    invalidate: () => void (dirty = true),
    ...(deps.editionRefused ? { editionRefused: deps.editionRefused } : {}),
  });

  /** Once per process: a recorded pause still holds. */
  const prepare = (): void => {
    if (prepared) return;
    prepared = true;
    pausedUntil = Math.max(pausedUntil, pauses.get());
  };
  /**
   * Each time this process becomes the sender: rows the last sender left in flight (it crashed or
   * was killed) go back to the queue. Never while another holds the lease: they are its sends.
   */
  let recoveredFor = -1;
  const recoverIfNew = (): void => {
    if (recoveredFor === gate.taken()) return;
    recoveredFor = gate.taken();
    const recovered = outbox.recoverInFlight();
    if (recovered > 0) logger.warn({ recovered }, 'messages in flight at the last stop will be sent again');
  };

  const refill = (at: number): void => {
    const heads = outbox.heads(at, HEADS_PER_REFILL);
    buffer = [];
    for (const head of heads) {
      if (busyChats.has(head.chatId)) continue;
      if (head.chatBlocked) {
        // Queued before the chat blocked the bot (or by a composer that missed it): never sent.
        const rows = outbox.failChat(head.chatId, 'blocked: chat is blocked');
        counters.failed.blocked += rows;
        emit({ type: 'failed', id: head.id, chatId: head.chatId, reason: 'blocked', error: 'chat is blocked', rows });
        continue;
      }
      buffer.push(head);
    }
    orderHeads(buffer, (sendTo) => pacer.chatOpenAt(sendTo));
    lastRefill = at;
    dirty = false;
    completedSinceRefill = false;
    for (const waiter of idleWaiters) waiter.seenRefill = true;
    if (at - lastPrune >= PRUNE_EVERY_MS) {
      pacer.prune(at);
      lastPrune = at;
    }
  };

  const choose = (at: number): Choice =>
    chooseNext(buffer, { at, pausedUntil, slotsFree: inFlight.size < concurrency, busyChats, pacer });

  const begin = (index: number, at: number): void => {
    const [head] = buffer.splice(index, 1);
    if (!head) return;
    const row = outbox.claim(head.id, at);
    if (!row) {
      dirty = true;
      return;
    }
    pacer.recordStart(head.sendTo, head.isGroup, at);
    busyChats.add(row.chatId);
    emit({ type: 'start', id: row.id, chatId: row.chatId, kind: row.kind, priority: row.priority, at });
    const done = outcomes
      .deliver(row)
      .catch((error: unknown) => logger.error({ err: error, outboxId: row.id }, 'send crashed'))
      .finally(() => {
        inFlight.delete(row.id);
        busyChats.delete(row.chatId);
        completedSinceRefill = true;
        wake.fire();
      });
    inFlight.set(row.id, done);
  };

  /** Only callers whose notify() has been followed by a fresh look at the queue are told it is idle. */
  const resolveIdleWaiters = (): void => {
    const ready = idleWaiters.filter((w) => w.seenRefill);
    if (ready.length === 0) return;
    const rest = idleWaiters.filter((w) => !w.seenRefill);
    idleWaiters.splice(0, idleWaiters.length, ...rest);
    for (const waiter of ready) waiter.resolve();
  };

  /** One look at the queue and what follows from it; 'stop' ends the run. */
  async function turn(mode: 'loop' | 'drain', waitUpToMs: number): Promise<'again' | 'stop'> {
    if (mode === 'loop' && stopping) return 'stop';
    const at = now();
    if (!gate.holds(at)) {
      // Another process sends for this token: a drain leaves the queue to it, a loop waits to take over.
      if (mode === 'drain') return 'stop';
      await Promise.race([wake.wait(), sleep(HEARTBEAT_MS)]);
      return 'again';
    }
    recoverIfNew();
    if (dirty || at - lastRefill >= REFILL_EVERY_MS) refill(at);
    let choice = choose(at);
    // A finished send may have uncovered its chat's next part (or freed a slot): look again before waiting.
    if (!('index' in choice) && completedSinceRefill) {
      refill(at);
      choice = choose(at);
    }
    if ('index' in choice) {
      begin(choice.index, at);
      return 'again';
    }
    let until = 'until' in choice ? choice.until : undefined;
    const idle = inFlight.size === 0 && (until === undefined || ('paused' in choice && choice.paused));
    if (idle && lastRefill !== at) {
      // Never conclude "nothing to do" from a stale look at the queue.
      dirty = true;
      return 'again';
    }
    if (idle && mode === 'drain') {
      // Nothing can go now: wait for a retry or pause that ends soon enough, else leave it queued.
      const next = Math.min(until ?? Number.POSITIVE_INFINITY, outbox.nextDueAt(at) ?? Number.POSITIVE_INFINITY);
      if (!Number.isFinite(next) || next - at > waitUpToMs) return 'stop';
      until = next;
      dirty = true;
    } else if (idle) {
      resolveIdleWaiters();
      until ??= at + REFILL_EVERY_MS;
    }
    const waits: Array<Promise<void>> = [wake.wait()];
    if (until !== undefined && until > at) waits.push(sleep(until - at));
    await Promise.race(waits);
    // Let sockets and timers run between turns, also when an injected sleep resolves at once.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return 'again';
  }

  async function run(mode: 'loop' | 'drain', waitUpToMs: number): Promise<void> {
    prepare();
    // Rows may have been queued since the last look (by this process or another one).
    dirty = true;
    await repeatTurns(() => turn(mode, waitUpToMs), {
      drain: mode === 'drain', logger, sleep, woken: () => wake.wait(),
      afterFault: () => void (dirty = true),
    });
    await Promise.all(inFlight.values());
  }

  return {
    outbox,
    async runUntilIdle(options = {}) {
      const before = snapshot(counters);
      const startedAt = now();
      if (loop) {
        // The loop is already sending: report on what it does until it next finds nothing due.
        await new Promise<void>((resolve) => {
          idleWaiters.push({ seenRefill: false, resolve });
          dirty = true;
          wake.fire();
        });
      } else {
        const turn = draining.then(() => run('drain', options.waitUpToMs ?? DEFAULT_WAIT_UP_TO_MS));
        draining = turn.catch(() => undefined);
        await turn;
        // A drain (a CLI run) sends once and goes: the lease is handed back for the running bot.
        gate.release();
      }
      return reportBetween(before, snapshot(counters), now() - startedAt, outbox.pendingCount());
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = draining
        .then(() => run('loop', 0))
        .catch((error: unknown) => logger.error({ err: error }, 'sender loop crashed'))
        .finally(() => {
          for (const waiter of idleWaiters.splice(0)) waiter.resolve();
        });
    },
    async stop() {
      if (!loop) return;
      stopping = true;
      wake.fire();
      await loop;
      loop = undefined;
      // Handed back at once, so a process started next need not wait for it to expire.
      gate.release();
    },
    otherHolder() {
      const live = deps.lease?.liveHolder();
      return live && live.holder !== deps.lease?.holder ? live : undefined;
    },
    notify() {
      dirty = true;
      wake.fire();
    },
  };
}
