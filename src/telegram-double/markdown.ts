/**
 * Ports of tdlib's parse_markdown_v2 and legacy parse_markdown, so MarkdownV2
 * mistakes (an unescaped '.', an unclosed '*') fail with Telegram's wording.
 * Expandable block quotes (`**>`) are not supported.
 */
import type { MessageEntity } from 'telegraf/types';
import { EntityParseError, sortEntities, type FormattedText } from './html.ts';

type V2Type =
  | 'Bold' | 'Italic' | 'Underline' | 'Strikethrough' | 'Spoiler' | 'Code' | 'Pre' | 'PreCode'
  | 'TextUrl' | 'CustomEmoji' | 'BlockQuote';

interface Open {
  type: V2Type;
  argument: string;
  offset: number;
  byteOffset: number;
}

const byteOffset = (source: string, index: number): number => Buffer.byteLength(source.slice(0, index), 'utf8');
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\v' || c === '';
const escapable = (c: string): boolean => c.length === 1 && c.charCodeAt(0) > 0 && c.charCodeAt(0) <= 126;
const reservedError = (c: string): EntityParseError =>
  new EntityParseError(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);

export function parseMarkdownV2(source: string): FormattedText {
  const ch = (i: number): string => source[i] ?? '';
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Open[] = [];
  let haveBlockquote = false;

  for (let i = 0; i < source.length; i++) {
    const c = ch(i);
    if (c === '\\' && escapable(ch(i + 1))) {
      text += ch(++i);
      continue;
    }
    const top = open.at(-1);
    const inCode = top !== undefined && (top.type === 'Code' || top.type === 'Pre' || top.type === 'PreCode');
    const reserved = inCode ? '`' : '_*[]()~`>#+-=|{}.!\n';
    if (!reserved.includes(c)) {
      text += c;
      continue;
    }

    let isEnd = false;
    if (top) {
      if (haveBlockquote && c === '\n' && (i + 1 === source.length || ch(i + 1) !== '>')) isEnd = true;
      else isEnd = closes(top.type, c, ch(i + 1), ch(i + 2));
    }

    if (!isEnd) {
      const entityByteOffset = byteOffset(source, i);
      let type: V2Type | undefined;
      let argument = '';
      switch (c) {
        case '_':
          if (ch(i + 1) === '_') {
            type = 'Underline';
            i++;
          } else type = 'Italic';
          break;
        case '*': type = 'Bold'; break;
        case '~': type = 'Strikethrough'; break;
        case '|':
          if (ch(i + 1) !== '|') throw reservedError(c);
          i++;
          type = 'Spoiler';
          break;
        case '[': type = 'TextUrl'; break;
        case '`':
          if (ch(i + 1) === '`' && ch(i + 2) === '`') {
            i += 3;
            type = 'Pre';
            let languageEnd = i;
            while (!isSpace(ch(languageEnd)) && ch(languageEnd) !== '`') languageEnd++;
            if (i !== languageEnd && languageEnd < source.length && ch(languageEnd) !== '`') {
              type = 'PreCode';
              argument = source.slice(i, languageEnd);
              i = languageEnd;
            }
            if (ch(i) === '\n' || ch(i) === '\r') {
              const pair = (ch(i + 1) === '\n' || ch(i + 1) === '\r') && ch(i) !== ch(i + 1);
              i += pair ? 2 : 1;
            }
            i--;
          } else type = 'Code';
          break;
        case '!':
          if (ch(i + 1) !== '[') throw reservedError(c);
          i++;
          type = 'CustomEmoji';
          break;
        case '\n':
          text += '\n';
          if (ch(i + 1) === '>') {
            i++;
            if (!haveBlockquote) {
              type = 'BlockQuote';
              haveBlockquote = true;
            }
          }
          break;
        case '>':
          if (i !== 0) throw reservedError(c);
          type = 'BlockQuote';
          haveBlockquote = true;
          break;
        default:
          throw reservedError(c);
      }
      if (type) open.push({ type, argument, offset: text.length, byteOffset: entityByteOffset });
      continue;
    }

    const entity = top as Open;
    if (c === '\n' && entity.type !== 'BlockQuote') {
      throw new EntityParseError(`Can't find end of ${entity.type} entity at byte offset ${entity.byteOffset}`);
    }
    let skip = text.length === entity.offset;
    let argument = entity.argument;
    switch (entity.type) {
      case 'Underline':
      case 'Spoiler':
        i++;
        break;
      case 'Pre':
      case 'PreCode':
        i += 2;
        break;
      case 'TextUrl':
      case 'CustomEmoji': {
        if (ch(i + 1) !== '(') {
          if (entity.type === 'CustomEmoji') throw new EntityParseError('Custom emoji entity must contain a tg://emoji URL');
          argument = text.slice(entity.offset);
          break;
        }
        i += 2;
        const urlBegin = i;
        let url = '';
        while (i < source.length && ch(i) !== ')') {
          if (ch(i) === '\\' && escapable(ch(i + 1))) {
            url += ch(i + 1);
            i += 2;
            continue;
          }
          url += ch(i++);
        }
        if (ch(i) !== ')') {
          const what = entity.type === 'TextUrl' ? 'a URL' : 'a custom emoji URL';
          throw new EntityParseError(`Can't find end of ${what} at byte offset ${byteOffset(source, urlBegin)}`);
        }
        if (entity.type === 'CustomEmoji') {
          const id = /^tg:\/\/emoji\?id=([0-9]+)$/.exec(url)?.[1];
          if (!id) throw new EntityParseError('Invalid custom emoji identifier specified');
          argument = id;
        } else {
          argument = url;
          if (url.trim() === '') skip = true;
        }
        break;
      }
      case 'BlockQuote':
        haveBlockquote = false;
        text += c;
        break;
      default:
        break;
    }
    if (!skip) entities.push(toEntity(entity.type, entity.offset, text.length - entity.offset, argument));
    open.pop();
  }

  const last = open.at(-1);
  if (haveBlockquote && last?.type === 'BlockQuote') {
    if (text.length !== last.offset) entities.push(toEntity('BlockQuote', last.offset, text.length - last.offset, ''));
    open.pop();
  }
  const unclosed = open.at(-1);
  if (unclosed) throw new EntityParseError(`Can't find end of ${unclosed.type} entity at byte offset ${unclosed.byteOffset}`);
  return { text, entities: sortEntities(entities) };
}

