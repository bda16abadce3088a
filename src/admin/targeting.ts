/**
 * Which subscriptions a breaking item reaches. Pure. The digest matcher (digests/compose.ts
 * rankForProfile) asks "does this classified article meet the subscription?"; a breaking item has
 * no classification yet, only the admin's target, and "all" there means every region or topic,
 * which a one-article candidate cannot express. So the same rules are restated for a target:
 * regions meet when what the subscription covers and what the target covers overlap (a Central
 * Asia item reaches Tajikistan's subscribers and vice versa, a Russia item reaches Tatarstan's),
 * topics when they are equal or either is "all", and keywords as in digests.
 */
import type { Subscription } from '../subscriptions/subscriptions.ts';
import type { Target } from '../subscriptions/target.ts';
import { tokenize } from '../text/normalize.ts';

export interface TargetMatcher {
  /** True when any of the chat's subscriptions wants the item. */
  reaches(subscriptions: readonly Subscription[]): boolean;
}

export function createTargetMatcher(target: Target, text: string, coveredBy: (region: string) => ReadonlySet<string>): TargetMatcher {
  const targetRegions = target.region === 'all' ? undefined : coveredBy(target.region);
  const tokens = new Set(tokenize(text));
  const regionCache = new Map<string, boolean>();

  const regionMeets = (region: string): boolean => {
    if (!targetRegions || region === 'all') return true;
    let hit = regionCache.get(region);
    if (hit === undefined) {
      hit = false;
      for (const id of coveredBy(region)) {
        if (targetRegions.has(id)) {
          hit = true;
          break;
        }
      }
      regionCache.set(region, hit);
    }
    return hit;
  };
  const topicMeets = (topic: string) => target.topic === 'all' || topic === 'all' || topic === target.topic;
  const anyWord = (words: readonly string[]) => words.some((w) => tokenize(w).some((t) => tokens.has(t)));

  return {
    reaches(subscriptions) {
      return subscriptions.some(
        (sub) =>
          regionMeets(sub.region) &&
          topicMeets(sub.topic) &&
          (sub.include.length === 0 || anyWord(sub.include)) &&
          !anyWord(sub.exclude),
      );
    },
  };
}
