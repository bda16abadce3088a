import { describe, expect, it } from 'vitest';
import { compileKeywords, MAX_KEYWORDS, mergeKeywords, parseKeywords, storyHas, storyStems } from '../../src/subscriptions/keywords.ts';

const parsed = (input: string, unsigned: 'target' | 'include' = 'target') => {
  const result = parseKeywords(input, unsigned);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
};
const problem = (input: string, unsigned: 'target' | 'include' = 'target') => {
  const result = parseKeywords(input, unsigned);
  return result.ok ? undefined : result.problem;
};

describe('reading keywords out of command arguments', () => {
  it('takes +/- words and quoted phrases out and leaves the region and topic in order', () => {
    const result = parsed('Tajikistan +water security -"premier league" +«питьевая вода»');
    expect(result.rest).toBe('Tajikistan security');
    expect(result.keywords).toEqual({ include: ['water', 'питьевая вода'], exclude: ['premier league'] });
  });

  it('leaves a sign standing alone and hyphens inside names to the region parser', () => {
    expect(parsed('Tajikistan - security').rest).toBe('Tajikistan - security');
    expect(parsed('Kabardino-Balkaria').keywords).toEqual({ include: [], exclude: [] });
  });

  it('treats unsigned words of a keyword reply as + words', () => {
    expect(parsed('water "drinking water" −football', 'include').keywords).toEqual({
      include: ['water', 'drinking water'],
      exclude: ['football'],
    });
  });

  it('keeps one of two keywords with the same stems, as first typed, and drops a trailing comma', () => {
    expect(parsed('+Water, +waters -football').keywords).toEqual({ include: ['Water'], exclude: ['football'] });
  });

  it('names each kind of bad keyword', () => {
    expect(problem('Egypt +waterماء')).toBe('mixed_script');
    expect(problem('Egypt +""')).toBe('empty');
    expect(problem('Egypt +"   "')).toBe('empty');
    expect(problem('Egypt +!!!')).toBe('no_words');
    expect(problem('Egypt +"drinking water -football')).toBe('unclosed_quote');
    expect(problem('Egypt +water -waters')).toBe('conflict');
    expect(problem(`Egypt +${'a'.repeat(51)}`)).toBe('too_long');
    expect(problem(Array.from({ length: MAX_KEYWORDS + 1 }, (_, i) => `+w${i}`).join(' '))).toBe('too_many');
    expect(problem('+', 'include')).toBe('empty');
  });
});

describe('adding keywords to a subscription', () => {
  it('adds only what is new and refuses a word already excluded or a total over the limit', () => {
    const base = { include: ['water'], exclude: ['football'] };
    expect(mergeKeywords(base, { include: ['waters', 'dam'], exclude: [] })).toMatchObject({ ok: true, added: 1, keywords: { include: ['water', 'dam'] } });
    expect(mergeKeywords(base, { include: ['football'], exclude: [] })).toMatchObject({ ok: false, problem: 'conflict' });
    const many = Array.from({ length: MAX_KEYWORDS - 1 }, (_, i) => `w${i}`);
    expect(mergeKeywords(base, { include: many, exclude: [] })).toMatchObject({ ok: false, problem: 'too_many', count: MAX_KEYWORDS + 1 });
  });
});

describe('matching keywords against a story', () => {
  const story = storyStems([
    { title: 'Dushanbe opens a plant for drinking water', summary: ['The plant serves the capital.'] },
    { title: 'В Душанбе открыли станцию', summary: ['Станция очистит питьевую воду.'] },
    { title: 'افتتاح محطة في دوشنبه', summary: ['المحطة تنقي المياه.'] },
  ]);
  const has = (word: string) => storyHas(story, compileKeywords([word])[0] as string[]);

  it('finds inflected forms in every language of the story', () => {
    expect(has('waters')).toBe(true);
    expect(has('вода')).toBe(true);
    expect(has('مياه')).toBe(true);
    expect(has('football')).toBe(false);
  });

  it('matches a phrase only as consecutive stems inside one sentence', () => {
    expect(has('drinking water')).toBe(true);
    expect(has('питьевая вода')).toBe(true);
    expect(has('water drinking')).toBe(false);
    // "water" ends one title and "the" starts the next sentence: no phrase across them.
    expect(has('water the')).toBe(false);
  });
});
