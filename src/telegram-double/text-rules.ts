/**
 * What the Bot API does to a message text before sending it: pick the parser
 * for parse_mode, trim surrounding whitespace, refuse empty or over-long
 * results. Length is measured after parsing, in UTF-16 code units, because
 * that is what Telegram's 4096/1024 limits count.
 */
import type { MessageEntity } from 'telegraf/types';
import { badRequest } from './errors.ts';
import { EntityParseError, parseHtml, type FormattedText } from './html.ts';
import { parseMarkdownLegacy, parseMarkdownV2 } from './markdown.ts';

export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export interface TextInput {
  text: unknown;
  parseMode: unknown;
  entities: unknown;
}

export interface TextRules {
  limit: number;
  /** Reason used when the text is over the limit, e.g. 'message is too long'. */
  tooLong: string;
  /** Reason used when nothing is left after parsing and trimming. */
  empty: string;
  strictHtml: boolean;
}

export interface CheckedText extends FormattedText {
  /** The raw text as sent. */
  source: string;
  parseMode: string | undefined;
}

export const MESSAGE_RULES = { limit: MESSAGE_LIMIT, tooLong: 'message is too long', empty: 'message text is empty' } as const;
export const CAPTION_RULES = { limit: CAPTION_LIMIT, tooLong: 'message caption is too long', empty: 'message caption is empty' } as const;

export function checkText(input: TextInput, rules: TextRules): CheckedText {
  if (input.text === undefined || input.text === null || typeof input.text === 'object') throw badRequest(rules.empty);
  const source = String(input.text);
  const parseMode = input.parseMode === undefined || input.parseMode === null || input.parseMode === '' ? undefined : String(input.parseMode);
  const explicit = parseEntities(input.entities);

  let formatted: FormattedText;
  if (explicit) {
    // The Bot API ignores parse_mode when entities are given explicitly.
    formatted = { text: source, entities: explicit };
  } else {
    formatted = parse(source, parseMode, rules.strictHtml);
  }
  const trimmed = trim(formatted);
  if (trimmed.text.length === 0) throw badRequest(rules.empty);
  if (trimmed.text.length > rules.limit) throw badRequest(rules.tooLong);
  return { ...trimmed, source, parseMode };
}

function parse(source: string, parseMode: string | undefined, strictHtml: boolean): FormattedText {
  const mode = parseMode?.toLowerCase();
  try {
    if (mode === undefined || mode === 'none') return { text: source, entities: [] };
    if (mode === 'html') return parseHtml(source, strictHtml);
    if (mode === 'markdownv2') return parseMarkdownV2(source);
    if (mode === 'markdown') return parseMarkdownLegacy(source);
  } catch (error) {
    if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
    throw error;
  }
  throw badRequest('unsupported parse_mode');
}

function parseEntities(raw: unknown): MessageEntity[] | undefined {
  let value = raw;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse entities JSON object");
    }
  }
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  if (value.length === 0) return undefined;
  for (const entity of value as unknown[]) {
    const e = entity as Partial<MessageEntity> | null;
    if (!e || typeof e.type !== 'string' || !Number.isInteger(e.offset) || !Number.isInteger(e.length)) {
      throw badRequest("can't parse MessageEntity: field \"type\", \"offset\" and \"length\" are required");
    }
  }
  return value as MessageEntity[];
}

/** tdlib trims leading and trailing whitespace and shifts/clips the entities accordingly. */
function trim(formatted: FormattedText): FormattedText {
  const start = formatted.text.length - formatted.text.trimStart().length;
  const text = formatted.text.trim();
  const end = start + text.length;
  const entities: MessageEntity[] = [];
  for (const entity of formatted.entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) entities.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text, entities };
}
