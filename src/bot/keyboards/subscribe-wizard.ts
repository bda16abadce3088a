import type { InlineKeyboardButton } from 'telegraf/types';
import type { Locale } from '../../config.ts';
import type { Translate } from '../../i18n.ts';
import type { Subscription } from '../../subscriptions/subscriptions.ts';
import { MACRO_REGION_IDS, type Taxonomy } from '../../taxonomy/index.ts';
import type { Screen } from '../reply.ts';
import { SUBSCRIBE } from '../../buttons/kinds.ts';
import { button, rows } from './buttons.ts';

export const PAGE_SIZE = 8;
const CHECK = '✅ ';
/** Russia, the country the newsroom writes most about, is a first step of its own, with its republics. */
export const RUSSIA = 'RU';
/** What step 1 offers besides "all regions": Russia, then the fourteen macro-regions. */
export const WIZARD_GROUPS: readonly string[] = [RUSSIA, ...MACRO_REGION_IDS];
/** A places list longer than this many pages gets a row of first letters to jump by. */
const LETTERS_FROM_PAGES = 3;
const LETTERS_PER_ROW = 8;

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

/** Step 1: Russia, the fourteen macro-regions, and "all regions" for people who follow topics only. */
export function macroScreen(view: WizardView): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const russia = taxonomy.coveredBy(RUSSIA);
  const macros = MACRO_REGION_IDS.map((id) => {
    const members = taxonomy.coveredBy(id);
    const marked = followsRegion(subscriptions, id) || subscriptions.some((s) => members.has(s.region));
    return button((marked ? CHECK : '') + taxonomy.regionName(id, locale), SUBSCRIBE.countries, { macro: id, page: 0 });
  });
  return {
    text: t('wizard.macro_title'),
    keyboard: {
      inline_keyboard: [
        [button((followsRegion(subscriptions, 'all') ? CHECK : '') + t('common.all_regions'), SUBSCRIBE.topics, { region: 'all', back: 'm', page: 0 })],
        [button((subscriptions.some((s) => russia.has(s.region)) ? CHECK : '') + taxonomy.regionName(RUSSIA, locale), SUBSCRIBE.countries, { macro: RUSSIA, page: 0 })],
        ...rows(macros, 2),
        [button(t('common.done'), SUBSCRIBE.done, {})],
      ],
    },
  };
}

/**
 * The places listed under a step-1 choice: a macro-region's countries (Russia among Europe's, its
 * republics under its own entry), or Russia's republics.
 */
export function placesOf(taxonomy: Taxonomy, group: string, locale: Locale): string[] {
  const byName = (a: string, b: string) =>
    taxonomy.regionName(a, locale).localeCompare(taxonomy.regionName(b, locale), locale);
  if (group === RUSSIA) return [...taxonomy.coveredBy(RUSSIA)].filter((id) => id !== RUSSIA).sort(byName);
  return [...(taxonomy.regions.get(group)?.members ?? [])].sort(byName);
}

/** First letters of the places, each with the page its first place is on. */
function letterJumps(taxonomy: Taxonomy, places: readonly string[], locale: Locale): Array<{ letter: string; page: number }> {
  const jumps: Array<{ letter: string; page: number }> = [];
  places.forEach((id, i) => {
    // أ, إ and آ are one letter to a reader looking for a place, as the sort order has them.
    const letter = taxonomy.regionName(id, locale).trim().charAt(0).toLocaleUpperCase(locale).replace(/[أإآ]/, 'ا');
    if (letter && !jumps.some((j) => j.letter === letter)) jumps.push({ letter, page: Math.floor(i / PAGE_SIZE) });
  });
  return jumps;
}

/** Step 2: places of one macro-region, a page at a time; ✅ marks the ones followed. */
export function countriesScreen(view: WizardView, macro: string, page: number): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const places = placesOf(taxonomy, macro, locale);
  const pages = Math.max(1, Math.ceil(places.length / PAGE_SIZE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const slice = places.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const placeButtons = slice.map((id) =>
    button((followsRegion(subscriptions, id) ? CHECK : '') + taxonomy.regionName(id, locale), SUBSCRIBE.topics, { region: id, back: macro, page: current }),
  );
  // Page buttons say where they go, so neither reads like "Back" (in Arabic they point the other way).
  const nav: InlineKeyboardButton[] = [];
  if (current > 0) nav.push(button(t('wizard.page_prev', { page: current }), SUBSCRIBE.countries, { macro, page: current - 1 }));
  if (current < pages - 1) nav.push(button(t('wizard.page_next', { page: current + 2 }), SUBSCRIBE.countries, { macro, page: current + 1 }));
  const jumps = pages >= LETTERS_FROM_PAGES ? letterJumps(taxonomy, places, locale) : [];
  const letters = jumps.map((j) => button(j.page === current ? `·${j.letter}·` : j.letter, SUBSCRIBE.countries, { macro, page: j.page }));
  const macroName = taxonomy.regionName(macro, locale);
  const whole = macro === RUSSIA ? t('wizard.whole_russia') : t('wizard.whole_macro', { macro: macroName });
  return {
    text: t('wizard.countries_title', { macro: macroName, page: current + 1, pages }),
    keyboard: {
      inline_keyboard: [
        [button((followsRegion(subscriptions, macro) ? CHECK : '') + whole, SUBSCRIBE.topics, { region: macro, back: macro, page: current })],
        ...rows(placeButtons, 2),
        ...(nav.length > 0 ? [nav] : []),
        ...rows(letters, LETTERS_PER_ROW),
        [button(t('common.back'), SUBSCRIBE.macros, {}), button(t('common.done'), SUBSCRIBE.done, {})],
      ],
    },
  };
}

/** Step 3: topics for one region; each tap subscribes or unsubscribes at once. */
export function topicsScreen(view: WizardView, region: string, backMacro: string, page: number): Screen {
  const { taxonomy, t, locale, subscriptions } = view;
  const has = (topic: string) => subscriptions.some((s) => s.region === region && s.topic === topic);
  const topicButtons = taxonomy.topics.map((topic) =>
    button((has(topic) ? CHECK : '') + taxonomy.topicName(topic, locale), SUBSCRIBE.toggle, { region, topic, back: backMacro, page }),
  );
  const back = backMacro === 'm' ? button(t('common.back'), SUBSCRIBE.macros, {}) : button(t('common.back'), SUBSCRIBE.countries, { macro: backMacro, page });
  return {
    text: t('wizard.topics_title', { region: regionLabel(taxonomy, t, locale, region) }),
    keyboard: {
      inline_keyboard: [
        [button((has('all') ? CHECK : '') + t('common.all_topics'), SUBSCRIBE.toggle, { region, topic: 'all', back: backMacro, page })],
        ...rows(topicButtons, 2),
        [back, button(t('common.done'), SUBSCRIBE.done, {})],
      ],
    },
  };
}
