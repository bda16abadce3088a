/** Bot-level methods: identity, commands, updates/webhook, chat lookups. */
import type { BotCommand } from 'telegraf/types';
import { boolParam, intParam, jsonParam, stringParam, type Params } from './body.ts';
import { reply, type MethodHandler } from './context.ts';
import { badRequest, conflict, DESCRIPTIONS, stateBadRequest } from './errors.ts';
import { botUser, chatMember } from './members.ts';
import { botMembership, chatInfo, chatObject, requireChatId, type World } from './state.ts';

const SCOPE_TYPES = new Set([
  'default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member',
]);
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const WEBHOOK_PORTS = new Set(['', '80', '88', '443', '8443']);

/** A stable key for a BotCommandScope, so { type: 'default' } and no scope are the same. */
export function scopeKey(raw: unknown): string {
  if (raw === undefined || raw === null) return 'default';
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest("can't parse BotCommandScope JSON object");
  const scope = raw as { type?: unknown; chat_id?: unknown; user_id?: unknown };
  if (typeof scope.type !== 'string' || !SCOPE_TYPES.has(scope.type)) throw badRequest('unsupported bot command scope type');
  const parts = [scope.type];
  if (scope.chat_id !== undefined) parts.push(`chat=${String(scope.chat_id)}`);
  if (scope.user_id !== undefined) parts.push(`user=${String(scope.user_id)}`);
  return parts.join(':');
}

export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const language = languageCode ?? '';
  // tdlib: empty or exactly two lowercase latin letters.
  if (language !== '' && !/^[a-z]{2}$/.test(language)) throw badRequest('invalid language code specified');
  return `${scopeKey(scope)}|${language}`;
}

function checkCommands(raw: unknown): BotCommand[] {
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  return raw.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as { command?: unknown; description?: unknown };
    // tdlib trims both and drops a leading '/', then the server checks the alphabet.
    const command = String(entry.command ?? '').trim().replace(/^\//, '');
    const description = String(entry.description ?? '').trim();
    if (command === '') throw badRequest('command must be non-empty');
    if ([...command].length > 32) throw badRequest('command length must not exceed 32');
    if (description === '') throw badRequest('command description must be non-empty');
    if ([...description].length > 256) throw badRequest('command description length must not exceed 256');
    if (!COMMAND_NAME.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    return { command, description };
  });
}

function allowedUpdatesParam(params: Params): string[] | undefined {
  const raw = jsonParam(params, 'allowed_updates');
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest("can't parse allowed updates JSON object");
  return raw.map(String);
}

function webhookInfo(world: World, pending: number): Record<string, unknown> {
  const info: Record<string, unknown> = {
    url: world.webhook?.url ?? '',
    has_custom_certificate: world.webhook?.hasCustomCertificate ?? false,
    pending_update_count: pending,
  };
  if (world.webhook) {
    info.max_connections = world.webhook.maxConnections;
    if (world.webhook.allowedUpdates) info.allowed_updates = world.webhook.allowedUpdates;
  }
  return info;
}

export const botMethods: Record<string, MethodHandler> = {
  getMe: (ctx) => reply(ctx.botInfo),

  setMyCommands: (ctx, params) => {
    const key = commandsKey(jsonParam(params, 'scope'), stringParam(params, 'language_code'));
    const commands = checkCommands(jsonParam(params, 'commands'));
    if (commands.length === 0) ctx.world.commands.delete(key);
    else ctx.world.commands.set(key, commands);
    return reply(true);
  },

  getMyCommands: (ctx, params) => {
    // No fallback between languages here: Telegram returns exactly what was set for this pair.
    const key = commandsKey(jsonParam(params, 'scope'), stringParam(params, 'language_code'));
    return reply(ctx.world.commands.get(key) ?? []);
  },

  deleteMyCommands: (ctx, params) => {
    ctx.world.commands.delete(commandsKey(jsonParam(params, 'scope'), stringParam(params, 'language_code')));
    return reply(true);
  },

  getUpdates: async (ctx, params, signal) => {
    if (ctx.world.webhook) {
      throw conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const number = (name: string): number | undefined => {
      const value = intParam(params, name);
      return value === undefined || Number.isNaN(value) ? undefined : value;
    };
    const updates = await ctx.updates.poll(
      { offset: number('offset'), limit: number('limit'), timeoutSeconds: number('timeout'), allowedUpdates: allowedUpdatesParam(params) },
      signal,
    );
    return reply(updates);
  },

  setWebhook: (ctx, params) => {
    const url = stringParam(params, 'url') ?? '';
    if (boolParam(params, 'drop_pending_updates')) ctx.updates.dropPending();
    if (url === '') {
      const had = ctx.world.webhook !== undefined;
      ctx.world.webhook = undefined;
      return reply(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    if (!WEBHOOK_PORTS.has(parsed.port)) throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
    const maxConnections = intParam(params, 'max_connections');
    const allowedUpdates = allowedUpdatesParam(params);
    ctx.world.webhook = {
      url,
      hasCustomCertificate: params.certificate !== undefined,
      maxConnections: maxConnections && !Number.isNaN(maxConnections) ? maxConnections : 40,
    };
    if (allowedUpdates) ctx.world.webhook.allowedUpdates = allowedUpdates;
    return reply(true, 'Webhook was set');
  },

  deleteWebhook: (ctx, params) => {
    if (boolParam(params, 'drop_pending_updates')) ctx.updates.dropPending();
    const had = ctx.world.webhook !== undefined;
    ctx.world.webhook = undefined;
    return reply(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  },

  getWebhookInfo: (ctx) => reply(webhookInfo(ctx.world, ctx.updates.pending())),

  getChat: (ctx, params) => {
    const chatId = requireChatId(ctx.world, params);
    const target = ctx.world.migrated.get(chatId);
    if (target !== undefined) throw stateBadRequest(DESCRIPTIONS.migrated, { migrate_to_chat_id: target });
    // Telegram sends is_forum only when true; chatObject knows that rule.
    const { is_forum: _isForum, ...info } = chatInfo(ctx.world, chatId);
    return reply({ ...info, ...chatObject(ctx.world, chatId), accent_color_id: 0, max_reaction_count: 11 });
  },

  getChatMember: (ctx, params) => {
    const chatId = requireChatId(ctx.world, params);
    const userId = intParam(params, 'user_id');
    if (userId === undefined || Number.isNaN(userId) || userId <= 0) throw badRequest('invalid user_id specified');
    const channel = chatInfo(ctx.world, chatId).type === 'channel';
    if (userId === ctx.botInfo.id) {
      const { status, explicit: _explicit, ...rights } = botMembership(ctx.world, chatId, userId);
      return reply(chatMember(botUser(ctx.botInfo), status, { ...rights, channel }));
    }
    const key = `${chatId}:${userId}`;
    // A group's users are usually members; a channel's readers mostly are not, and the test names those who are.
    const status = ctx.world.members.get(key) ?? (channel ? 'left' : 'member');
    const user = { id: userId, is_bot: false, first_name: `User ${userId}` };
    return reply(chatMember(user, status, { ...ctx.world.memberRights.get(key), channel }));
  },

  leaveChat: (ctx, params) => {
    const chatId = requireChatId(ctx.world, params);
    // Leaving only means something for groups; afterwards sends get 403 until unblockChat.
    if (chatId < 0) ctx.world.left.add(chatId);
    return reply(true);
  },
};
