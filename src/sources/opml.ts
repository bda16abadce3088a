import { generateOpml, parseOpml as feedsmithParseOpml, type Opml } from 'feedsmith';
import { FeedError } from './errors.ts';
import type { SourceRef } from './types.ts';
import { normalizeLang, resolveUrl } from './util.ts';

type Outline = Opml.Outline<string>;

/** Feed subscriptions of an OPML file (folders flattened, duplicates dropped). */
export function parseOpml(xml: string): SourceRef[] {
  const body = xml.replace(/^\uFEFF/, '').trim();
  if (!body) throw new FeedError('empty', 'empty OPML document');
  if (!/<opml[\s>]/i.test(body)) throw new FeedError('unknown', 'not an OPML document: no <opml> element');
  let doc: Opml.Document<string>;
  try {
    doc = feedsmithParseOpml(body);
  } catch (error) {
    throw new FeedError('malformed', `malformed OPML: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  const walk = (outlines: Outline[] | undefined, depth: number): void => {
    if (!outlines || depth > 20) return;
    for (const o of outlines) {
      // Some exporters write url= (OPML 1.0 "link" outlines) instead of xmlUrl for feeds.
      const rawUrl = o.xmlUrl ?? (o.type?.toLowerCase() === 'rss' ? o.url : undefined);
      const url = resolveUrl(rawUrl);
      if (url && !seen.has(url)) {
        seen.add(url);
        const ref: SourceRef = { url };
        const title = (o.title ?? o.text)?.trim();
        // toOpml writes the URL as text when a source has no title; that is not a title.
        if (title && title !== rawUrl?.trim()) ref.title = title;
        const lang = normalizeLang(o.language);
        if (lang) ref.lang = lang;
        out.push(ref);
      }
      walk(o.outlines, depth + 1);
    }
  };
  walk(doc.body?.outlines, 0);
  return out;
}

export function toOpml(sources: SourceRef[], title = 'Briefings sources'): string {
  const outlines = sources.map((s) => {
    const o: Opml.Outline<Date> = { text: s.title ?? s.url, type: 'rss', xmlUrl: s.url };
    if (s.title) o.title = s.title;
    if (s.lang) o.language = s.lang;
    return o;
  });
  return generateOpml({ head: { title }, body: { outlines } });
}
