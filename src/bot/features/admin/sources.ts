import { Composer } from 'telegraf';
import type { AddSourceOutcome } from '../../../admin/index.ts';
import { sourceCheckMessage } from '../../../sources/check.ts';
import { callbackDataOf, parseCallbackData } from '../../callback-data.ts';
import { UserError, type BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { replyHtml, showScreen, toPlainText } from '../../reply.ts';
import { adminServicesOf, clip, requireAdmin, zoneOf } from './common.ts';
import { confirmRemoveScreen, sourcesScreen } from './sources-view.ts';

const ID = /^\d{1,9}$/;
const PAGE = /^\d{1,4}$/;

/** `/sources` lists with pause/resume/remove buttons; `/sources add URL` checks the URL and that it is (or links) a feed. */
export function sourcesFeature(deps: BotDeps): Composer<BotContext> {
  const admin = adminServicesOf(deps);
  const composer = new Composer<BotContext>();
  const list = (ctx: BotContext, page: number) => sourcesScreen(ctx, admin.sources.list(), page, zoneOf(ctx, deps));

  const describeAdded = (ctx: BotContext, outcome: Extract<AddSourceOutcome, { ok: true }>) => {
    const values = { id: String(outcome.source.id), url: outcome.source.url, name: outcome.title ?? '—', count: outcome.items };
    if (!outcome.created) return ctx.t('admin.sources.exists', values);
    return outcome.via ? ctx.t('admin.sources.added_via', { ...values, page: outcome.via }) : ctx.t('admin.sources.added', values);
  };

  composer.command('sources', async (ctx) => {
    const adminId = requireAdmin(ctx, admin);
    const [action, url, ...extra] = ctx.payload.trim().split(/\s+/).filter(Boolean);
    if (!action) return showScreen(ctx, list(ctx, 0));
    if (action !== 'add' || !url || extra.length > 0) throw new UserError('admin.sources.usage');
    const outcome = await admin.sources.add(url, adminId);
    if (!outcome.ok) {
      // The CLI words the same failure from the same keys (in English).
      const { key, values } = sourceCheckMessage(outcome, clip);
      throw new UserError(key, values);
    }
    await replyHtml(ctx, describeAdded(ctx, outcome));
  });

  composer.action(/^src:/, async (ctx) => {
    const adminId = requireAdmin(ctx, admin);
    const data = callbackDataOf(ctx);
    const page = parseCallbackData(data, 'src', 2);
    const act = parseCallbackData(data, 'src', 3);
    if (page?.[0] === 'l' && PAGE.test(page[1] ?? '')) {
      await showScreen(ctx, list(ctx, Number(page[1])));
      await ctx.answerCbQuery();
      return;
    }
    const [op = '', rawId = '', rawPage = ''] = act ?? [];
    if (!act || !ID.test(rawId) || !PAGE.test(rawPage)) throw new UserError('errors.button_expired');
    const id = Number(rawId);
    const at = Number(rawPage);
    if (op === 'd') {
      const source = admin.sources.get(id);
      if (!source) throw new UserError('admin.sources.gone', { id: rawId });
      await showScreen(ctx, confirmRemoveScreen(ctx, source, at));
      await ctx.answerCbQuery();
      return;
    }
    const change = op === 'p' ? admin.sources.pause : op === 'r' ? admin.sources.resume : op === 'x' ? admin.sources.remove : undefined;
    if (!change) throw new UserError('errors.button_expired');
    const outcome = change(id, adminId);
    if (outcome === 'missing') throw new UserError('admin.sources.gone', { id: rawId });
    const done = { p: 'admin.sources.paused', r: 'admin.sources.resumed', x: 'admin.sources.removed' }[op as 'p' | 'r' | 'x'];
    await showScreen(ctx, list(ctx, at));
    await ctx.answerCbQuery(toPlainText(ctx.t(done, { id: rawId })).slice(0, 200));
  });

  return composer;
}
