/**
 * A tiny builder for Telegram HTML. Every piece of user or feed text enters through `text()`, which
 * escapes it, so markup can only come from the builder itself or from our own locale templates
 * (`trusted()`); nothing concatenates raw text into HTML. Each node also carries its visible length,
 * so splitting can count what Telegram counts without re-parsing.
 */
import escapeHtml from 'escape-html';

export interface Html {
  /** Telegram HTML source. */
  readonly html: string;
  /** UTF-16 units Telegram counts after entity parsing. */
  readonly length: number;
}

export type Tag = 'b' | 'i' | 'blockquote';

const EMPTY: Html = { html: '', length: 0 };

/** Plain text, escaped. */
export function text(value: string): Html {
  return { html: escapeHtml(value), length: value.length };
}

/** Markup we wrote ourselves (locale templates, whose interpolated values i18next already escaped). */
export function trusted(html: string): Html {
  return { html, length: visibleLength(html) };
}

export function concat(...parts: readonly Html[]): Html {
  if (parts.length === 0) return EMPTY;
  return { html: parts.map((p) => p.html).join(''), length: parts.reduce((n, p) => n + p.length, 0) };
}

export function join(parts: readonly Html[], separator: string): Html {
  const sep = text(separator);
  return concat(...parts.flatMap((p, i) => (i === 0 ? [p] : [sep, p])));
}

export function el(tag: Tag, ...children: readonly Html[]): Html {
  const inner = concat(...children);
  return { html: `<${tag}>${inner.html}</${tag}>`, length: inner.length };
}

/** escape-html also escapes `'` as `&#39;`, which Telegram decodes inside attribute values. */
export function link(href: string, ...children: readonly Html[]): Html {
  const inner = concat(...children);
  return { html: `<a href="${escapeHtml(href)}">${inner.html}</a>`, length: inner.length };
}

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:(lt|gt|amp|quot)|#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * The length Telegram checks against 4096: tags removed, entities decoded, in UTF-16 units. Our
 * attributes never hold a raw `>` (escape-html escapes it), so a simple tag pattern is exact here.
 * Leading and trailing whitespace, which Telegram trims, is counted: the result is an upper bound.
 */
export function visibleLength(html: string): number {
  return html.replace(TAG, '').replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '0', 16);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  }).length;
}
