import { Composer } from 'telegraf';
import {
  BREAKING_DRAFT_TTL_MS, checkBreakingText, formatBreaking, splitBreakingInput, type BreakingDraft,
} from '../../../admin/index.ts';
import { pressedData } from '../../../buttons/kind.ts';
import { BREAKING } from '../../../buttons/kinds.ts';
import { UserError, type BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { showScreen, toPlainText, type Screen } from '../../reply.ts';
import { resolveTargetOrThrow, targetLabel, type TargetErrorKeys } from '../subscribe.ts';
import { adminServicesOf, requireAdmin } from './common.ts';

/** Like /subscribe's parsing, with hints that speak of /breaking. */
const BREAKING_ERRORS: TargetErrorKeys = {
  tooLong: 'admin.breaking.target_too_long',
  unknownPrefix: 'admin.breaking.unknown_',
  noSuggestions: 'admin.breaking.target_hint',
};

/**
 * `/breaking [REGION] [TOPIC] | TEXT`: a preview with its targeting and reach, then Send or Cancel.
 * The buttons carry `brk:<draft>:<nonce>:s|c`; the desk checks admin, nonce, expiry and status.
 */
export function breakingFeature(deps: BotDeps): Composer<BotContext> {
  const admin = adminServicesOf(deps);
  const composer = new Composer<BotContext>();

  const preview = (ctx: BotContext, draft: BreakingDraft, reach: number): Screen => {
    const header = [
      ctx.t('admin.breaking.preview_title'),
      ctx.t('admin.breaking.target', { target: targetLabel(ctx, deps, draft.target) }),
      ctx.t('admin.breaking.reach', { count: reach }),
      ctx.t('admin.breaking.expires', { count: Math.round(BREAKING_DRAFT_TTL_MS / 60_000) }),
    ].join('\n');
    return {
      text: `${header}\n\n${formatBreaking(ctx.t, draft.text)}`,
      keyboard: {
        inline_keyboard: [
          [
            { text: ctx.t('admin.breaking.send_button', { count: reach }), callback_data: BREAKING.press.pack({ draft: draft.id, nonce: draft.nonce, op: 's' }) },
            { text: ctx.t('admin.breaking.cancel_button'), callback_data: BREAKING.press.pack({ draft: draft.id, nonce: draft.nonce, op: 'c' }) },
          ],
        ],
      },
    };
  };

  composer.command('breaking', async (ctx) => {
    const adminId = requireAdmin(ctx, admin);
    const { targetText, text } = splitBreakingInput(ctx.payload);
    const check = checkBreakingText(text);
    if (!check.ok && check.reason === 'empty') throw new UserError('admin.breaking.usage');
    if (!check.ok && check.reason === 'too_long') throw new UserError('admin.breaking.too_long', { length: check.length, max: check.max });
    const target = resolveTargetOrThrow(ctx, deps, targetText, BREAKING_ERRORS);
    const { draft, reach } = admin.breaking.prepare({ adminId, text, target });
    await showScreen(ctx, preview(ctx, draft, reach));
  });

  composer.action(BREAKING.press.trigger, async (ctx) => {
    const adminId = requireAdmin(ctx, admin);
    const args = BREAKING.press.unpack(pressedData(ctx));
    if (!args || args.draft >= 1e12) throw new UserError('admin.breaking.problem_invalid');
    const press = { draftId: args.draft, nonce: args.nonce, adminId };
    if (args.op === 'c') {
      const outcome = admin.breaking.cancel(press);
      if (!outcome.ok) throw new UserError(`admin.breaking.problem_${outcome.problem}`);
      await showScreen(ctx, { text: ctx.t('admin.breaking.cancelled') });
      await ctx.answerCbQuery();
      return;
    }
    const outcome = admin.breaking.send(press);
    if (!outcome.ok) throw new UserError(`admin.breaking.problem_${outcome.problem}`);
    const sent = ctx.t('admin.breaking.sent', { count: outcome.chats });
    // The preview becomes the record of what went out: the same message, no buttons left to press.
    await showScreen(ctx, { text: `${sent}\n\n${formatBreaking(ctx.t, outcome.draft.text)}` });
    await ctx.answerCbQuery(toPlainText(sent).slice(0, 200));
  });

  return composer;
}
