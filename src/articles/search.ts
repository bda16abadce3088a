import type { DbHandle } from '../db/client.ts';
import { MAX_QUERY_TERMS, termGroups, type TermGroup } from '../search/query.ts';
import { createTaxonomy, type Taxonomy } from '../taxonomy/index.ts';
import { stem, tokenize } from '../text/normalize.ts';
import { contentWords } from '../search/stopwords.ts';

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

export { MAX_QUERY_TERMS };
/**
 * Ranking looks at the most recent matches only: a word in half the archive would otherwise make
 * every query sort the whole archive. News readers want recent stories first anyway.
 */
export const MAX_CANDIDATES = 2000;
const RECENCY_DAYS = 30;
/**
 * What being filed under a topic or region the query names adds to a story's score. bm25 is
 * negative for every text match, so a text match that is also filed there outranks either alone.
 */
const FILED_WEIGHT = 1;
/**
 * Stories found only by their filing score alike but for the classifiers' confidence, so recency
 * mostly orders them: the newest few hundred are all a reader pages to, and more would mean walking
 * a tenth of the archive.
 */
export const MAX_FILED_CANDIDATES = 300;

const quote = (term: string) => `"${term.replace(/"/g, '')}"`;
const fragment = (g: TermGroup) => (g.terms.length === 1 ? quote(g.terms[0] ?? '') : `(${g.terms.map(quote).join(' OR ')})`);
const expressionOf = (groups: readonly TermGroup[], mode: 'all' | 'any') =>
  groups.length === 0 ? undefined : groups.map(fragment).join(mode === 'all' ? ' AND ' : ' OR ');

/**
 * User text never reaches FTS5's query language: it is reduced to stemmed word terms, each quoted,
 * so quotes, operators, parentheses and column filters are just words or nothing.
 */
