import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../src/config.ts';
import { createI18n, escapeHtml, isolateForRtl, readLocaleFile } from '../src/i18n.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('locale files', () => {
  it('have the same keys in Arabic, Russian and English, plural forms aside', () => {
    const sets = SUPPORTED_LOCALES.map((l) => new Set(keysOf(readLocaleFile(l)).map((k) => k.replace(PLURAL, ''))));
    const [en, ...others] = sets;
    for (const other of others) expect([...other].sort()).toEqual([...(en ?? [])].sort());
  });

  it('give every plural key all the forms its language needs', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const keys = keysOf(readLocaleFile(locale));
      const bases = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      for (const base of bases) {
        for (const category of categories) expect(keys, `${locale} ${base}_${category}`).toContain(`${base}_${category}`);
      }
    }
  });
});

describe('translation', () => {
  it('uses Russian plural rules: 1 подписка, 3 подписки, 5 подписок', async () => {
    const i18n = await createI18n();
    expect(i18n.t('ru', 'subscriptions.title', { count: 1 })).toContain('1 подписка');
    expect(i18n.t('ru', 'subscriptions.title', { count: 3 })).toContain('3 подписки');
    expect(i18n.t('ru', 'subscriptions.title', { count: 5 })).toContain('5 подписок');
  });

  it('uses the Arabic dual and the Arabic plural forms', async () => {
    const i18n = await createI18n();
    expect(i18n.t('ar', 'subscriptions.title', { count: 2 })).toContain('اشتراكان');
    expect(i18n.t('ar', 'subscriptions.title', { count: 3 })).toContain('اشتراكات');
    expect(i18n.t('ar', 'subscriptions.title', { count: 11 })).toContain('اشتراكاً');
  });

  it('escapes interpolated values so user text cannot inject markup', async () => {
    const i18n = await createI18n();
    const text = i18n.t('en', 'subscribe.unknown_region', { input: '<b>x</b> & co', hint: '' });
    expect(text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; co');
  });

  it('isolates Latin names inside Arabic sentences but leaves Arabic values alone', async () => {
    expect(isolateForRtl('Tajikistan 2024')).toBe('\u2068Tajikistan 2024\u2069');
    expect(isolateForRtl('طاجيكستان')).toBe('طاجيكستان');
    const i18n = await createI18n();
    expect(i18n.t('ar', 'schedule.bad_zone', { input: 'Mars/Olympus' })).toContain('\u2068Mars/Olympus\u2069');
  });

  it('fills a template made once exactly as a translation with the same values, in every language', async () => {
    const i18n = await createI18n();
    const values = [
      { source: 'Asia-Plus <Dushanbe> & Co', time: '14:05' },
      { source: 'الجزيرة نت', time: '2:19 م' },
      { source: 'RT Arabic عربي', time: '٢:١٩ م' },
      { source: 'Татар-информ', time: '3 дек., 09:30' },
      { source: '/subscribe "quoted"', time: 'Dec 3, 9:30 AM' },
    ];
    for (const locale of SUPPORTED_LOCALES) {
      // A key with markup and text around its values, and one that is nothing but its values.
      for (const [key, names] of [['digest.source_time', ['source', 'time']], ['keywords.subscribed', ['target', 'keywords']]] as const) {
        const fill = i18n.template(locale, key, names);
        for (const v of values) {
          const filled = { [names[0]]: v.source, [names[1]]: v.time };
          expect(i18n.t(locale, key, filled)).not.toBe(key);
          expect(fill(filled)).toBe(i18n.t(locale, key, filled));
        }
      }
    }
  });

  it('escapes only what Telegram HTML needs', () => {
    expect(escapeHtml(`a<b>&"c'/`)).toBe('a&lt;b&gt;&amp;&quot;c\'/');
  });
});
