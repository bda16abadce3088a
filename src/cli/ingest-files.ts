import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RawArticle } from '../articles/ingest.ts';
import { decodeBody } from '../sources/decode.ts';
import { extractArticle } from '../sources/extract.ts';
import { detectFeedKind } from '../sources/feed-repair.ts';
import { parseFeed } from '../sources/parse-feed.ts';
import { feedItemToRaw } from '../sources/to-article.ts';

export interface FileItems {
  items: RawArticle[];
  /** Lines of a JSONL file that could not be read, reported without stopping the file. */
  errors: Array<{ item: string; error: string }>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** One JSONL line → an article: `title`, `text`, optional `url`, `lang`, `published_at`, `source`. */
export function jsonLineToRaw(value: unknown): RawArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  const o = value as Record<string, unknown>;
  const title = str(o.title) ?? '';
  const text = str(o.text) ?? '';
  if (!title && !text) throw new Error('needs "title" or "text"');
  const published = o.published_at;
  const publishedAt =
    typeof published === 'number' ? (published < 1e12 ? published * 1000 : published) : str(published) ? Date.parse(published as string) : undefined;
  if (publishedAt !== undefined && Number.isNaN(publishedAt)) throw new Error(`"published_at" is not a date: ${String(published)}`);
  const categories = Array.isArray(o.categories) ? o.categories.filter((c): c is string => typeof c === 'string') : undefined;
  return { title, text, url: str(o.url), guid: str(o.id), lang: str(o.lang), publishedAt, sourceName: str(o.source), categories };
}

function looksLikeJsonl(name: string, text: string): boolean {
  if (/\.(jsonl|ndjson)$/i.test(name)) return true;
  const lines = text.trim().split('\n');
  return lines.length > 1 && lines[0]?.trim().startsWith('{') === true && lines[0].trim().endsWith('}') && !text.includes('"version"');
}

/** Reads any local file the operator may hand in and says what is wrong with it when it can't. */
export async function readArticlesFromFile(path: string): Promise<FileItems> {
  const bytes = await readFile(path);
  const { text } = decodeBody(bytes);
  const name = basename(path);
  if (looksLikeJsonl(name, text)) {
    const items: RawArticle[] = [];
    const errors: FileItems['errors'] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim().length === 0) return;
      try {
        items.push(jsonLineToRaw(JSON.parse(line)));
      } catch (error) {
        errors.push({ item: `${path}:${index + 1}`, error: (error as Error).message });
      }
    });
    return { items, errors };
  }
  const kind = detectFeedKind(text);
  if (kind === 'empty') throw new Error('empty file');
  if (kind === 'html') {
    const page = extractArticle(text);
    if (!page.text && !page.title) throw new Error('an HTML page with no readable article');
    return {
      items: [{ url: page.canonicalUrl, title: page.title, text: page.text, lang: page.lang, publishedAt: page.publishedAt, alternates: page.alternates }],
      errors: [],
    };
  }
  const feed = parseFeed(text);
  return { items: feed.items.map((item) => feedItemToRaw(item, { name: feed.title }, feed.lang)), errors: [] };
}
