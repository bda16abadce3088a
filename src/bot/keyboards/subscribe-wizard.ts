import type { InlineKeyboardButton } from 'telegraf/types';
import type { Locale } from '../../config.ts';
import type { Translate } from '../../i18n.ts';
import type { Subscription } from '../../subscriptions/subscriptions.ts';
import { MACRO_REGION_IDS, type Taxonomy } from '../../taxonomy/index.ts';
import type { Screen } from '../reply.ts';
import { button, rows } from './buttons.ts';

export const PAGE_SIZE = 8;
const CHECK = '✅ ';

interface WizardView {
  taxonomy: Taxonomy;
  t: Translate;
  locale: Locale;
  subscriptions: Subscription[];
}

const followsRegion = (subs: Subscription[], region: string) => subs.some((s) => s.region === region);

export function regionLabel(taxonomy: Taxonomy, t: Translate, locale: Locale, id: string): string {
  return id === 'all' ? t('common.all_regions') : taxonomy.regionName(id, locale);
}

export function topicLabel(taxonomy: Taxonomy, t: Translate, locale: Locale, id: string): string {
  return id === 'all' ? t('common.all_topics') : taxonomy.topicName(id, locale);
}

/** Step 1: the fourteen macro-regions, and "all regions" for people who follow topics only. */
export function macroScreen(view: WizardView): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const macros = MACRO_REGION_IDS.map((id) => {
    const members = taxonomy.coveredBy(id);
    const marked = followsRegion(subscriptions, id) || subscriptions.some((s) => members.has(s.region));
    return button((marked ? CHECK : '') + taxonomy.regionName(id, locale), 'sub', 'c', id, 0);
  });
  return {
    text: t('wizard.macro_title'),
    keyboard: {
      inline_keyboard: [
        [button((followsRegion(subscriptions, 'all') ? CHECK : '') + t('common.all_regions'), 'sub', 't', 'all', 'm', 0)],
        ...rows(macros, 2),
        [button(t('common.done'), 'sub', 'done')],
      ],
    },
  };
}

/** The places listed under a macro-region: its countries, and the Russian republics where they belong. */
export function placesOf(taxonomy: Taxonomy, macro: string, locale: Locale): string[] {
  const info = taxonomy.regions.get(macro);
  const byName = (a: string, b: string) =>
    taxonomy.regionName(a, locale).localeCompare(taxonomy.regionName(b, locale), locale);
  const members = [...(info?.members ?? [])].sort(byName);
  // Republics follow their country (Russia's under Europe), so Tatarstan can be picked too.
  const subdivisions = members
    .flatMap((id) => [...taxonomy.coveredBy(id)].filter((sub) => sub !== id && !members.includes(sub)))
    .sort(byName);
  return [...members, ...subdivisions];
}

/** Step 2: places of one macro-region, a page at a time; ✅ marks the ones followed. */
export function countriesScreen(view: WizardView, macro: string, page: number): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const places = placesOf(taxonomy, macro, locale);
  const pages = Math.max(1, Math.ceil(places.length / PAGE_SIZE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const slice = places.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const placeButtons = slice.map((id) =>
    button((followsRegion(subscriptions, id) ? CHECK : '') + taxonomy.regionName(id, locale), 'sub', 't', id, macro, current),
  );
  const nav: InlineKeyboardButton[] = [];
  if (current > 0) nav.push(button(t('common.prev'), 'sub', 'c', macro, current - 1));
  if (current < pages - 1) nav.push(button(t('common.next'), 'sub', 'c', macro, current + 1));
  const macroName = taxonomy.regionName(macro, locale);
  return {
    text: t('wizard.countries_title', { macro: macroName, page: current + 1, pages }),
    keyboard: {
      inline_keyboard: [
        [button((followsRegion(subscriptions, macro) ? CHECK : '') + t('wizard.whole_macro', { macro: macroName }), 'sub', 't', macro, macro, current)],
        ...rows(placeButtons, 2),
        ...(nav.length > 0 ? [nav] : []),
        [button(t('common.back'), 'sub', 'm')],
      ],
    },
  };
}

/** Step 3: topics for one region; each tap subscribes or unsubscribes at once. */
export function topicsScreen(view: WizardView, region: string, backMacro: string, page: number): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const has = (topic: string) => subscriptions.some((s) => s.region === region && s.topic === topic);
  const topicButtons = taxonomy.topics.map((topic) =>
    button((has(topic) ? CHECK : '') + taxonomy.topicName(topic, locale), 'sub', 'x', region, topic, backMacro, page),
  );
  const back = backMacro === 'm' ? button(t('common.back'), 'sub', 'm') : button(t('common.back'), 'sub', 'c', backMacro, page);
  return {
    text: t('wizard.topics_title', { region: regionLabel(taxonomy, t, locale, region) }),
    keyboard: {
      inline_keyboard: [
        [button((has('all') ? CHECK : '') + t('common.all_topics'), 'sub', 'x', region, 'all', backMacro, page)],
        ...rows(topicButtons, 2),
        [back, button(t('common.done'), 'sub', 'done')],
      ],
    },
  };
}
