/**
 * getUpdates semantics: `offset` confirms (forgets) earlier updates, `limit`
 * caps the batch, `timeout` long-polls until an update arrives, and a second
 * concurrent poll terminates the first with 409 as Telegram does.
 */
import { conflict, type ApiError } from './errors.ts';

type Update = Record<string, unknown> & { update_id: number };

interface Waiter {
  wake: () => void;
  fail: (error: ApiError) => void;
}

export interface PollRequest {
  offset: number | undefined;
  limit: number | undefined;
  timeoutSeconds: number | undefined;
  allowedUpdates: string[] | undefined;
}

export interface UpdateQueue {
  push(update: object): void;
  poll(request: PollRequest, signal: AbortSignal): Promise<Update[]>;
  pending(): number;
  /** True while a long poll is parked with nothing to deliver. */
  isIdle(): boolean;
  /** Called whenever a poll parks; returns an unsubscribe function. */
  onPark(listener: () => void): () => void;
  dropPending(): void;
  /** Answers every waiting poll with what is there (usually []), e.g. before the server closes. */
  releaseAll(): void;
  reset(): void;
}

/** Telegram's default when allowed_updates is an empty list. */
const OPT_IN_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export function createUpdateQueue(maxPollTimeoutMs: number): UpdateQueue {
  let queue: Update[] = [];
  let lastId = 0;
  let allowed: Set<string> | undefined;
  let waiter: Waiter | undefined;
  const parkListeners = new Set<() => void>();

  const typeOf = (update: Update): string => Object.keys(update).find((key) => key !== 'update_id') ?? '';
  const isAllowed = (update: Update): boolean => {
    const type = typeOf(update);
    return allowed ? allowed.has(type) : !OPT_IN_TYPES.has(type);
  };

  const confirm = (offset: number | undefined): void => {
    if (offset === undefined || offset === 0 || Number.isNaN(offset)) return;
    // A negative offset keeps only the last |offset| updates.
    queue = offset > 0 ? queue.filter((u) => u.update_id >= offset) : queue.slice(offset);
  };

  return {
    push(raw) {
      const update = { ...(raw as Record<string, unknown>) } as Update;
      if (update.update_id === undefined) update.update_id = lastId + 1;
      if (!Number.isInteger(update.update_id) || update.update_id <= lastId) {
        throw new Error(`queueUpdate: update_id ${String(update.update_id)} must be an integer above ${lastId}`);
      }
      lastId = update.update_id;
      queue.push(update);
      waiter?.wake();
    },

    async poll(request, signal) {
      if (request.allowedUpdates && request.allowedUpdates.length > 0) allowed = new Set(request.allowedUpdates);
      else if (request.allowedUpdates) allowed = undefined;
      confirm(request.offset);
      const limit = Math.min(100, Math.max(1, request.limit ?? 100));
      const take = (): Update[] => {
        // Telegram never produces updates the bot opted out of, so they are dropped, not postponed.
        queue = queue.filter(isAllowed);
        return queue.slice(0, limit);
      };
      const ready = take();
      const waitMs = Math.min(Math.max(0, (request.timeoutSeconds ?? 0) * 1000), maxPollTimeoutMs);
      if (ready.length > 0 || waitMs === 0 || signal.aborted) return ready;

      waiter?.fail(conflict('terminated by other getUpdates request; make sure that only one bot instance is running'));
      return await new Promise<Update[]>((resolve, reject) => {
        const finish = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          if (waiter === self) waiter = undefined;
        };
        // The client went away (Telegraf's bot.stop aborts its poll): nobody to answer.
        const onAbort = (): void => {
          finish();
          resolve([]);
        };
        const self: Waiter = {
          wake: () => {
            finish();
            resolve(take());
          },
          fail: (error) => {
            finish();
            reject(error);
          },
        };
        const timer = setTimeout(self.wake, waitMs);
        signal.addEventListener('abort', onAbort, { once: true });
        waiter = self;
        for (const listener of [...parkListeners]) listener();
      });
    },

    pending: () => queue.length,
    isIdle: () => waiter !== undefined && queue.filter(isAllowed).length === 0,
    onPark(listener) {
      parkListeners.add(listener);
      return () => parkListeners.delete(listener);
    },
    dropPending() {
      queue = [];
    },
    releaseAll() {
      waiter?.wake();
    },
    reset() {
      queue = [];
      allowed = undefined;
      // lastId is kept: update ids keep increasing across reset, as they do on Telegram.
    },
  };
}
