import { Composer } from 'telegraf';
import type { BotContext } from '../../context.ts';
import type { BotDeps } from '../../deps.ts';
import { adminsFeature } from './admins.ts';
import { auditFeature } from './audit.ts';
import { breakingFeature } from './breaking.ts';
import { sourcesFeature } from './sources.ts';
import { statsFeature } from './stats.ts';

export { registerAdminMenus } from './commands.ts';

/** The admin desk; every handler checks the role itself, so the order here does not matter. */
export function adminFeatures(deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>(
    adminsFeature(deps),
    breakingFeature(deps),
    sourcesFeature(deps),
    statsFeature(deps),
    auditFeature(deps),
  );
}
