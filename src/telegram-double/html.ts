/**
 * Port of tdlib's parse_html (td/telegram/MessageEntity.cpp), which is what the
 * Bot API runs for parse_mode=HTML, so tag/attribute errors carry Telegram's own
 * wording and byte offsets. The strict mode adds checks for escaping mistakes
 * that Telegram silently tolerates (see FakeTelegramOptions.strictHtml).
 */
import type { MessageEntity } from 'telegraf/types';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export class EntityParseError extends Error {}

const SUPPORTED_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 's', 'strike', 'del', 'u', 'ins',
  'tg-spoiler', 'tg-emoji', 'span', 'pre', 'code', 'blockquote',
]);

const SIMPLE_TAGS: Record<string, MessageEntity['type']> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler',
};

interface OpenTag {
  name: string;
  argument: string;
  /** UTF-16 offset in the produced text, which is also the entity offset. */
  offset: number;
}

// tdlib works on a NUL-terminated C string: reading past the end yields '\0', which is_space() accepts.
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '';
const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** tdlib's decode_html_entity; returns the decoded text and the index after the entity, or null. */
function decodeEntity(source: string, pos: number, strict: boolean): { value: string; end: number } | null {
  let end = pos + 1;
  let code: number;
  if (source[end] === '#') {
    end++;
    const hex = source[end] === 'x';
    if (hex) end++;
    const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    const start = end;
    while (end < source.length && digits.test(source[end] ?? '')) end++;
    if (end === start || end - pos >= 10) return null;
    code = Number.parseInt(source.slice(start, end), hex ? 16 : 10);
    if (code === 0 || code >= 0x10ffff) return null;
  } else {
    const start = end;
    while (end < source.length && /[A-Za-z]/.test(source[end] ?? '')) end++;
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    const value = named[source.slice(start, end)];
    if (value === undefined) return null;
    code = value;
  }
  if (source[end] === ';') end++;
  else if (strict) return null;
  // A lone surrogate (&#xD800;) is kept here and rejected after parsing, as tdlib does.
  return { value: String.fromCodePoint(code), end };
}

