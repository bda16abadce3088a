import { describe, expect, it } from 'vitest';
import { extractArticle, findFeedLinks } from '../../src/sources/extract.ts';
import { fixture } from './fixtures.ts';

const PAGE_URL = 'https://region.example.com/ar/news/2024/06/caspian';

describe('extractArticle', () => {
  it('extracts the Arabic article text as paragraphs, without navigation or footer', () => {
    const article = extractArticle(fixture('article-ar.html'), PAGE_URL);
    expect(article.title).toBe('طاجيكستان تستضيف اجتماع دول بحر قزوين');
    expect(article.lang).toBe('ar');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs.some((p) => p.startsWith('تستضيف العاصمة الطاجيكية دوشنبه'))).toBe(true);
    expect(paragraphs.at(-1)).toBe('المصدر: وكالات');
    expect(article.text).not.toContain('الرئيسية');
    expect(article.text).not.toContain('جميع الحقوق محفوظة');
    expect(paragraphs[0]).not.toBe(article.title);
  });

  it('reads the published time from article:published_time', () => {
    expect(extractArticle(fixture('article-ar.html'), PAGE_URL).publishedAt).toBe(Date.parse('2024-06-03T08:20:00Z'));
  });

  it('falls back to JSON-LD datePublished when there is no meta tag', () => {
    const html = fixture('article-ar.html').replace(/<meta property="article:published_time"[^>]*>/, '')
      .replace('"datePublished":"2024-06-03T08:20:00Z"', '"datePublished":"2024-06-02T21:00:00Z"');
    expect(extractArticle(html, PAGE_URL).publishedAt).toBe(Date.parse('2024-06-02T21:00:00Z'));
  });

  it('lists hreflang alternates, resolved, without x-default or the page itself', () => {
    expect(extractArticle(fixture('article-ar.html'), PAGE_URL).alternates).toEqual([
      { lang: 'ru', url: 'https://region.example.com/ru/news/2024/06/caspian' },
      { lang: 'en', url: 'https://region.example.com/en/news/2024/06/caspian' },
    ]);
  });

  it('lists the feeds the page links, comment feeds last and REST JSON ignored', () => {
    expect(extractArticle(fixture('article-ar.html'), PAGE_URL).feedLinks).toEqual([
      'https://region.example.com/ar/rss.xml',
      'https://region.example.com/ar/atom.xml',
      'https://region.example.com/ar/comments/feed',
    ]);
  });

  it('extracts a Russian page whose lang comes from the html element and the text from bare paragraphs', () => {
    const html = `<html lang="ru-RU"><head><title>Короткая заметка</title></head><body>
      <p>Первый абзац короткой заметки.</p><p>Второй абзац.</p></body></html>`;
    const article = extractArticle(html);
    expect(article.lang).toBe('ru-RU');
    expect(article.title).toBe('Короткая заметка');
    expect(article.text).toBe('Первый абзац короткой заметки.\n\nВторой абзац.');
    expect(article.feedLinks).toEqual([]);
  });
});

describe('findFeedLinks', () => {
  it('honours <base href> when resolving feed links', () => {
    const html = '<html><head><base href="https://news.example.com/en/"><link rel="alternate" type="application/atom+xml" href="feed.atom"></head><body></body></html>';
    expect(findFeedLinks(html, 'https://other.example/')).toEqual(['https://news.example.com/en/feed.atom']);
  });
});
