import { describe, expect, it } from 'vitest';
import { createLanguageDetector, detectLanguage } from '../../src/enrich/language.ts';

const EN = 'The city council voted on Tuesday to extend the night bus service to the airport, officials said.';
const FR = "Le conseil municipal a voté mardi la prolongation du service de bus de nuit jusqu'à l'aéroport.";
const DE = 'Der Stadtrat hat am Dienstag beschlossen, den Nachtbus bis zum Flughafen zu verlängern.';
const RU = 'Городской совет во вторник проголосовал за продление ночного автобусного маршрута до аэропорта.';
const UK = 'Міська рада у вівторок проголосувала за продовження нічного автобусного маршруту до аеропорту.';
const AR = 'صوت مجلس المدينة يوم الثلاثاء على تمديد خدمة الحافلات الليلية إلى المطار، وفق ما أعلن مسؤولون.';

describe('detectLanguage', () => {
  it('recognizes Arabic, Russian and English articles', () => {
    expect(detectLanguage(AR).lang).toBe('ar');
    expect(detectLanguage(RU).lang).toBe('ru');
    expect(detectLanguage(EN).lang).toBe('en');
  });

  it('tells French and German from English among Latin-script texts', () => {
    expect(detectLanguage(FR).lang).toBe('fr');
    expect(detectLanguage(DE).lang).toBe('de');
  });

  it('tells Ukrainian from Russian by its letters', () => {
    expect(detectLanguage(UK).lang).toBe('uk');
  });

  it('ignores the feed hint when the text clearly disagrees', () => {
    expect(detectLanguage(EN, 'ar').lang).toBe('en');
    expect(detectLanguage(AR, 'en').lang).toBe('ar');
    expect(detectLanguage(RU, 'en').lang).toBe('ru');
    expect(detectLanguage(FR, 'en').lang).toBe('fr');
  });

  it('follows the hint for a few words of its script', () => {
    expect(detectLanguage('Путин', 'ru').lang).toBe('ru');
    expect(detectLanguage('Brexit', 'en').lang).toBe('en');
  });

  it('goes by the majority script when an article quotes another language', () => {
    const mixed = `${AR} وقال المتحدث باسم الشركة Transit Group إن الخدمة ستبدأ الشهر المقبل في جميع المحطات.`;
    expect(detectLanguage(mixed, 'en').lang).toBe('ar');
  });

  it('returns und with zero confidence for text without letters', () => {
    expect(detectLanguage('')).toEqual({ lang: 'und', confidence: 0 });
    expect(detectLanguage('  123 — 45,6 !!! ', 'en')).toEqual({ lang: 'und', confidence: 0 });
  });

  it('is more confident about a paragraph than about one word', () => {
    const paragraph = detectLanguage(EN).confidence;
    expect(paragraph).toBeGreaterThan(0.8);
    expect(detectLanguage('Airport').confidence).toBeLessThan(paragraph);
  });

  it('runs thousands of detections per second on 2 KB articles', () => {
    const detector = createLanguageDetector();
    const article = `${EN} `.repeat(21);
    detector.detect(article);
    const runs = 500;
    const started = performance.now();
    for (let i = 0; i < runs; i++) detector.detect(article.slice(i % 7), 'en');
    const perSecond = runs / ((performance.now() - started) / 1000);
    // The target is 5,000/s on an idle core; the test leaves room for a busy CI machine.
    expect(perSecond).toBeGreaterThan(1000);
  });
});
