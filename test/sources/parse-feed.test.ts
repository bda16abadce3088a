import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/sources/decode.ts';
import { FeedError } from '../../src/sources/errors.ts';
import { detectFeedKind, parseFeed } from '../../src/sources/parse-feed.ts';
import { fixture } from './fixtures.ts';

function feedError(body: string): FeedError {
  try {
    parseFeed(body);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeed', () => {
  it('reads a windows-1251 RSS 2.0 feed in Russian with full text, dates, categories and author', () => {
    const bytes = iconv.encode(fixture('rss2-ru-cp1251.xml'), 'windows-1251');
    const feed = parseFeed(decodeBody(bytes).text);
    expect(feed).toMatchObject({ format: 'rss', title: 'Вестник Поволжья: Новости', lang: 'ru-RU', link: 'https://vestnik.example.ru/' });
    expect(feed.items).toHaveLength(2);
    const [bridge, festival] = feed.items;
    expect(bridge).toMatchObject({
      guid: 'vestnik-1001',
      url: 'https://vestnik.example.ru/news/most-cherez-volgu',
      title: 'Мост через Волгу откроют в сентябре',
      isExcerpt: false,
      publishedAt: Date.parse('2024-06-04T06:30:00Z'),
      categories: ['Инфраструктура', 'Транспорт'],
      author: 'Ирина Соколова',
      lang: 'ru-RU',
    });
    expect(bridge?.text.split('\n\n')).toHaveLength(3);
    expect(bridge?.text).toContain('федеральный бюджет & область');
    expect(bridge?.html).toContain('<p>');
    expect(festival).toMatchObject({ title: 'В Самаре прошёл фестиваль «Волжские сезоны»', isExcerpt: true });
    expect(festival?.text).toBe('Фестиваль собрал более десяти тысяч зрителей\n\nПодробнее…');
    expect(festival?.publishedAt).toBe(Date.parse('2024-06-03T15:05:00Z'));
  });

  it('reads an RSS 1.0 (RDF) feed with Dublin Core dates, subjects and language', () => {
    const feed = parseFeed(fixture('rss1-en.rdf'));
    expect(feed).toMatchObject({ format: 'rdf', title: 'Example Wire', lang: 'en' });
    expect(feed.items.map((i) => i.title)).toEqual([
      'Grain corridor talks resume in Istanbul',
      'Caspian states agree on a date for their summit',
    ]);
    expect(feed.items[0]).toMatchObject({
      url: 'https://wire.example.com/2024/05/grain-corridor',
      publishedAt: Date.parse('2024-05-20T11:00:00Z'),
      categories: ['Trade'],
      author: 'Wire staff',
      isExcerpt: true,
    });
  });

  it('reads an Arabic Atom feed with xml:lang, HTML content and hreflang alternates', () => {
    const feed = parseFeed(fixture('atom-ar.xml'), { baseUrl: 'https://akhbar.example.net/ar/feed.atom' });
    expect(feed).toMatchObject({ format: 'atom', lang: 'ar', title: 'أخبار القوقاز والخليج', link: 'https://akhbar.example.net/ar/' });
    const [visit, fair] = feed.items;
    expect(visit).toMatchObject({
      guid: 'tag:akhbar.example.net,2024:1501',
      url: 'https://akhbar.example.net/ar/news/1501',
      title: 'وزير الخارجية يزور موسكو لبحث التعاون',
      lang: 'ar',
      author: 'قسم الأخبار',
      categories: ['دبلوماسية'],
      publishedAt: Date.parse('2024-06-01T05:15:00Z'),
      isExcerpt: false,
      alternates: [
        { lang: 'ru', url: 'https://akhbar.example.net/ru/news/1501' },
        { lang: 'en', url: 'https://akhbar.example.net/en/news/1501' },
      ],
    });
    expect(visit?.text.split('\n\n')).toHaveLength(4);
    expect(fair).toMatchObject({ isExcerpt: true, publishedAt: Date.parse('2024-05-31T16:40:00Z') });
  });

  it('reads a JSON Feed with content_text, content_html, tags and item language', () => {
    const feed = parseFeed(fixture('jsonfeed-en.json'));
    expect(feed).toMatchObject({ format: 'json', title: 'Steppe & Gulf Briefing', lang: 'en', link: 'https://briefing.example.org/' });
    expect(feed.items[0]).toMatchObject({
      guid: '2024-06-02-energy',
      categories: ['Energy', 'Central Asia'],
      author: 'Dana Ibrayeva',
      publishedAt: Date.parse('2024-06-02T07:00:00Z'),
    });
    expect(feed.items[0]?.text).toContain('Sunday.\n\nThe agreement');
    expect(feed.items[1]).toMatchObject({
      text: 'The line opened on Saturday.\n\nFreight trains will use it from July.',
      lang: 'en-GB',
      publishedAt: Date.parse('2024-06-01T07:30:00Z'),
    });
  });

  it('reads a gzip-compressed feed once decoded', () => {
    const feed = parseFeed(decodeBody(gzipSync(Buffer.from(fixture('rss1-en.rdf')))).text);
    expect(feed.items).toHaveLength(2);
  });

  it('refuses an HTML page with a clear FeedError', () => {
    const error = feedError(fixture('article-ar.html'));
    expect(error.code).toBe('html');
    expect(error.message).toMatch(/^not a feed: looks like an HTML page/);
  });

  it('refuses empty documents', () => {
    expect(feedError('')).toMatchObject({ code: 'empty', message: 'empty document' });
    expect(feedError('  \n\uFEFF ')).toMatchObject({ code: 'empty' });
  });

  it('refuses a truncated document that holds no complete item', () => {
    const error = feedError('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half');
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/^truncated XML/);
  });

  it('keeps the complete items of a truncated document and says so', () => {
    const body =
      '<rss version="2.0"><channel><title>Cut</title><item><title>Whole</title><link>https://e.example/1</link></item>' +
      '<item><title>Half of the sec';
    const feed = parseFeed(body);
    expect(feed.items.map((i) => i.title)).toEqual(['Whole']);
    expect(feed.repairs).toEqual(['truncated document: kept the complete items']);
  });

  it('repairs unescaped ampersands and angle brackets', () => {
    const feed = parseFeed(fixture('broken-amp.xml'));
    expect(feed.title).toBe('Markets & Trade Daily');
    expect(feed.items[0]).toMatchObject({
      title: 'Oil & gas exports rise',
      url: 'https://markets.example.com/item?id=7&ref=rss',
      text: "Exports grew by 3% as prices < last year's peak.",
    });
    expect(feed.repairs).toContain('escaped bare "&"');
  });

  it('drops control characters that XML forbids', () => {
    const feed = parseFeed('<rss version="2.0"><channel><title>A\u0001B</title><item><title>T\u000bX</title></item></channel></rss>');
    expect(feed.title).toBe('AB');
    expect(feed.items[0]?.title).toBe('TX');
  });

  it('reads a feed wrapped in an XHTML page', () => {
    const wrapped = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>${fixture('atom-ar.xml').replace(/^<\?xml[^>]*>/, '')}</body></html>`;
    expect(detectFeedKind(wrapped)).toBe('atom');
    const feed = parseFeed(wrapped);
    expect(feed.items).toHaveLength(2);
    expect(feed.repairs).toEqual(['feed embedded in an HTML page']);
  });

  it('skips stray output printed before the XML declaration', () => {
    const feed = parseFeed(`<br />\n<b>Warning</b>: Undefined index in /var/www/rss.php on line 3<br />\n${fixture('rss1-en.rdf')}`);
    expect(feed.items).toHaveLength(2);
    expect(feed.repairs).toEqual(['removed text before the XML declaration']);
  });

  it('reads an Atom feed whose content quotes RSS markup', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>How to</title><id>1</id><entry><id>e1</id><title>Writing RSS</title>
      <content type="html"><![CDATA[<pre><rss version="2.0"><channel><item><title>x</title></item></channel></rss></pre>]]></content></entry></feed>`;
    const feed = parseFeed(atom);
    expect(feed.format).toBe('atom');
    expect(feed.items.map((i) => i.title)).toEqual(['Writing RSS']);
  });

  it('names what a non-feed document is', () => {
    expect(feedError(fixture('subscriptions.opml')).message).toMatch(/OPML/);
    expect(feedError('{"hello": "world"}').message).toMatch(/JSON document that is not a JSON Feed/);
    expect(feedError('{"version": "https://jsonfeed.org/version/1.1", "items": [').code).toBe('truncated');
  });

  it('derives a title from the text when an item has none', () => {
    const feed = parseFeed('{"version":"https://jsonfeed.org/version/1","title":"t","items":[{"id":"1","content_text":"A short note without a title.\\nSecond line."}]}');
    expect(feed.items[0]?.title).toBe('A short note without a title.');
  });

  it('marks long texts that end in a read-more link as excerpts', () => {
    const long = 'Слово '.repeat(120);
    const feed = parseFeed(`<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><description>${long}</description></item>
      <item><title>b</title><description>${long} [&#8230;]</description></item>
      <item><title>c</title><description>&lt;p&gt;${long}&lt;/p&gt;&lt;p&gt;&lt;a href="x"&gt;Читать далее&lt;/a&gt;&lt;/p&gt;</description></item>
    </channel></rss>`);
    expect(feed.items.map((i) => i.isExcerpt)).toEqual([false, true, true]);
  });
});

describe('detectFeedKind', () => {
  it('tells feeds from HTML pages and other documents', () => {
    expect(detectFeedKind(fixture('rss2-ru-cp1251.xml'))).toBe('rss');
    expect(detectFeedKind(fixture('rss1-en.rdf'))).toBe('rdf');
    expect(detectFeedKind(fixture('atom-ar.xml'))).toBe('atom');
    expect(detectFeedKind(fixture('jsonfeed-en.json'))).toBe('json');
    expect(detectFeedKind(fixture('article-ar.html'))).toBe('html');
    expect(detectFeedKind('<div><p>fragment</p></div>')).toBe('html');
    expect(detectFeedKind(fixture('subscriptions.opml'))).toBe('unknown');
    expect(detectFeedKind(' \n')).toBe('empty');
  });
});
