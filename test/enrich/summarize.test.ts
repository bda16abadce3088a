import { describe, expect, it } from 'vitest';
import { createExtractiveSummarizer } from '../../src/enrich/summarize.ts';
import { leadSummarizer, textRankSummarizer } from '../../src/eval/summary-baselines.ts';
import { splitSentences } from '../../src/enrich/sentences.ts';

const EN_TITLE = 'River port reopens after flood repairs';
const EN = [
  'By Jane Holloway, Staff Reporter',
  'Photo: Getty Images',
  'RIVERTON, May 3 (Reuters) - The river port of Riverton reopened on Friday after three months of flood repairs, letting barges load grain again.',
  'Engineers rebuilt two damaged quays and dredged the channel, the port authority said.',
  'The repairs cost 40 million dollars, most of it paid by the regional government.',
  'Farmers had trucked their grain to distant ports while the river port was closed.',
  'The weather was mild.',
  'Grain barges are expected to return to full traffic at the port by June, the authority added.',
  'Read more: our coverage of the spring floods',
].join('\n');

const RU = [
  'В Самаре открылся новый речной вокзал после трёх лет реконструкции.',
  'Фото: пресс-служба мэрии',
  'Вокзал рассчитан на два миллиона пассажиров в год, сообщили в мэрии.',
  'Реконструкция речного вокзала обошлась городу в 900 млн. руб.',
  'Первые теплоходы отправятся от вокзала в субботу.',
].join('\n');

const AR = [
  'افتتحت الحكومة محطة جديدة لتحلية المياه في المدينة الساحلية يوم الأحد.',
  'وتنتج المحطة مئة ألف متر مكعب من المياه يوميا، وفق وزارة المياه.',
  'المصدر: وكالة الأنباء',
  'وقالت الوزارة إن محطة التحلية ستخدم نصف مليون نسمة في المدينة.',
  'وبدأ بناء المحطة قبل ثلاث سنوات.',
].join('\n');

function expectVerbatimInOrder(text: string, summary: readonly string[]): void {
  let from = 0;
  for (const sentence of summary) {
    const at = text.indexOf(sentence, from);
    expect(at, sentence).toBeGreaterThanOrEqual(0);
    from = at + sentence.length;
  }
}

describe('createExtractiveSummarizer', () => {
  const summarizer = createExtractiveSummarizer();

  it('returns at most N sentences copied verbatim from the text, in their original order', () => {
    for (const [text, lang] of [[EN, 'en'], [RU, 'ru'], [AR, 'ar']] as const) {
      for (const n of [1, 2, 3]) {
        const summary = summarizer.summarize({ text, lang, sentences: n });
        expect(summary.length).toBeGreaterThanOrEqual(1);
        expect(summary.length).toBeLessThanOrEqual(n);
        expectVerbatimInOrder(text, summary);
      }
    }
  });

  it('returns three sentences by default', () => {
    expect(summarizer.summarize({ text: EN, title: EN_TITLE, lang: 'en' })).toHaveLength(3);
  });

  it('prefers title-related central sentences over bylines, photo credits and "Read more" lines', () => {
    const summary = summarizer.summarize({ text: EN, title: EN_TITLE, lang: 'en', sentences: 3 }).join(' ');
    expect(summary).toContain('reopened on Friday after three months of flood repairs');
    expect(summary).not.toMatch(/Holloway|Getty|Read more|weather was mild/);
  });

  it('drops the dateline from a lead sentence it quotes', () => {
    const [first] = summarizer.summarize({ text: EN, title: EN_TITLE, lang: 'en', sentences: 1 });
    expect(first).toMatch(/^The river port of Riverton reopened/);
  });

  it('skips photo credits and source lines in Russian and Arabic', () => {
    const ru = summarizer.summarize({ text: RU, lang: 'ru', sentences: 3 }).join(' ');
    expect(ru).toContain('новый речной вокзал');
    expect(ru).not.toContain('Фото');
    const ar = summarizer.summarize({ text: AR, lang: 'ar', sentences: 3 }).join(' ');
    expect(ar).toContain('محطة جديدة لتحلية المياه');
    expect(ar).not.toContain('المصدر');
  });

  it('returns nothing for empty text or a title without text', () => {
    expect(summarizer.summarize({ text: '', lang: 'en' })).toEqual([]);
    expect(summarizer.summarize({ text: '  \n ', title: 'Only a headline', lang: 'en' })).toEqual([]);
  });

  it('returns a lone headline when that is all the text there is', () => {
    expect(summarizer.summarize({ text: 'Port reopens after repairs', lang: 'en' })).toEqual(['Port reopens after repairs']);
  });

  it('copes with text without punctuation and with 500 KB of text', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `слово${i % 97}`).join(' ');
    const noPunctuation = summarizer.summarize({ text: words, lang: 'ru', sentences: 2 });
    expect(noPunctuation.length).toBeGreaterThanOrEqual(1);
    expectVerbatimInOrder(words, noPunctuation);

    const huge = `${EN}\n`.repeat(Math.ceil(500_000 / EN.length));
    const started = performance.now();
    const summary = summarizer.summarize({ text: huge, title: EN_TITLE, lang: 'en' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(summary).toHaveLength(3);
    expectVerbatimInOrder(huge, summary);
  });

  it('gives the lead of languages it does not summarize', () => {
    const fr = 'Le port fluvial a rouvert vendredi. Les barges chargent de nouveau du grain. Les travaux ont duré trois mois.';
    expect(summarizer.summarize({ text: fr, lang: 'fr', sentences: 2 })).toEqual([
      'Le port fluvial a rouvert vendredi.',
      'Les barges chargent de nouveau du grain.',
    ]);
  });

  it('does not repeat a sentence that restates one already chosen', () => {
    const text = [
      'The bridge over the river Avon reopened on Monday after repairs.',
      'The bridge over the river Avon reopened on Monday after repairs, officials said.',
      'Traffic on the bridge is expected to double within a month.',
      'Repairs took nine months and cost twelve million pounds.',
    ].join(' ');
    const summary = createExtractiveSummarizer().summarize({ text, lang: 'en', sentences: 2 });
    expect(summary.filter((s) => s.startsWith('The bridge over the river Avon'))).toHaveLength(1);
  });
});

describe('baseline summarizers', () => {
  it('lead takes the first k sentences', () => {
    const first = splitSentences(RU, 'ru').slice(0, 2).map((s) => s.text);
    expect(leadSummarizer().summarize({ text: RU, lang: 'ru', sentences: 2 })).toEqual(first);
  });

  it('TextRank returns k verbatim sentences in document order', () => {
    const summary = textRankSummarizer().summarize({ text: EN, lang: 'en', sentences: 3 });
    expect(summary).toHaveLength(3);
    expectVerbatimInOrder(EN, summary);
  });
});
