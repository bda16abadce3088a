/**
 * The buttons under a digest: "More (N)", settings, and "Less like this" for its topics and
 * sources. Pure, given a signer: each button names the digest it belongs to and carries a tag
 * bound to the chat, so a button copied into another chat or edited by hand is refused.
 */
import { createHmac } from 'node:crypto';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { ButtonKind, Fields, Values } from '../buttons/kind.ts';
import { DIGEST } from '../buttons/kinds.ts';
import { sourceKey } from '../subscriptions/mutes.ts';
import type { ComposedItem } from './compose.ts';

const TAG_CHARS = 8;
const MAX_TOPIC_BUTTONS = 3;
const MAX_SOURCE_BUTTONS = 2;

export interface Signer {
  tag(chatId: number, payload: string): string;
  verify(chatId: number, payload: string, tag: string): boolean;
}

/** 48 bits of an HMAC: a guess has one chance in 2^48, and a press is one request. */
export function createSigner(secret: Buffer): Signer {
  const tag = (chatId: number, payload: string) =>
    createHmac('sha256', secret).update(`${chatId}|${payload}`).digest('base64url').slice(0, TAG_CHARS);
  return {
    tag,
    verify: (chatId, payload, given) => given.length === TAG_CHARS && tag(chatId, payload) === given,
  };
}

/** A digest's instant in callback data: base 36 keeps a millisecond timestamp to 8 characters. */
export const encodeInstant = (at: number): string => at.toString(36);
export function decodeInstant(value: string): number | undefined {
  if (!/^[0-9a-z]{1,11}$/.test(value)) return undefined;
  const at = Number.parseInt(value, 36);
  return Number.isSafeInteger(at) ? at : undefined;
}

export interface DigestButtons {
  chatId: number;
  /** The digest's instant: what its pages and buttons are bound to. */
  at: number;
  /** This page's number (1 for the digest itself); More asks for the next. */
  page: number;
  more: number;
  items: readonly ComposedItem[];
  t: (key: string, opts?: Record<string, unknown>) => string;
  topicName: (id: string) => string;
  isTopic: (id: string) => boolean;
  signer: Signer;
}

const press = <F extends Fields>(text: string, kind: ButtonKind<F>, values: Values<F>): InlineKeyboardButton => ({ text, callback_data: kind.pack(values) });

/** Topics first as the digest is headed by them, then the items' own; sources by how many items they have. */
function mutable(items: readonly ComposedItem[], isTopic: (id: string) => boolean) {
  const topics: string[] = [];
  const addTopic = (id: string | undefined) => {
    if (id && isTopic(id) && !topics.includes(id)) topics.push(id);
  };
  for (const item of items) addTopic(item.group);
  for (const item of items) addTopic(item.article.topics[0]?.id);
  const sources = new Map<string, number>();
  for (const item of items) if (item.article.sourceName) sources.set(item.article.sourceName, (sources.get(item.article.sourceName) ?? 0) + 1);
  const bySize = [...sources].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return { topics: topics.slice(0, MAX_TOPIC_BUTTONS), sources: bySize.slice(0, MAX_SOURCE_BUTTONS) };
}

const LABEL_MAX = 32;
const short = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

export function digestKeyboard(input: DigestButtons): InlineKeyboardMarkup {
  // A button's text is plain: a source named "R&D" must not read "R&amp;D".
  const label = (key: string, opts: Record<string, unknown>) => input.t(key, { ...opts, interpolation: { escapeValue: false } });
  const at = encodeInstant(input.at);
  const tag = input.signer.tag(input.chatId, at);
  const rows: InlineKeyboardButton[][] = [];
  if (input.more > 0) rows.push([press(label('digest.button_more', { count: input.more }), DIGEST.more, { at, page: input.page + 1, tag })]);
  rows.push([press(label('digest.button_settings', {}), DIGEST.settings, {})]);
  const { topics, sources } = mutable(input.items, input.isTopic);
  const less = [
    ...topics.map((id) => press(label('digest.button_less', { name: short(input.topicName(id)) }), DIGEST.less, { kind: 't', value: id, at, tag })),
    ...sources.map((name) => press(label('digest.button_less', { name: short(name) }), DIGEST.less, { kind: 's', value: sourceKey(name), at, tag })),
  ];
  for (let i = 0; i < less.length; i += 2) rows.push(less.slice(i, i + 2));
  return { inline_keyboard: rows };
}
