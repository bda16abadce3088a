import { readFile } from 'node:fs/promises';
import { createI18n } from '../i18n.ts';
import { checkSource, createSourceCheckDeps, sourceCheckMessage, type SourceCheckFailure } from '../sources/check.ts';
import { parseOpml, toOpml } from '../sources/opml.ts';
import { createSourcePoller } from '../sources/poller.ts';
import { createSourceRepository, type SourceRepository } from '../sources/repository.ts';
import { resolveUrl } from '../sources/util.ts';
import { flag, positionals } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

function validUrl(input: string): string {
  const url = resolveUrl(input);
  if (!url) throw new CliError(`not an http(s) URL: ${input}`);
  return url;
}

const LANG = /^[a-z]{2}$/;

/** The bot's English sentence for the same failure, as plain text: one wording for both ways in. */
async function describeFailure(failure: SourceCheckFailure): Promise<string> {
  const { key, values } = sourceCheckMessage(failure);
  const html = (await createI18n()).t('en', key, values);
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** `sources add URL`: fetched and checked as `/sources add` in the bot does, unless `--no-check`. */
async function addSource(ctx: CliContext, repository: SourceRepository, rest: string[]): Promise<number> {
  const [url] = positionals(rest, ['--lang', '--name']);
  if (!url) throw new CliError('sources add needs a URL');
  const lang = flag(rest, '--lang');
  if (lang && !LANG.test(lang)) throw new CliError('--lang takes a two-letter code such as ar, ru or en');
  const name = flag(rest, '--name');
  if (rest.includes('--no-check')) {
    const { source, created } = repository.add({ url: validUrl(url), name, lang });
    ctx.stdout(created ? `added source ${source.id}: ${source.url}` : `source ${source.id} already has this URL`);
    return 0;
  }
  const check = await checkSource(url, createSourceCheckDeps({ allowPrivate: ctx.config.allowPrivateSources }));
  if (!check.ok) throw new CliError(await describeFailure(check), 1);
  const { source, created } = repository.add({ url: check.url, name: name ?? check.title, lang: lang ?? check.lang });
  if (!created) {
    ctx.stdout(`source ${source.id} already has this URL: ${source.url}`);
    return 0;
  }
  const found = check.via ? ` (the feed ${check.via} links to)` : '';
  ctx.stdout(`added source ${source.id}: ${source.url}${found}, ${source.name ?? 'unnamed'}, ${check.items} item${check.items === 1 ? '' : 's'} now`);
  return 0;
}

export async function sourcesCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const repository = createSourceRepository(ctx.db().db);
  switch (action) {
    case 'add':
      return addSource(ctx, repository, rest);
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
  const poller = createSourcePoller({ db: ctx.db().db, config: ctx.config, ingestor: await (await ctx.pipeline()).ingestor(), logger: ctx.logger });
  const report = await poller.pollDue({ force: true });
  ctx.stdout(JSON.stringify(report));
  return report.failed.length > 0 ? 1 : 0;
}
