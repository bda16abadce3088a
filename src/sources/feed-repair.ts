import { CONTROL_CHARS } from './util.ts';

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json' | 'html' | 'empty' | 'unknown';

const PROLOG = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/i;

/** Name of the first element after the XML prolog, as written ("rdf:RDF"), or undefined. */
export function rootElementName(body: string): string | undefined {
  const rest = body.replace(/^\uFEFF/, '').replace(PROLOG, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
}

/**
 * What a fetched document is. An HTML page that wraps a complete feed element (some CMSs and
 * test rigs do that) is reported as the embedded feed's format, because parseFeed reads it.
 */
export function detectFeedKind(body: string): FeedKind {
  const s = body.replace(/^\uFEFF/, '').trimStart();
  if (!s.trim()) return 'empty';
  if (s.startsWith('{') || s.startsWith('[')) {
    // Slashes may be JSON-escaped ("https:\/\/jsonfeed.org"); version-less feeds still have items.
    const head = s.slice(0, 4000);
    const isJsonFeed = /"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org/i.test(head) || /"items"\s*:\s*\[/.test(s);
    return isJsonFeed ? 'json' : 'unknown';
  }
  const root = rootElementName(s);
  const kind = root ? kindOfRoot(root) : undefined;
  if (kind) return kind;
  const afterJunk = stripLeadingJunk(s);
  if (afterJunk) return kindOfRoot(rootElementName(afterJunk) ?? '') ?? 'unknown';
  if (/^html$|^head$|^body$/i.test(root ?? '') || /^(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(s)) {
    return findEmbeddedFeed(s)?.format ?? 'html';
  }
  // Pages without <html> start straight with <meta>, <div>, <script>…
  if (!root || /^(?:meta|div|script|link|title|p|table|style|iframe)$/i.test(root)) {
    if (/<(?:body|div|p|script|meta|a)[\s>]/i.test(s)) return findEmbeddedFeed(s)?.format ?? 'html';
  }
  return 'unknown';
}

/**
 * PHP warnings and stray output before "<?xml" are a classic way feeds break. Returns the document
 * from the XML declaration on, when that part is a feed.
 */
export function stripLeadingJunk(body: string): string | undefined {
  const start = body.search(/<\?xml\s/i);
  if (start <= 0 || start > 4096) return undefined;
  const rest = body.slice(start);
  const root = rootElementName(rest);
  return root && kindOfRoot(root) ? rest : undefined;
}

export function isFeedRoot(root: string | undefined): boolean {
  return root !== undefined && kindOfRoot(root) !== undefined;
}

/** The feed format a root element names (any namespace prefix), or undefined for anything else. */
export function kindOfRoot(root: string): 'rss' | 'atom' | 'rdf' | undefined {
  const local = root.replace(/^[\w.-]+:/, '').toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  return undefined;
}

export function findEmbeddedFeed(html: string): { format: 'rss' | 'atom' | 'rdf'; xml: string } | undefined {
  const patterns: Array<[RegExp, 'rss' | 'atom' | 'rdf']> = [
    [/<feed\b[^>]*xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["'][\s\S]*<\/feed\s*>/i, 'atom'],
    [/<rss\b[^>]*>[\s\S]*<\/rss\s*>/i, 'rss'],
    [/<rdf:RDF\b[^>]*>[\s\S]*<\/rdf:RDF\s*>/i, 'rdf'],
  ];
  for (const [re, format] of patterns) {
    const m = re.exec(html);
    if (m && /<(?:item|entry)[\s>]/i.test(m[0])) return { format, xml: m[0] };
  }
  return undefined;
}

export function hasClosingRoot(body: string, root: string): boolean {
  return new RegExp(`</${escapeRegExp(root)}\\s*>`, 'i').test(body);
}

/**
 * A document cut off mid-way (dropped connection, server crash while rendering): keep every
 * complete item and close the containers. Undefined when not a single item is complete.
 */
export function repairTruncated(body: string, root: string): string | undefined {
  const itemTag = kindOfRoot(root) === 'atom' ? 'entry' : 'item';
  let end = -1;
  for (const m of body.matchAll(new RegExp(`</(?:[\\w.-]+:)?${itemTag}\\s*>`, 'gi'))) {
    end = m.index + m[0].length;
  }
  if (end < 0) return undefined;
  let xml = body.slice(0, end);
  const opened = xml.match(/<channel[\s>]/gi)?.length ?? 0;
  const closed = xml.match(/<\/channel\s*>/gi)?.length ?? 0;
  if (opened > closed) xml += '</channel>';
  return `${xml}</${root}>`;
}

export interface MarkupRepair {
  xml: string;
  fixes: string[];
}

/**
 * Fixes the usual hand-made-XML mistakes that make a strict parser give up: bare "&" and "<",
 * control characters XML forbids. CDATA sections are left as they are.
 */
export function repairMarkup(xml: string): MarkupRepair {
  const fixes = new Set<string>();
  const noControls = xml.replace(CONTROL_CHARS, () => {
    fixes.add('removed control characters');
    return '';
  });
  const parts = noControls.split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/);
  const fixed = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    return part
      .replace(/&(?!(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);)/g, () => {
        fixes.add('escaped bare "&"');
        return '&amp;';
      })
      .replace(/<(?=[\s\d=<]|$)/g, () => {
        fixes.add('escaped bare "<"');
        return '&lt;';
      });
  });
  return { xml: fixed.join(''), fixes: [...fixes] };
}

/** A short description of what a non-feed document is, for error messages. */
export function describeNonFeed(body: string): string {
  const s = body.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('{') || s.startsWith('[')) return 'a JSON document that is not a JSON Feed';
  const root = rootElementName(s);
  if (root?.toLowerCase() === 'opml') return 'an OPML subscription list (import it as OPML)';
  if (root) return `an XML document with root <${root}>`;
  return 'plain text';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