export function toMatchExpression(text: string, mode: 'all' | 'any'): string | undefined {
  // "the", "и", "في" match nearly everything; they stay only when the query is nothing else.
  const words = contentWords(tokenize(text.slice(0, 3000)));
  const unique = [...new Set(words.map(stem))].filter((t) => t.length > 0).slice(0, MAX_QUERY_TERMS);
  return expressionOf(unique.map((t) => ({ terms: [t] })), mode);
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

export function createSearch(handle: DbHandle, now: () => number = Date.now, taxonomy?: Taxonomy) {
  const { sqlite } = handle;
  let names = taxonomy;
  const countTopic = sqlite.prepare('SELECT count(*) FROM article_topics WHERE topic = ?').pluck();
  const countRegion = sqlite.prepare('SELECT count(*) FROM article_regions WHERE region = ?').pluck();

  const run = (q: SearchQuery, groups: readonly TermGroup[], mode: 'all' | 'any'): SearchResult => {
    const match = expressionOf(groups, mode) ?? '""';
    const where: string[] = [];
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
    const regionList = (key: string, regions: ReadonlySet<string>) => {
      const list = [...regions].slice(0, 500);
      list.forEach((r, i) => (params[`${key}${i}`] = r));
      return list.map((_, i) => `@${key}${i}`).join(', ') || "''";
    };
    if (q.regions) where.push(`EXISTS (SELECT 1 FROM article_regions r WHERE r.article_id = a.id AND r.region IN (${regionList('r', q.regions)}))`);
    // Per group that names a topic or region: whether an article is filed there, how surely (the
    // classifiers' confidence), and the ids filed there.
    const filedIs: string[] = [];
    const weights: string[] = [];
    const filedIds: string[] = [];
    const filedSizes: Array<() => number> = [];
    const plain: TermGroup[] = [];
    groups.forEach((g, i) => {
      if (g.topic) {
        params[`gt${i}`] = g.topic;
        filedIs.push(`EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = a.id AND t.topic = @gt${i})`);
        weights.push(`coalesce((SELECT t.score FROM article_topics t WHERE t.article_id = a.id AND t.topic = @gt${i}), 0)`);
        filedIds.push(`SELECT article_id FROM article_topics WHERE topic = @gt${i}`);
        filedSizes.push(() => countTopic.get(g.topic) as number);
      } else if (g.regions) {
        const regions = g.regions;
        const list = regionList(`g${i}r`, g.regions);
        filedIs.push(`EXISTS (SELECT 1 FROM article_regions r WHERE r.article_id = a.id AND r.region IN (${list}))`);
        weights.push(`coalesce((SELECT max(r.score) FROM article_regions r WHERE r.article_id = a.id AND r.region IN (${list})), 0)`);
        filedIds.push(`SELECT article_id FROM article_regions WHERE region IN (${list})`);
        filedSizes.push(() => [...regions].slice(0, 50).reduce((n, r) => n + (countRegion.get(r) as number), 0));
      } else plain.push(g);
    });
    const filedCount = weights.length > 0 ? weights.join(' + ') : '0.0';
    const filters = where.map((w) => ` AND ${w}`).join('');
    // Newest text matches first (FTS5 walks its doclists by rowid), capped, scored by bm25.
    const byText = `by_text AS (
        SELECT a.id AS id, bm25(articles_fts, 3.0, 1.0) AS bm, ${filedCount} AS filed
        FROM articles_fts f JOIN articles a INDEXED BY articles_search_meta ON a.id = f.rowid
        WHERE articles_fts MATCH @match${filters}
        ORDER BY f.rowid DESC LIMIT ${MAX_CANDIDATES})`;
    // Then the newest stories filed under what the query names, capped too. With every word required,
    // such a story is filed under each named topic and region and says the plain words: the walk
    // goes through the plain words' matches when there are some, else through one filing.
    // A story filed under one name that only says another is found when it says all of them.
    params.plain = expressionOf(plain, 'all') ?? '""';
    // Without plain words, the walk goes through the smallest filing (index counts, a millisecond).
    const sizes = mode === 'all' && plain.length === 0 && filedIds.length > 1 ? filedSizes.map((size) => size()) : [0];
    const smallest = filedIds[sizes.indexOf(Math.min(...sizes))] ?? filedIds[0];
    const required = filedIs.map((c) => ` AND ${c}`).join('');
    const byFiling =
      filedIds.length === 0
        ? ''
        : mode === 'all' && plain.length > 0
          ? `, by_filing AS (
        SELECT a.id AS id, 0.0 AS bm, ${filedCount} AS filed
        FROM articles_fts f JOIN articles a INDEXED BY articles_search_meta ON a.id = f.rowid
        WHERE articles_fts MATCH @plain${filters}${required}
        ORDER BY f.rowid DESC LIMIT ${MAX_FILED_CANDIDATES})`
          : `, by_filing AS (
        SELECT a.id AS id, 0.0 AS bm, ${filedCount} AS filed
        FROM articles a INDEXED BY articles_search_meta
        WHERE a.id IN (${mode === 'all' ? smallest : filedIds.join(' UNION ')})${filters}${mode === 'all' ? required : ''}
        ORDER BY a.id DESC LIMIT ${MAX_FILED_CANDIDATES})`;
    const matches = `${byText}${byFiling}, hits AS (
        SELECT m.id AS id, coalesce(a.cluster_id, a.id) AS cluster, a.published_at AS publishedAt, min(m.bm) - ${FILED_WEIGHT} * max(m.filed) AS score
        FROM (SELECT * FROM by_text${byFiling ? ' UNION ALL SELECT * FROM by_filing' : ''}) m JOIN articles a ON a.id = m.id
        GROUP BY m.id)`;
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
    // bm25 is negative (lower is better); dividing by an age factor lets a fresh story outrank an older,
    // slightly better match. The page is picked before the texts and labels are read: sorting
    // thousands of candidates with their texts attached was most of a query's time.
    const rows = sqlite
      .prepare(
        `${hits}, page AS (
           SELECT h.id, h.versions, count(*) OVER () AS total, h.score / (1.0 + max(0, @now - h.publishedAt) / @recency) AS rank
           FROM shown h ORDER BY rank, h.id DESC LIMIT @limit OFFSET @offset)
         SELECT p.total, a.id, a.title, a.url, a.lang, a.published_at AS publishedAt, a.source_name AS sourceName, a.text, p.versions,
           (SELECT group_concat(region) FROM (SELECT region FROM article_regions WHERE article_id = a.id ORDER BY score DESC)) AS regions,
           (SELECT group_concat(topic) FROM (SELECT topic FROM article_topics WHERE article_id = a.id ORDER BY score DESC)) AS topics
         FROM page p JOIN articles a ON a.id = p.id
         ORDER BY p.rank, p.id DESC`,
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
      names ??= createTaxonomy();
      const groups = termGroups(q.text, names);
      if (groups.length === 0) return { total: 0, hits: [] };
      const strict = run(q, groups, 'all');
      return strict.total > 0 || groups.length === 1 ? strict : run(q, groups, 'any');
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
