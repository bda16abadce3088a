import type { DbHandle } from '../db/client.ts';
import { stem, tokenize } from '../text/normalize.ts';
import { summaryStopwords } from './summary-lexicon.ts';

export interface SearchQuery {
  text: string;
  lang?: string | undefined;
  /** Region ids an article must carry one of (a macro-region or country already expanded). */
  regions?: ReadonlySet<string> | undefined;
  topic?: string | undefined;
  since?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /**
   * The reader's languages, best first. A story is one hit, shown in its first version in these
   * (else the best-matching one); without them, and with `lang`, each match is its own hit.
   */
  preferLangs?: readonly string[] | undefined;
}

export interface SearchHit {
  id: number;
  title: string;
  url: string | null;
  lang: string;
  publishedAt: number;
  sourceName: string | null;
  regions: string[];
  topics: string[];
  snippet: string;
  /** Versions of the story in the archive (1 when it has no others or stories are not merged). */
  versions: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** Enough terms for any real question; the rest of a 3,000-character paste is ignored. */
export const MAX_QUERY_TERMS = 24;
/**
 * Ranking looks at the most recent matches only: a word in half the archive would otherwise make
 * every query sort the whole archive. News readers want recent stories first anyway.
 */
export const MAX_CANDIDATES = 2000;
const RECENCY_DAYS = 30;

/**
 * User text never reaches FTS5's query language: it is reduced to stemmed word terms, each quoted,
 * so quotes, operators, parentheses and column filters are just words or nothing.
 */
export function toMatchExpression(text: string, mode: 'all' | 'any'): string | undefined {
  const words = tokenize(text.slice(0, 3000));
  // "the", "и", "في" match nearly everything; keep them only when the query is nothing else.
  const stop = summaryStopwords();
  const content = words.filter((w) => !stop.has(w));
  const unique = [...new Set((content.length > 0 ? content : words).map(stem))].filter((t) => t.length > 0).slice(0, MAX_QUERY_TERMS);
  if (unique.length === 0) return undefined;
  return unique.map((t) => `"${t.replace(/"/g, '')}"`).join(mode === 'all' ? ' AND ' : ' OR ');
}

/** The sentence-sized piece of the text that holds most query words, for the one-line result. */
export function snippetOf(text: string, query: string, max = 200): string {
  const wanted = new Set(tokenize(query));
  const sentences = text.split(/(?<=[.!?؟。])\s+|\n+/).filter((s) => s.trim().length > 0);
  let best = sentences[0] ?? '';
  let bestScore = -1;
  for (const sentence of sentences.slice(0, 200)) {
    const score = tokenize(sentence).filter((w) => wanted.has(w)).length;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  const trimmed = best.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function createSearch(handle: DbHandle, now: () => number = Date.now) {
  const { sqlite } = handle;

  const run = (q: SearchQuery, match: string): SearchResult => {
    const where: string[] = ['articles_fts MATCH @match'];
    const params: Record<string, unknown> = { match, now: now(), recency: RECENCY_DAYS * 86_400_000 };
    if (q.lang) {
      where.push('a.lang = @lang');
      params.lang = q.lang;
    }
    if (q.since !== undefined) {
      where.push('a.published_at >= @since');
      params.since = q.since;
    }
    if (q.topic) {
      where.push('EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic = @topic)');
      params.topic = q.topic;
    }
    if (q.regions) {
      const list = [...q.regions].slice(0, 500);
      list.forEach((r, i) => (params[`r${i}`] = r));
      const placeholders = list.map((_, i) => `@r${i}`).join(', ') || "''";
      where.push(`EXISTS (SELECT 1 FROM article_regions r WHERE r.article_id = a.id AND r.region IN (${placeholders}))`);
    }
    // Newest matches first (FTS5 walks its doclists by rowid), capped; then ranked by bm25 and age.
    const matches = `hits AS (
        SELECT a.id AS id, coalesce(a.cluster_id, a.id) AS cluster, a.published_at AS publishedAt, bm25(articles_fts, 3.0, 1.0) AS score
        FROM articles_fts f JOIN articles a INDEXED BY articles_search_meta ON a.id = f.rowid
        WHERE ${where.join(' AND ')}
        ORDER BY f.rowid DESC LIMIT ${MAX_CANDIDATES})`;
    const prefer = q.lang ? [] : (q.preferLangs ?? []).slice(0, 3);
    prefer.forEach((l, i) => (params[`p${i}`] = l));
    const langRank = `CASE v.lang ${prefer.map((_, i) => `WHEN @p${i} THEN ${i}`).join(' ')} ELSE ${prefer.length} END`;
    // A story is one hit, scored by its best match; it shows the version in the reader's first
    // language, else a version that matched, newest first.
    const hits =
      prefer.length === 0
        ? `WITH ${matches}, shown AS (SELECT id, publishedAt, score, 1 AS versions FROM hits)`
        : `WITH ${matches}, stories AS (
            SELECT cluster, min(score) AS score, max(publishedAt) AS publishedAt,
              (SELECT count(*) FROM articles c WHERE c.cluster_id = hits.cluster) AS versions
            FROM hits GROUP BY cluster),
          shown AS (
            SELECT (SELECT v.id FROM articles v WHERE v.cluster_id = s.cluster OR v.id = s.cluster
                     ORDER BY ${langRank}, v.id IN (SELECT id FROM hits) DESC, v.published_at DESC, v.id DESC LIMIT 1) AS id,
              s.publishedAt, s.score, max(s.versions, 1) AS versions
            FROM stories s)`;
    // bm25 is negative (lower is better); dividing by an age factor lets a fresh story outrank an older, slightly better match.
    const rows = sqlite
      .prepare(
        `${hits}
         SELECT count(*) OVER () AS total, a.id, a.title, a.url, a.lang, a.published_at AS publishedAt, a.source_name AS sourceName, a.text, h.versions,
           (SELECT group_concat(region) FROM (SELECT region FROM article_regions WHERE article_id = a.id ORDER BY score DESC)) AS regions,
           (SELECT group_concat(topic) FROM (SELECT topic FROM article_topics WHERE article_id = a.id ORDER BY score DESC)) AS topics
         FROM shown h JOIN articles a ON a.id = h.id
         ORDER BY h.score / (1.0 + max(0, @now - h.publishedAt) / @recency), h.id DESC
         LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: Math.min(Math.max(q.limit ?? 10, 1), 100), offset: Math.max(q.offset ?? 0, 0) }) as Array<
      Omit<SearchHit, 'regions' | 'topics' | 'snippet'> & { total: number; text: string; regions: string | null; topics: string | null }
    >;
    // Past the last page the window has no row to report the total on; it is only needed for the header.
    const total = rows[0]?.total ?? (q.offset ? (sqlite.prepare(`${hits} SELECT count(*) FROM shown`).pluck().get(params) as number) : 0);
    return {
      total,
      hits: rows.map(({ text, regions, topics, total: _total, ...rest }) => ({
        ...rest,
        regions: regions ? regions.split(',') : [],
        topics: topics ? topics.split(',') : [],
        snippet: snippetOf(text, q.text),
      })),
    };
  };

  return {
    /** Every word must match; when nothing does, any word may, so a long question still finds something. */
    search(q: SearchQuery): SearchResult {
      const all = toMatchExpression(q.text, 'all');
      if (!all) return { total: 0, hits: [] };
      const strict = run(q, all);
      if (strict.total > 0) return strict;
      const any = toMatchExpression(q.text, 'any');
      return any && any !== all ? run(q, any) : strict;
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
