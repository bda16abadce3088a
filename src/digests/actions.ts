/**
 * What a reader does with a digest besides reading it: ask for it now, ask for the next page, take
 * a first taste of a new subscription. Each is a digest run over one chat; the outbox sends it.
 */
import type { ChatService } from '../subscriptions/chats.ts';
import type { Subscription, SubscriptionService } from '../subscriptions/subscriptions.ts';
import type { DigestService } from './service.ts';

export type DigestNowOutcome = 'queued' | 'empty' | 'no_subscriptions' | 'paused';
export type PageOutcome = 'queued' | 'stale' | 'already' | 'none' | 'paused';
export type TasteOutcome = 'queued' | 'already' | 'none' | 'paused';

export function createDigestActions(deps: {
  digests: DigestService;
  chats: ChatService;
  subscriptions: Pick<SubscriptionService, 'list'>;
  now: () => number;
  /** Something was queued: the sender should look now. */
  wake: () => void;
}) {
  const { digests, chats, now } = deps;
  const active = (chatId: number) => chats.get(chatId)?.status === 'active';

  /** Queued, already queued under that key before, or nothing to send. */
  const outcomeOf = (result: ReturnType<DigestService['run']>): 'queued' | 'already' | 'none' => {
    if (result.queuedMessages > 0) {
      deps.wake();
      return 'queued';
    }
    return (result.digests[0]?.items.length ?? 0) > 0 ? 'already' : 'none';
  };

  return {
    sendNow(chatId: number): DigestNowOutcome {
      if (!active(chatId)) return 'paused';
      if (deps.subscriptions.list(chatId).length === 0) return 'no_subscriptions';
      return outcomeOf(digests.run({ at: now(), chatIds: [chatId], force: true })) === 'queued' ? 'queued' : 'empty';
    },

    /** Page `page` of the digest composed at `digestAt`, while it is still the chat's latest. */
    nextPage(chatId: number, digestAt: number, page: number): PageOutcome {
      const chat = chats.get(chatId);
      if (!chat || chat.status !== 'active') return 'paused';
      if (chat.lastDigestAt !== digestAt) return 'stale';
      return outcomeOf(digests.run({ at: digestAt, chatIds: [chatId], force: true, page }));
    },

    /**
     * How many stories of the lookback the chat does not have would come with this subscription
     * (or, without one, with all of the chat's subscriptions).
     */
    tasteCount(chatId: number, subscription?: Subscription): number {
      if (!active(chatId)) return 0;
      const digest = digests.run({ at: now(), chatIds: [chatId], force: true, dryRun: true, ...(subscription ? { only: subscription } : {}) }).digests[0];
      return digest ? digest.items.length + digest.more : 0;
    },

    /** The taste offered at `offerAt`: pressing its button twice queues it once. */
    sendTaste(chatId: number, subscription: Subscription | undefined, offerAt: number): TasteOutcome {
      if (!active(chatId)) return 'paused';
      const only = subscription ? { only: subscription } : {};
      return outcomeOf(digests.run({ at: Math.max(offerAt, now()), chatIds: [chatId], force: true, ...only, tasteKey: offerAt }));
    },

    /** Checks the tag a digest button carries (see buttons.ts). */
    verify: (chatId: number, payload: string, tag: string): boolean => digests.signer().verify(chatId, payload, tag),
    tag: (chatId: number, payload: string): string => digests.signer().tag(chatId, payload),
  };
}

export type DigestActions = ReturnType<typeof createDigestActions>;
