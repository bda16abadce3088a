import { parseHTML } from 'linkedom';
import { CONTROL_CHARS } from './util.ts';

// The project compiles without the DOM lib; these are the few DOM shapes linkedom gives us that we use.
export interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** A full document, so fragments land in <body> (linkedom does not build one around a bare fragment). */
export function parseDocument(html: string): DomDocument {
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(full) as unknown as { document: DomDocument }).document;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'head', 'object', 'embed',
  'button', 'select', 'form', 'input', 'textarea',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  'body', 'html', 'center', 'caption',
]);

export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i.test(value) || /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(value);
}

/** Plain text of an HTML fragment: entities decoded, blocks as paragraphs joined by "\n\n". */
export function htmlToText(html: string): string {
  if (!looksLikeHtml(html)) return tidyText(html);
  const doc = parseDocument(html);
  return doc.body ? elementToText(doc.body) : tidyText(html);
}

export function elementToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\f\v\u00a0\r]*\n[ \t\f\v\u00a0\r]*/g, '\n').trim();
    if (line) paragraphs.push(line);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const name = (node as DomElement).localName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return tidyText(paragraphs.join('\n\n'));
}

/** Normalizes whitespace and drops control characters that break storage and Telegram. */
export function tidyText(text: string): string {
  return text
    .replace(CONTROL_CHARS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of plain text, for titles: HTML stripped, all whitespace collapsed. */
export function htmlToLine(value: string): string {
  return htmlToText(value).replace(/\s+/g, ' ').trim();
}
