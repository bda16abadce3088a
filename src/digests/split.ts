/**
 * Packs a formatted digest into Telegram messages. Splits happen only between blocks (header,
 * heading, item, footer), so an item is never torn across two messages, and a heading is repeated
 * at the top of a message that continues its group, so every item sits under its heading.
 */
import type { Html } from './html.ts';

export interface Limits {
  /** UTF-16 units after entity parsing (Telegram's 4096). */
  visible: number;
  /** Raw HTML length: Telegram sets no documented bound, this keeps requests and outbox rows sane. */
  html: number;
}

export const MESSAGE_LIMITS: Limits = { visible: 4096, html: 12_288 };

/** A blank line between blocks. */
export const SEPARATOR = '\n\n';

export interface PackedItem {
  articleId: number;
  node: Html;
}

export interface Section {
  heading: Html;
  items: readonly PackedItem[];
}

export interface Layout {
  /** Starts the first message only. */
  header: Html;
  sections: readonly Section[];
  /** Ends the last message, e.g. the "+N more" line. */
  footer?: Html | undefined;
}

export interface PackedMessage {
  text: string;
  articleIds: number[];
}

export function fits(node: Html, limits: Limits): boolean {
  return node.length <= limits.visible && node.html.length <= limits.html;
}

/** What one item may take so that header, heading and item always fit one message together. */
export function itemLimits(header: Html, heading: Html, limits: Limits): Limits {
  const overhead = (n: (h: Html) => number): number => n(header) + n(heading) + 2 * SEPARATOR.length;
  return {
    visible: limits.visible - overhead((h) => h.length),
    html: limits.html - overhead((h) => h.html.length),
  };
}

export function packMessages(layout: Layout, limits: Limits = MESSAGE_LIMITS): PackedMessage[] {
  const messages: PackedMessage[] = [];
  let parts: Html[] = [];
  let articleIds: number[] = [];
  let visible = 0;
  let html = 0;

  const canAdd = (nodes: readonly Html[]): boolean => {
    const separators = SEPARATOR.length * (parts.length === 0 ? nodes.length - 1 : nodes.length);
    const v = visible + separators + nodes.reduce((n, node) => n + node.length, 0);
    const h = html + separators + nodes.reduce((n, node) => n + node.html.length, 0);
    return v <= limits.visible && h <= limits.html;
  };
  const add = (nodes: readonly Html[]): void => {
    for (const node of nodes) {
      if (parts.length > 0) {
        visible += SEPARATOR.length;
        html += SEPARATOR.length;
      }
      parts.push(node);
      visible += node.length;
      html += node.html.length;
    }
  };
  const flush = (): void => {
    if (parts.length === 0) return;
    messages.push({ text: parts.map((p) => p.html).join(SEPARATOR), articleIds });
    parts = [];
    articleIds = [];
    visible = 0;
    html = 0;
  };

  add([layout.header]);
  for (const section of layout.sections) {
    let headingShown = false;
    for (const item of section.items) {
      let nodes = headingShown ? [item.node] : [section.heading, item.node];
      if (!canAdd(nodes)) {
        flush();
        nodes = [section.heading, item.node];
      }
      // formatDigest cuts items to itemLimits(), so a fresh message always has room; were it not so,
      // adding anyway is still better than looping or dropping an article silently.
      add(nodes);
      articleIds.push(item.articleId);
      headingShown = true;
    }
  }
  if (layout.footer) {
    if (!canAdd([layout.footer])) flush();
    add([layout.footer]);
  }
  flush();
  return messages;
}
