import { Composer } from 'telegraf';
import type { AddSourceOutcome } from '../../../admin/index.ts';
import { sourceCheckMessage } from '../../../sources/check.ts';
import { pressedData } from '../../../buttons/kind.ts';
import { SOURCES } from '../../../buttons/kinds.ts';
import { UserError, type BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { replyHtml, showScreen, toPlainText } from '../../reply.ts';
import { adminServicesOf, clip, requireAdmin, zoneOf } from './common.ts';
import { confirmRemoveScreen, sourcesScreen } from './sources-view.ts';

/** Bounds a forged press: source ids and pages are small numbers. */
const MAX_ID = 1e9;
const MAX_PAGE = 1e4;

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
    const data = pressedData(ctx);
    const page = SOURCES.list.unpack(data);
    const act = SOURCES.act.unpack(data);
    if (page && page.page < MAX_PAGE) {
      await showScreen(ctx, list(ctx, page.page));
      await ctx.answerCbQuery();
      return;
    }
    if (!act || act.source >= MAX_ID || act.page >= MAX_PAGE) throw new UserError('errors.button_expired');
    const { op, source: id, page: at } = act;
    const rawId = String(id);
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
