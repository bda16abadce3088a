import { describe, expect, it } from 'vitest';
import { checkBreakingText, cleanBreakingText, splitBreakingInput } from '../../src/admin/breaking-format.ts';
import { createTargetMatcher } from '../../src/admin/targeting.ts';
import type { Subscription } from '../../src/subscriptions/subscriptions.ts';
import { createTaxonomy } from '../../src/taxonomy/index.ts';

const taxonomy = createTaxonomy();
const coveredBy = (region: string) => taxonomy.coveredBy(region);
const sub = (region: string, topic = 'all', include: string[] = [], exclude: string[] = []): Subscription => ({ region, topic, include, exclude });
const reaches = (target: { region: string; topic: string }, subs: Subscription[], text = 'Flood in the valley') =>
  createTargetMatcher(target, text, coveredBy).reaches(subs);

describe('which subscriptions a breaking item reaches', () => {
  it('meets regions through macro-regions and republics, both ways', () => {
    expect(reaches({ region: 'TJ', topic: 'all' }, [sub('central-asia')])).toBe(true);
    expect(reaches({ region: 'central-asia', topic: 'all' }, [sub('TJ')])).toBe(true);
    expect(reaches({ region: 'RU', topic: 'all' }, [sub('RU-TA')])).toBe(true);
    expect(reaches({ region: 'RU-TA', topic: 'all' }, [sub('RU')])).toBe(true);
    expect(reaches({ region: 'RU-TA', topic: 'all' }, [sub('north-caucasus')])).toBe(false);
    expect(reaches({ region: 'TJ', topic: 'all' }, [sub('EG')])).toBe(false);
  });

  it('treats "all" on either side as any region or topic', () => {
    expect(reaches({ region: 'all', topic: 'all' }, [sub('EG', 'sports')])).toBe(true);
    expect(reaches({ region: 'TJ', topic: 'security' }, [sub('all', 'security')])).toBe(true);
    expect(reaches({ region: 'TJ', topic: 'security' }, [sub('TJ', 'economy')])).toBe(false);
    expect(reaches({ region: 'TJ', topic: 'all' }, [sub('TJ', 'economy')])).toBe(true);
    expect(reaches({ region: 'all', topic: 'all' }, [])).toBe(false);
  });

  it('honours a subscription\'s keywords as digests do', () => {
    expect(reaches({ region: 'all', topic: 'all' }, [sub('all', 'all', ['FLOOD'])], 'Flood in the valley')).toBe(true);
    expect(reaches({ region: 'all', topic: 'all' }, [sub('all', 'all', ['election'])])).toBe(false);
    expect(reaches({ region: 'all', topic: 'all' }, [sub('all', 'all', [], ['valley'])])).toBe(false);
  });
});

describe('breaking input', () => {
  it('splits the target from the text at the first bar; without one, all is text', () => {
    expect(splitBreakingInput(' Tajikistan security | Roads closed | detour via Vahdat ')).toEqual({ targetText: 'Tajikistan security', text: 'Roads closed | detour via Vahdat' });
    expect(splitBreakingInput('Roads closed')).toEqual({ targetText: '', text: 'Roads closed' });
    expect(splitBreakingInput('| Roads closed')).toEqual({ targetText: '', text: 'Roads closed' });
  });

  it('keeps lines but drops control characters, bidi overrides and blank runs', () => {
    expect(cleanBreakingText('  a\u0007b\r\n\r\n\r\n\r\nc\u202Ed  \n')).toBe('a b\n\nc' + 'd');
  });

  it('counts the limit in the units Telegram counts', () => {
    expect(checkBreakingText('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkBreakingText('x'.repeat(3500))).toEqual({ ok: true });
    expect(checkBreakingText('x'.repeat(3501))).toEqual({ ok: false, reason: 'too_long', length: 3501, max: 3500 });
  });
});
