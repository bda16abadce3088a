import { readFile } from 'node:fs/promises';
import { parseOpml, toOpml } from '../sources/opml.ts';
import { createSourcePoller } from '../sources/poller.ts';
import { createSourceRepository } from '../sources/repository.ts';
import { resolveUrl } from '../sources/util.ts';
import { flag, positionals } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';
import { createCliIngestor } from './ingest.ts';

function validUrl(input: string): string {
  const url = resolveUrl(input);
  if (!url) throw new CliError(`not an http(s) URL: ${input}`);
  return url;
}

const LANG = /^[a-z]{2}$/;

export async function sourcesCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const repository = createSourceRepository(ctx.db().db);
  switch (action) {
    case 'add': {
      const [url] = positionals(rest, ['--lang', '--name']);
      if (!url) throw new CliError('sources add needs a URL');
      const lang = flag(rest, '--lang');
      if (lang && !LANG.test(lang)) throw new CliError('--lang takes a two-letter code such as ar, ru or en');
      const { source, created } = repository.add({ url: validUrl(url), name: flag(rest, '--name'), lang });
      ctx.stdout(created ? `added source ${source.id}: ${source.url}` : `source ${source.id} already has this URL`);
      return 0;
    }
    case 'list': {
      const list = repository.list();
      if (rest.includes('--json')) {
        ctx.stdout(JSON.stringify({ sources: list }));
        return 0;
      }
      if (list.length === 0) ctx.stdout('no sources');
      for (const s of list) {
        const last = s.lastFetchedAt ? new Date(s.lastFetchedAt).toISOString() : 'never';
        ctx.stdout(`${s.id}\t${s.status}\t${s.lang ?? '--'}\t${s.url}\t${s.name ?? ''}\tlast fetch ${last}\titems ${s.itemsCount}${s.lastError ? `\terror: ${s.lastError}` : ''}`);
      }
      return 0;
    }
    case 'remove': {
      const id = Number(rest[0]);
      if (!Number.isInteger(id)) throw new CliError('sources remove needs a numeric ID (see sources list)');
      if (!repository.remove(id)) throw new CliError(`no source with id ${id}`, 1);
      ctx.stdout(`removed source ${id}`);
      return 0;
    }
    case 'import': {
      const file = rest[0];
      if (!file) throw new CliError('sources import needs an OPML FILE');
      const refs = parseOpml(await readFile(file, 'utf8'));
      let added = 0;
      for (const ref of refs) {
        try {
          if (repository.add({ url: validUrl(ref.url), name: ref.title, lang: ref.lang }).created) added++;
        } catch (error) {
          process.stderr.write(`briefings sources import: skipped ${ref.url}: ${(error as Error).message}\n`);
        }
      }
      ctx.stdout(`imported ${added} new of ${refs.length} sources`);
      return 0;
    }
    case 'export': {
      ctx.stdout(toOpml(repository.list().map((s) => ({ url: s.url, ...(s.name ? { title: s.name } : {}), ...(s.lang ? { lang: s.lang } : {}) }))));
      return 0;
    }
    default:
      throw new CliError('sources takes add, list, remove, import or export');
  }
}

export async function pollSourcesCommand(ctx: CliContext): Promise<number> {
  const poller = createSourcePoller({ db: ctx.db().db, config: ctx.config, ingestor: createCliIngestor(ctx), logger: ctx.logger });
  const report = await poller.pollDue({ force: true });
  ctx.stdout(JSON.stringify(report));
  return report.failed.length > 0 ? 1 : 0;
}
