import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../../src/sources/decode.ts';
import { fixture } from './fixtures.ts';

const RU = 'Мост через Волгу откроют в сентябре';

describe('decodeBody', () => {
  it('decodes windows-1251 bytes using the XML declaration', () => {
    const bytes = iconv.encode(fixture('rss2-ru-cp1251.xml'), 'windows-1251');
    const decoded = decodeBody(bytes);
    expect(decoded).toMatchObject({ encoding: 'windows-1251', from: 'xml', gzipped: false });
    expect(decoded.text).toContain(RU);
  });

  it('prefers the charset of the HTTP Content-Type over the XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss><channel><title>${RU}</title></channel></rss>`;
    const decoded = decodeBody(iconv.encode(xml, 'windows-1251'), { contentType: 'application/rss+xml; charset=windows-1251' });
    expect(decoded.from).toBe('http');
    expect(decoded.text).toContain(RU);
  });

  it('does not believe a charset=utf-8 header when the bytes are not UTF-8', () => {
    const bytes = iconv.encode(fixture('rss2-ru-cp1251.xml'), 'windows-1251');
    const decoded = decodeBody(bytes, { contentType: 'text/xml; charset=utf-8' });
    expect(decoded).toMatchObject({ encoding: 'windows-1251', from: 'xml' });
    expect(decoded.text).toContain(RU);
  });

  it('lets a BOM win over a stale declaration and strips it', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss><title>${RU}</title></rss>`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
    const decoded = decodeBody(bytes);
    expect(decoded.from).toBe('bom');
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain(RU);
  });

  it('reads the charset of an HTML meta tag', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>مرحبا بالعالم</body></html>`;
    const decoded = decodeBody(iconv.encode(html, 'windows-1256'));
    expect(decoded.from).toBe('meta');
    expect(decoded.text).toContain('مرحبا بالعالم');
  });

  it('falls back to UTF-8, and sniffs windows-1251 for undeclared non-UTF-8 Cyrillic', () => {
    expect(decodeBody(Buffer.from(`<rss>${RU}</rss>`)).from).toBe('default');
    const sniffed = decodeBody(iconv.encode(`<rss><title>${RU}</title></rss>`, 'windows-1251'));
    expect(sniffed).toMatchObject({ encoding: 'windows-1251', from: 'sniffed' });
    expect(sniffed.text).toContain(RU);
  });

  it('reads ISO-8859-1 as windows-1252 so curly quotes survive', () => {
    const bytes = Buffer.from([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), 0x93, 0x68, 0x69, 0x94, ...Buffer.from('</t>')]);
    expect(decodeBody(bytes).text).toContain('“hi”');
  });

  it('gunzips bytes that start with the gzip magic even without a header saying so', () => {
    const bytes = gzipSync(iconv.encode(fixture('rss2-ru-cp1251.xml'), 'windows-1251'));
    const decoded = decodeBody(bytes);
    expect(decoded.gzipped).toBe(true);
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain(RU);
  });

  it('refuses a gzip body that expands past the cap', () => {
    const bomb = gzipSync(Buffer.alloc(2_000_000, 0x20));
    expect(() => decodeBody(bomb, { maxBytes: 100_000 })).toThrow(RangeError);
  });

  it('ignores a UTF-16 label on a document whose bytes are plainly ASCII', () => {
    expect(detectCharset(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss/>')).encoding).toBe('utf-8');
  });
});
