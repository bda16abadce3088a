import { describe, expect, it } from 'vitest';
import { joinedWords, sentenceWords } from '../../src/enrich/sentence-words.ts';
import { tokenize, trimVocabulary, wordIds } from '../../src/text/normalize.ts';
import { egyptEconomyEn, kazanCultureRu, tajikBorderAr } from '../fixtures/articles.ts';

describe('sentence words', () => {
  it.each([
    ['Arabic', tajikBorderAr.text, 'ar'],
    ['Russian', kazanCultureRu.text, 'ru'],
    ['English', egyptEconomyEn.text, 'en'],
  ])('gives the %s text the same words and ids, sentence by sentence, as tokenizing it whole', (_name, text, lang) => {
    trimVocabulary();
    const sentences = sentenceWords(text, lang);
    expect(sentences.spans.length).toBeGreaterThan(1);
    expect(sentences.coversText).toBe(true);
    const joined = joinedWords(sentences);
    expect(joined.words).toEqual(tokenize(text));
    expect([...joined.ids]).toEqual([...wordIds(tokenize(text))]);
  });

  it('keeps marks, quotes and a dateline inside their sentences and normalizes each one', () => {
    const text = 'МОСКВА, 5 января — «Ёлки» вернулись в Казань. Зрители пришли?\n\nВторой абзац: всё хорошо!';
    const sentences = sentenceWords(text, 'ru');
    expect(sentences.coversText).toBe(true);
    expect(sentences.lines.join(' ')).not.toMatch(/[ЁёА-Я]/);
    expect(joinedWords(sentences).words).toEqual(tokenize(text));
  });
});
