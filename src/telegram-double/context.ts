import type { UserFromGetMe } from 'telegraf/types';
import type { Params } from './body.ts';
import type { UpdateQueue } from './polling.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { World } from './state.ts';

/** What every Bot API method handler may use. */
export interface MethodContext {
  world: World;
  botInfo: UserFromGetMe;
  limiter: RateLimiter;
  updates: UpdateQueue;
  enforceRates: boolean;
  strictHtml: boolean;
  /** clock() in ms. */
  now(): number;
}

/** `description` appears next to `result` for a few methods (setWebhook: "Webhook was set"). */
export interface MethodReply {
  result: unknown;
  description?: string;
}

export type MethodHandler = (ctx: MethodContext, params: Params, signal: AbortSignal) => MethodReply | Promise<MethodReply>;

export const reply = (result: unknown, description?: string): MethodReply =>
  description === undefined ? { result } : { result, description };
