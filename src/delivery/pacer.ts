/**
 * When the next send may start: evenly spaced starts below the global rate, and per-chat spacing
 * below Telegram's per-chat limits. Spacing rather than bursting keeps every sliding window Telegram
 * might measure under its limit, which is how the sender earns zero 429s instead of reacting to them.
 */

/** Telegram: about one message a second to a private chat. */
export const PRIVATE_CHAT_INTERVAL_MS = 1000;
/** Telegram: 20 messages a minute to a group; 3 s plus a margin for request-latency jitter. */
export const GROUP_CHAT_INTERVAL_MS = 3150;

export interface Pacer {
  /** The earliest instant the next send (to any chat) may start. */
  globalOpenAt(): number;
  /** The earliest instant a send to this chat may start (flood waits included). */
  chatOpenAt(chatId: number): number;
  recordStart(chatId: number, isGroup: boolean, at: number): void;
  /** Telegram named a wait for this chat (retry_after). */
  deferChat(chatId: number, until: number): void;
  /** Forgets chats whose spacing has passed, so the map does not grow with every chat ever served. */
  prune(at: number): void;
}

export function createPacer(options: { ratePerSecond: number; privateIntervalMs?: number; groupIntervalMs?: number }): Pacer {
  if (!(options.ratePerSecond > 0)) throw new Error(`sendRate must be positive, got ${options.ratePerSecond}`);
  const interval = 1000 / options.ratePerSecond;
  const privateInterval = options.privateIntervalMs ?? PRIVATE_CHAT_INTERVAL_MS;
  const groupInterval = options.groupIntervalMs ?? GROUP_CHAT_INTERVAL_MS;
  // The last `perWindow` starts: however late timers fire, no second ever holds more than the rate.
  const perWindow = Math.max(1, Math.floor(options.ratePerSecond));
  const recent: number[] = [];
  let nextSlot = Number.NEGATIVE_INFINITY;
  const chatOpen = new Map<number, number>();

  return {
    globalOpenAt: () => {
      const oldest = recent.length >= perWindow ? recent[recent.length - perWindow] : undefined;
      const windowStart = oldest === undefined ? Number.NEGATIVE_INFINITY : oldest + 1000;
      return Math.max(nextSlot, windowStart);
    },
    chatOpenAt: (chatId) => chatOpen.get(chatId) ?? Number.NEGATIVE_INFINITY,
    recordStart(chatId, isGroup, at) {
      // Slots advance by exactly one interval, so timer lateness does not erode the achieved rate; after
      // an idle spell the schedule restarts from now instead of allowing a catch-up burst.
      nextSlot = at - nextSlot > interval ? at + interval : nextSlot + interval;
      recent.push(at);
      if (recent.length > perWindow) recent.shift();
      const open = at + (isGroup ? groupInterval : privateInterval);
      chatOpen.set(chatId, Math.max(open, chatOpen.get(chatId) ?? open));
    },
    deferChat(chatId, until) {
      chatOpen.set(chatId, Math.max(until, chatOpen.get(chatId) ?? until));
    },
    prune(at) {
      for (const [chatId, open] of chatOpen) if (open <= at) chatOpen.delete(chatId);
    },
  };
}
