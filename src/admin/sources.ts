/**
 * Source management for admins: the same repository the CLI and the poller use, plus the checks
 * a URL typed in a chat needs before we poll it forever (scheme, private networks, "is it a feed").
 */
import type { Db } from '../db/client.ts';
import { FeedError, FetchError } from '../sources/errors.ts';
import type { Fetcher } from '../sources/fetcher.ts';
import { parseFeed } from '../sources/parse-feed.ts';
import { createSourceRepository, type SourceRecord } from '../sources/repository.ts';
import type { UrlCheck } from '../sources/url-safety.ts';
import type { AuditLog } from './audit.ts';

export type { SourceRecord } from '../sources/repository.ts';

export type AddSourceProblem = 'bad_url' | 'private' | 'unreachable' | 'not_feed';

export type AddSourceOutcome =
  | { ok: true; source: SourceRecord; created: boolean; title: string | undefined; items: number; via: string | undefined }
  | { ok: false; problem: AddSourceProblem; url: string; reason: string };

export type SourceChange = 'done' | 'unchanged' | 'missing';

export interface SourceDesk {
  list(): SourceRecord[];
  get(id: number): SourceRecord | undefined;
  add(input: string, adminId: number): Promise<AddSourceOutcome>;
  pause(id: number, adminId: number): SourceChange;
  resume(id: number, adminId: number): SourceChange;
  remove(id: number, adminId: number): SourceChange;
}

export interface SourceDeskDeps {
  db: Db;
  fetcher: Fetcher;
  checkUrl: (url: string) => Promise<UrlCheck>;
  audit: AuditLog;
}

const NAME_MAX = 200;
const twoLetter = (lang: string | undefined) => {
  const base = lang?.toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2}$/.test(base) ? base : undefined;
};

/** url-safety explains in English; the bot answers in the admin's language by kind, with the detail beside it. */
function classifyRefusal(reason: string): AddSourceProblem {
  if (/private|local/i.test(reason)) return 'private';
  if (/not found/i.test(reason)) return 'unreachable';
  return 'bad_url';
}

export function createSourceDesk(deps: SourceDeskDeps): SourceDesk {
  const repository = createSourceRepository(deps.db);
  const { audit } = deps;

  async function readFeed(url: string) {
    const result = await deps.fetcher.fetchFeed({ url });
    if (result.status !== 'ok') throw new FetchError('http', 'HTTP 304 for an unconditional request', { url });
    const feed = parseFeed(result.body, { baseUrl: result.finalUrl });
    return { url: result.movedTo ?? result.finalUrl, feed };
  }

  function refusal(url: string, error: unknown): AddSourceOutcome {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof FetchError && error.kind === 'blocked') return { ok: false, problem: 'private', url, reason };
    if (error instanceof FeedError || (error instanceof FetchError && error.kind === 'not-a-feed')) {
      return { ok: false, problem: 'not_feed', url, reason };
    }
    return { ok: false, problem: 'unreachable', url, reason };
  }

  const change = (id: number, adminId: number, action: 'source_pause' | 'source_resume', status: 'paused' | 'active'): SourceChange => {
    const source = repository.get(id);
    if (!source) return 'missing';
    if (source.status === status) return 'unchanged';
    repository.setStatus(id, status);
    audit.record({ adminId, action, target: `#${id} ${source.url}`, targetCount: 1 });
    return 'done';
  };

  return {
    list: () => repository.list(),
    get: (id) => repository.get(id),
    async add(input, adminId) {
      const check = await deps.checkUrl(input);
      if (!check.ok) return { ok: false, problem: classifyRefusal(check.reason), url: input, reason: check.reason };
      let found: Awaited<ReturnType<typeof readFeed>>;
      let via: string | undefined;
      try {
        found = await readFeed(check.url);
      } catch (error) {
        // A site's front page that advertises its feed: take the first one it links (comment feeds come last).
        const linked = error instanceof FetchError && error.kind === 'not-a-feed' ? error.feedLinks?.[0] : undefined;
        if (!linked) return refusal(check.url, error);
        try {
          found = await readFeed(linked);
          via = check.url;
        } catch (linkedError) {
          return refusal(linked, linkedError);
        }
      }
      const title = found.feed.title?.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX) || undefined;
      const { source, created } = repository.add({ url: found.url, name: title, lang: twoLetter(found.feed.lang) });
      if (created) audit.record({ adminId, action: 'source_add', target: `#${source.id} ${source.url}`, targetCount: 1, details: via ? `via ${via}` : undefined });
      return { ok: true, source, created, title, items: found.feed.items.length, via };
    },
    pause: (id, adminId) => change(id, adminId, 'source_pause', 'paused'),
    resume: (id, adminId) => change(id, adminId, 'source_resume', 'active'),
    remove(id, adminId) {
      const source = repository.get(id);
      if (!source) return 'missing';
      if (!repository.remove(id)) return 'missing';
      audit.record({ adminId, action: 'source_remove', target: `#${id} ${source.url}`, targetCount: 1 });
      return 'done';
    },
  };
}