export function parseHtml(source: string, strict: boolean): FormattedText {
  const fail = (message: string): never => {
    throw new EntityParseError(message);
  };
  const ch = (i: number): string => source[i] ?? '';
  let text = '';
  const entities: MessageEntity[] = [];
  const open: OpenTag[] = [];

  for (let i = 0; i < source.length; i++) {
    const c = ch(i);
    if (c === '&') {
      const decoded = decodeEntity(source, i, strict);
      if (decoded) {
        text += decoded.value;
        i = decoded.end - 1;
        continue;
      }
      if (strict) {
        fail(`Unescaped "&" at byte offset ${byteOffset(source, i)} (strictHtml: Telegram would show it as text; write &amp;)`);
      }
    }
    if (c !== '<') {
      text += c;
      continue;
    }

    const begin = i++;
    if (ch(i) !== '/') {
      while (!isSpace(ch(i)) && ch(i) !== '>') i++;
      if (i >= source.length) fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
      const name = source.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
      }
      let argument = '';
      while (ch(i) !== '>') {
        while (i < source.length && isSpace(ch(i))) i++;
        if (ch(i) === '>') break;
        const attrStart = i;
        while (!isSpace(ch(i)) && ch(i) !== '=' && ch(i) !== '>') i++;
        const attr = source.slice(attrStart, i);
        if (attr === '') fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        while (i < source.length && isSpace(ch(i))) i++;
        if (ch(i) !== '=') {
          // Newer tdlib accepts the value-less `expandable` flag on blockquote.
          if (name === 'blockquote' && attr === 'expandable') {
            argument = 'expandable';
            continue;
          }
          fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        }
        i++;
        while (i < source.length && isSpace(ch(i))) i++;
        if (i >= source.length) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(source, begin)}`);
        let value = '';
        const quote = ch(i);
        if (quote !== '"' && quote !== "'") {
          if (strict) {
            fail(`Unquoted attribute value in the tag "${name}" at byte offset ${byteOffset(source, begin)} (strictHtml)`);
          }
          const tokenStart = i;
          while (isAlnum(ch(i)) || ch(i) === '.' || ch(i) === '-') i++;
          value = source.slice(tokenStart, i).toLowerCase();
          if (!isSpace(ch(i)) && ch(i) !== '>') {
            fail(`Unexpected end of name token at byte offset ${byteOffset(source, tokenStart)}`);
          }
        } else {
          i++;
          while (i < source.length && ch(i) !== quote) {
            // A bare & is routine and harmless in href query strings, so strict mode leaves attribute values alone.
            const decoded = ch(i) === '&' ? decodeEntity(source, i, false) : null;
            if (decoded) {
              value += decoded.value;
              i = decoded.end;
            } else {
              value += ch(i++);
            }
          }
          if (ch(i) === quote) i++;
        }
        if (i >= source.length) fail(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
        if (name === 'a' && attr === 'href') argument = value;
        else if (name === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attr === 'emoji-id') argument = value;
      }
      if (name === 'span' && argument !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, begin)}`);
      }
      open.push({ name, argument, offset: text.length });
      continue;
    }

    // End tag.
    const top = open.at(-1);
    if (!top) fail(`Unexpected end tag at byte offset ${byteOffset(source, begin)}`);
    while (!isSpace(ch(i)) && ch(i) !== '>') i++;
    const endName = source.slice(begin + 2, i).toLowerCase();
    while (i < source.length && isSpace(ch(i))) i++;
    if (ch(i) !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(source, begin)}`);
    const tag = top as OpenTag;
    if (endName !== '' && endName !== tag.name) {
      fail(`Unmatched end tag at byte offset ${byteOffset(source, begin)}, expected "</${tag.name}>", found "</${endName}>"`);
    }
    open.pop();
    closeTag(tag, text, entities);
  }
  const unclosed = open.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag ${unclosed.name}`);
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
  }
  return { text, entities: sortEntities(entities) };
}

function closeTag(tag: OpenTag, text: string, entities: MessageEntity[]): void {
  const length = text.length - tag.offset;
  if (length <= 0) return;
  const offset = tag.offset;
  const simple = SIMPLE_TAGS[tag.name];
  if (simple) {
    entities.push({ type: simple, offset, length } as MessageEntity);
    return;
  }
  switch (tag.name) {
    case 'span':
      entities.push({ type: 'spoiler', offset, length });
      return;
    case 'tg-emoji':
      if (!/^[0-9]+$/.test(tag.argument) || /^0+$/.test(tag.argument)) {
        throw new EntityParseError('Invalid custom emoji identifier specified');
      }
      entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.argument });
      return;
    case 'a':
      entities.push({ type: 'text_link', offset, length, url: tag.argument || text.slice(offset) });
      return;
    case 'blockquote':
      entities.push({ type: tag.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote', offset, length } as MessageEntity);
      return;
    case 'pre': {
      const last = entities.at(-1);
      // <pre><code class="language-x">…</code></pre> becomes one pre entity with a language.
      if (last && last.type === 'code' && last.offset === offset && last.length === length && 'language' in last) {
        entities[entities.length - 1] = { type: 'pre', offset, length, language: String(last.language) };
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
    }
    case 'code':
      // Remember the language on the code entity until the enclosing <pre> closes.
      entities.push(
        tag.argument
          ? ({ type: 'code', offset, length, language: tag.argument } as unknown as MessageEntity)
          : { type: 'code', offset, length },
      );
      return;
    default:
      return;
  }
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  // A language left on a plain code entity (no enclosing pre) is dropped, as tdlib does.
  const cleaned = entities.map((entity) => {
    if (entity.type === 'code' && 'language' in entity) return { type: 'code', offset: entity.offset, length: entity.length } as MessageEntity;
    return entity;
  });
  return cleaned.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
