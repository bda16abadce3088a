/**
 * Telegram HTML → DOM, the way a Telegram app shows it. The source is parsed by DOMParser (an inert
 * document: nothing in it loads or runs) and only Telegram's tags are rebuilt as fresh elements
 * with the attributes we choose; any other tag contributes its text alone.
 */

/* global document, DOMParser, Node, URL */

const SIMPLE_TAGS = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's' };
const LINK_SCHEMES = new Set(['http:', 'https:', 'tg:', 'mailto:']);
/** Code, not text a person wrote: dropped with everything inside. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\p{L}/u;

function spoiler() {
  const span = document.createElement('span');
  span.className = 'tg-spoiler';
  span.title = 'Spoiler: click to show';
  span.addEventListener('click', () => span.classList.add('revealed'));
  return span;
}

/** The element that stands for `node`, or null when only its content is kept. */
function rebuild(node) {
  const tag = node.localName;
  if (SIMPLE_TAGS[tag]) return document.createElement(SIMPLE_TAGS[tag]);
  switch (tag) {
    case 'a': {
      let url;
      try {
        url = new URL(node.getAttribute('href') ?? '');
      } catch {
        return null;
      }
      if (!LINK_SCHEMES.has(url.protocol)) return null;
      const a = document.createElement('a');
      a.href = url.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    case 'code': {
      const code = document.createElement('code');
      const language = /^language-([\w+#-]{1,32})$/.exec(node.getAttribute('class') ?? '');
      if (language) code.dataset.language = language[1];
      return code;
    }
    case 'pre':
      return document.createElement('pre');
    case 'blockquote': {
      const quote = document.createElement('blockquote');
      if (node.hasAttribute('expandable')) quote.classList.add('expandable');
      return quote;
    }
    case 'tg-spoiler':
      return spoiler();
    case 'span':
      return node.getAttribute('class') === 'tg-spoiler' ? spoiler() : null;
    default:
      // tg-emoji keeps its fallback emoji; anything else Telegram would have refused shows as text.
      return null;
  }
}

function append(parent, node) {
  if (node.nodeType === Node.TEXT_NODE) {
    parent.append(document.createTextNode(node.data));
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || DROPPED.has(node.localName)) return;
  const element = rebuild(node);
  for (const child of node.childNodes) append(element ?? parent, child);
  if (element) parent.append(element);
}

/** A fragment showing the message: Telegram HTML rendered, anything else as plain text. */
export function renderMessageText(text, parseMode) {
  const fragment = document.createDocumentFragment();
  if ((parseMode ?? '').toLowerCase() !== 'html') {
    fragment.append(document.createTextNode(text));
    return fragment;
  }
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html');
  for (const node of parsed.body.childNodes) append(fragment, node);
  return fragment;
}

/**
 * The direction Telegram apps give a message: that of its first letter with a strong direction
 * (emoji, digits and punctuation have none), so an Arabic digest that opens with 📰 reads from the right.
 */
export function textDirection(text) {
  const first = STRONG_LETTER.exec(text);
  return first && RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr';
}
