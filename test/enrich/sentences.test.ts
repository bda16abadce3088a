import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/enrich/sentences.ts';

const texts = (text: string, lang: string): string[] => splitSentences(text, lang).map((s) => s.text);

function expectVerbatim(text: string, lang: string): void {
  for (const s of splitSentences(text, lang)) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
  }
}

describe('splitSentences in English', () => {
  it('keeps titles, initials and dotted abbreviations inside the sentence', () => {
    const text =
      'Mr. Hale met Dr. Ortiz in the U.S. capital on Monday. J. R. Simmons, a lawyer, joined them. ' +
      'The firm, Northwind Inc. said nothing, e.g. about fees.';
    expect(texts(text, 'en')).toEqual([
      'Mr. Hale met Dr. Ortiz in the U.S. capital on Monday.',
      'J. R. Simmons, a lawyer, joined them.',
      'The firm, Northwind Inc. said nothing, e.g. about fees.',
    ]);
  });

  it('ends a sentence at an abbreviation when a typical sentence opener follows', () => {
    expect(texts('The talks ended at 9 p.m. The delegates left on Jan. 4 by train.', 'en')).toEqual([
      'The talks ended at 9 p.m.',
      'The delegates left on Jan. 4 by train.',
    ]);
  });

  it('does not split decimal numbers or thousands separators', () => {
    expect(texts('Prices rose 3.5 percent to $1,200.50 a tonne. Traders were surprised.', 'en')).toEqual([
      'Prices rose 3.5 percent to $1,200.50 a tonne.',
      'Traders were surprised.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(texts('"We will rebuild the bridge." The mayor smiled. (The vote is on Friday.) Done!', 'en')).toEqual([
      '"We will rebuild the bridge."',
      'The mayor smiled.',
      '(The vote is on Friday.)',
      'Done!',
    ]);
  });

  it('does not split before a lower-case continuation after a quoted exclamation or an ellipsis', () => {
    expect(texts('"Stop!" she shouted at the crowd. It was late... but nobody moved.', 'en')).toEqual([
      '"Stop!" she shouted at the crowd.',
      'It was late... but nobody moved.',
    ]);
  });

  it('treats a line without final punctuation as a headline of its own', () => {
    expect(texts('Storm closes mountain roads\nSnow blocked three passes overnight. Crews are clearing them.', 'en')).toEqual([
      'Storm closes mountain roads',
      'Snow blocked three passes overnight.',
      'Crews are clearing them.',
    ]);
  });

  it('joins a line wrapped in the middle of a sentence', () => {
    expect(texts('The council approved the plan\nafter a long debate. It starts in May.', 'en')).toEqual([
      'The council approved the plan\nafter a long debate.',
      'It starts in May.',
    ]);
  });
});

describe('splitSentences in Russian', () => {
  it('keeps initials, street and city abbreviations inside the sentence', () => {
    expect(texts('В. В. Смирнов открыл выставку на ул. Садовой в г. Самаре. Она продлится месяц.', 'ru')).toEqual([
      'В. В. Смирнов открыл выставку на ул. Садовой в г. Самаре.',
      'Она продлится месяц.',
    ]);
  });

  it('splits after a year abbreviation or "и т.д." when a capitalized sentence follows', () => {
    expect(texts('Завод построили в 1998 г. Теперь он закрыт. Там делали станки, моторы и т.д. Рабочих уволили.', 'ru')).toEqual([
      'Завод построили в 1998 г.',
      'Теперь он закрыт.',
      'Там делали станки, моторы и т.д.',
      'Рабочих уволили.',
    ]);
  });

  it('keeps "млн. руб." and "т.е." mid-sentence before lower-case words', () => {
    expect(texts('Бюджет составил 5 млн. руб. в год, т.е. вдвое больше. Депутаты согласились.', 'ru')).toEqual([
      'Бюджет составил 5 млн. руб. в год, т.е. вдвое больше.',
      'Депутаты согласились.',
    ]);
  });

  it('keeps the attribution after a quoted exclamation with a dash', () => {
    expect(texts('«Мы справимся!» — заявил губернатор. — Это главное, — добавил он.', 'ru')).toEqual([
      '«Мы справимся!» — заявил губернатор.',
      '— Это главное, — добавил он.',
    ]);
  });

  it('does not split decimal commas or points', () => {
    expect(texts('Инфляция замедлилась до 3,5% за год. Курс составил 91.25 рубля.', 'ru')).toHaveLength(2);
  });
});

describe('splitSentences in Arabic', () => {
  it('splits at ؟ and ! and the Arabic full stop but not at the Arabic comma ،', () => {
    expect(texts('قال الوزير إن المشروع سيكتمل، وأضاف أن التمويل متوفر. هل سيبدأ العمل قريبا؟ نعم! وارتفعت الأسعار۔ انتهى الاجتماع.', 'ar')).toEqual([
      'قال الوزير إن المشروع سيكتمل، وأضاف أن التمويل متوفر.',
      'هل سيبدأ العمل قريبا؟',
      'نعم!',
      'وارتفعت الأسعار۔',
      'انتهى الاجتماع.',
    ]);
  });

  it('does not split at the semicolon ؛, decimals or the title "د."', () => {
    expect(texts('التقى د. سامي بالوفد؛ وناقشا نسبة 3.5 في المئة. ثم غادر الوفد.', 'ar')).toEqual([
      'التقى د. سامي بالوفد؛ وناقشا نسبة 3.5 في المئة.',
      'ثم غادر الوفد.',
    ]);
  });

  it('keeps ".." inside an Arabic sentence and breaks paragraphs at line ends', () => {
    expect(texts('عاجل.. افتتاح الجسر الجديد\nافتتح المحافظ الجسر صباح اليوم.', 'ar')).toEqual([
      'عاجل.. افتتاح الجسر الجديد',
      'افتتح المحافظ الجسر صباح اليوم.',
    ]);
  });
});

describe('splitSentences on any input', () => {
  it('returns verbatim, trimmed slices of the input', () => {
    expectVerbatim('  Mr. Hale left.\n\n«Да!» — сказал он.  قال الوزير؟  Next line\n"\nEnd.  ', 'en');
    expectVerbatim('Line one\r\nLine two.\r\n\r\n  Line three', 'en');
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences(' \n\n ... "" \n', 'ru')).toEqual([]);
  });

  it('cuts text without punctuation into bounded pieces', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const spans = splitSentences(text, 'en', { maxLength: 500 });
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) expect(s.text.length).toBeLessThanOrEqual(500);
    expect(spans.map((s) => s.text).join(' ')).toBe(text);
  });

  it('splits paragraphs at blank lines and unwrapped line breaks', () => {
    const paragraphs = splitParagraphs('Title\n\nFirst paragraph here.\nSecond one.');
    expect(paragraphs.map((p) => p.text)).toEqual(['Title', 'First paragraph here.', 'Second one.']);
  });
});

describe('splitSentences on large input', () => {
  it('splits 500 KB of unpunctuated lines in linear time', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Line ${i} of a feed without punctuation`).join('\n');
    const started = performance.now();
    const spans = splitSentences(text, 'en');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(spans).toHaveLength(20_000);
  });
});
