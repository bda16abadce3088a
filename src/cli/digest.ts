import { Telegram } from 'telegraf';
import type { ChatDigest } from '../digests/service.ts';
import { flag } from './args.ts';
import type { CliContext } from './context.ts';
import { CliError } from './context.ts';

const WAIT_POLL_MS = 500;

/** `briefings digest --now [--chat ID] [--wait]` and `briefings digest --dry-run --at ISO [--json]`: one code path with the scheduler. */
export async function digestCommand(ctx: CliContext, args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const now = args.includes('--now');
  if (dryRun === now) throw new CliError('digest takes either --now [--chat ID] [--wait] or --dry-run --at ISO_INSTANT [--json]');
  const atText = flag(args, '--at');
  const at = atText ? Date.parse(atText) : Date.now();
  if (Number.isNaN(at)) throw new CliError(`--at is not an ISO instant: ${atText}`);
  const chatText = flag(args, '--chat');
  const chatId = chatText === undefined ? undefined : Number(chatText);
  if (chatId !== undefined && !Number.isInteger(chatId)) throw new CliError('--chat takes a numeric chat id');
  if (now && !ctx.config.telegramBotToken) throw new CliError('sending needs TELEGRAM_BOT_TOKEN (use --dry-run to see what would be sent)');

  const { digests, outbox, sender: senderFor } = await ctx.pipeline();
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
  const chatsCount = result.digests.length + result.digestsComposed;
  const summary = { chats: chatsCount, queued: result.queuedMessages };
  // A replica queues and leaves sending to the process that holds the lease.
  if (!ctx.config.senderEnabled) {
    ctx.stdout(JSON.stringify({ ...summary, sending: 'off (SENDER=off): left in the outbox' }));
    return 0;
  }
  const sender = senderFor(new Telegram(ctx.config.telegramBotToken as string, { apiRoot: ctx.config.telegramApiRoot }));
  const holder = sender.otherHolder();
  if (holder && !args.includes('--wait')) {
    ctx.stdout(JSON.stringify({ ...summary, sending: `left to the running sender ${holder.holder}` }));
    return 0;
  }
  // With --wait: until this run's rows are sent or failed, by the running sender or, should it die, by this one.
  const mine = `digest:${at}:`;
  let report = await sender.runUntilIdle();
  while (args.includes('--wait') && outbox.unfinished(mine) > 0) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    if (!sender.otherHolder()) report = await sender.runUntilIdle();
  }
  const left = outbox.unfinished(mine);
  ctx.stdout(JSON.stringify({ ...summary, ...report, ...(holder ? { sentBy: holder.holder } : {}), unfinished: left }));
  return 0;
}
