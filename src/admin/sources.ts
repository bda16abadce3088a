/**
 * Source management for admins: the same repository the CLI and the poller use, and the same check
 * the CLI runs (sources/check.ts) before a URL typed in a chat is polled forever.
 */
import type { Db } from '../db/client.ts';
import { checkSource, type SourceCheckDeps, type SourceCheckFailure } from '../sources/check.ts';
import { createSourceRepository, type SourceRecord } from '../sources/repository.ts';
import type { AuditLog } from './audit.ts';

export type { SourceRecord } from '../sources/repository.ts';

export type AddSourceOutcome =
  | { ok: true; source: SourceRecord; created: boolean; title: string | undefined; items: number; via: string | undefined }
  | SourceCheckFailure;

export type SourceChange = 'done' | 'unchanged' | 'missing';

export interface SourceDesk {
  list(): SourceRecord[];
  get(id: number): SourceRecord | undefined;
  add(input: string, adminId: number): Promise<AddSourceOutcome>;
  pause(id: number, adminId: number): SourceChange;
  resume(id: number, adminId: number): SourceChange;
  remove(id: number, adminId: number): SourceChange;
}

export interface SourceDeskDeps extends SourceCheckDeps {
  db: Db;
  audit: AuditLog;
}

export function createSourceDesk(deps: SourceDeskDeps): SourceDesk {
  const repository = createSourceRepository(deps.db);
  const { audit } = deps;

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
      const check = await checkSource(input, deps);
      if (!check.ok) return check;
      const { url, title, lang, items, via } = check;
      const { source, created } = repository.add({ url, name: title, lang });
      if (created) audit.record({ adminId, action: 'source_add', target: `#${source.id} ${source.url}`, targetCount: 1, details: via ? `via ${via}` : undefined });
      return { ok: true, source, created, title, items, via };
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