function closes(type: V2Type, c: string, next: string, afterNext: string): boolean {
  switch (type) {
    case 'Bold': return c === '*';
    case 'Italic': return c === '_' && next !== '_';
    case 'Code': return c === '`';
    case 'Pre':
    case 'PreCode': return c === '`' && next === '`' && afterNext === '`';
    case 'TextUrl':
    case 'CustomEmoji': return c === ']';
    case 'Underline': return c === '_' && next === '_';
    case 'Strikethrough': return c === '~';
    case 'Spoiler': return c === '|' && next === '|';
    case 'BlockQuote': return false;
  }
}

function toEntity(type: V2Type, offset: number, length: number, argument: string): MessageEntity {
  switch (type) {
    case 'Bold': return { type: 'bold', offset, length };
    case 'Italic': return { type: 'italic', offset, length };
    case 'Underline': return { type: 'underline', offset, length };
    case 'Strikethrough': return { type: 'strikethrough', offset, length };
    case 'Spoiler': return { type: 'spoiler', offset, length };
    case 'Code': return { type: 'code', offset, length };
    case 'Pre': return { type: 'pre', offset, length };
    case 'PreCode': return { type: 'pre', offset, length, language: argument };
    case 'TextUrl': return { type: 'text_link', offset, length, url: argument };
    case 'CustomEmoji': return { type: 'custom_emoji', offset, length, custom_emoji_id: argument };
    case 'BlockQuote': return { type: 'blockquote', offset, length };
  }
}

/** Legacy parse_mode=Markdown: * _ ` ``` and [text](url), no nesting. */
export function parseMarkdownLegacy(source: string): FormattedText {
  const ch = (i: number): string => source[i] ?? '';
  let text = '';
  const entities: MessageEntity[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = ch(i);
    if (c === '\\' && '_*`['.includes(ch(i + 1)) && ch(i + 1) !== '') {
      text += ch(++i);
      continue;
    }
    if (!'_*`['.includes(c)) {
      text += c;
      continue;
    }
    const begin = i;
    const endChar = c === '[' ? ']' : c;
    let isPre = false;
    let language = '';
    i++;
    if (c === '`' && ch(i) === '`' && ch(i + 1) === '`') {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (!isSpace(ch(languageEnd)) && ch(languageEnd) !== '`') languageEnd++;
      if (i !== languageEnd && languageEnd < source.length && ch(languageEnd) !== '`') {
        language = source.slice(i, languageEnd);
        i = languageEnd;
      }
      if (ch(i) === '\n' || ch(i) === '\r') {
        const pair = (ch(i + 1) === '\n' || ch(i + 1) === '\r') && ch(i) !== ch(i + 1);
        i += pair ? 2 : 1;
      }
    }
    const offset = text.length;
    while (i < source.length && (ch(i) !== endChar || (isPre && !(ch(i + 1) === '`' && ch(i + 2) === '`')))) {
      text += ch(i++);
    }
    if (i >= source.length) {
      throw new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(source, begin)}`);
    }
    const length = text.length - offset;
    if (length > 0) {
      if (c === '_') entities.push({ type: 'italic', offset, length });
      else if (c === '*') entities.push({ type: 'bold', offset, length });
      else if (c === '`') {
        entities.push(isPre ? (language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length }) : { type: 'code', offset, length });
      } else {
        let url = source.slice(begin + 1, i);
        if (ch(i + 1) === '(') {
          i += 2;
          url = '';
          while (i < source.length && ch(i) !== ')') url += ch(i++);
        }
        entities.push({ type: 'text_link', offset, length, url });
      }
    }
    if (isPre) i += 2;
  }
  return { text, entities: sortEntities(entities) };
}
