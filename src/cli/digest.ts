import { Telegram } from 'telegraf';
import { createDigestService, type ChatDigest } from '../digests/service.ts';
import { createOutbox } from '../delivery/outbox.ts';
import { createSender } from '../delivery/sender.ts';
import { createI18n } from '../i18n.ts';
import { createChatService } from '../subscriptions/chats.ts';
import { createTaxonomy } from '../taxonomy/index.ts';
import { flag } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

/** `briefings digest --now [--chat ID]` and `briefings digest --dry-run --at ISO [--json]`: one code path with the scheduler. */
export async function digestCommand(ctx: CliContext, args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const now = args.includes('--now');
  if (dryRun === now) throw new CliError('digest takes either --now [--chat ID] or --dry-run --at ISO_INSTANT [--json]');
  const atText = flag(args, '--at');
  const at = atText ? Date.parse(atText) : Date.now();
  if (Number.isNaN(at)) throw new CliError(`--at is not an ISO instant: ${atText}`);
  const chatText = flag(args, '--chat');
  const chatId = chatText === undefined ? undefined : Number(chatText);
  if (chatId !== undefined && !Number.isInteger(chatId)) throw new CliError('--chat takes a numeric chat id');
  if (now && !ctx.config.telegramBotToken) throw new CliError('sending needs TELEGRAM_BOT_TOKEN (use --dry-run to see what would be sent)');

  const handle = ctx.db();
  const chats = createChatService({ db: handle.db, config: ctx.config });
  const outbox = createOutbox(handle);
  const digests = createDigestService({ handle, config: ctx.config, taxonomy: createTaxonomy(), i18n: await createI18n(), chats, outbox, logger: ctx.logger });
  // Each digest shrinks to what is printed as it is made, rather than every chat's items kept to the end.
  const due: Array<{ chat_id: number; items: Array<{ id: number; title: string; url: string | null }>; more: number; messages: number }> = [];
  const result = digests.run({
    at, force: now, dryRun, ...(chatId !== undefined ? { chatIds: [chatId] } : {}),
    ...(dryRun
      ? {
          onDigest: (d: ChatDigest) =>
            due.push({ chat_id: d.chatId, items: d.items.map((i) => ({ id: i.article.id, title: i.article.title, url: i.article.url })), more: d.more, messages: d.messageCount }),
        }
      : {}),
  });

  if (dryRun) {
    if (args.includes('--json')) ctx.stdout(JSON.stringify({ due }));
    else {
      ctx.stdout(`${due.length} chat(s) due at ${new Date(at).toISOString()}`);
      for (const d of due) ctx.stdout(`chat ${d.chat_id}: ${d.items.length} item(s)${d.more ? ` +${d.more} more` : ''}, ${d.messages} message(s)`);
    }
    return 0;
  }
  const sender = createSender({
    handle,
    telegram: new Telegram(ctx.config.telegramBotToken as string, { apiRoot: ctx.config.telegramApiRoot }),
    chats,
    sendRate: ctx.config.sendRate,
    logger: ctx.logger,
  });
  const report = await sender.runUntilIdle();
  ctx.stdout(JSON.stringify({ chats: result.digests.length + result.digestsComposed, queued: result.queuedMessages, ...report }));
  return 0;
}
