import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'http' | 'xml' | 'meta' | 'sniffed' | 'default';

export interface DecodedBody {
  text: string;
  /** The iconv-lite encoding name used. */
  encoding: string;
  from: CharsetSource;
  gzipped: boolean;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, e.g. "text/xml; charset=windows-1251". */
  contentType?: string;
  /** Cap on the gunzipped size; a small .gz can expand into gigabytes. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Bytes → text. Charset precedence: BOM, HTTP header, XML declaration, HTML meta, UTF-8. */
export function decodeBody(bytes: Uint8Array, options: DecodeOptions = {}): DecodedBody {
  let gzipped = false;
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Servers and local archives hand us .gz without Content-Encoding; the magic number is reliable.
  if (isGzip(data)) {
    data = gunzipSync(data, { maxOutputLength: options.maxBytes ?? DEFAULT_MAX_BYTES });
    gzipped = true;
  }
  const { encoding, from } = detectCharset(data, options.contentType);
  // iconv-lite strips a BOM for BOM-aware codecs; do it for the rest too so "<?xml" comes first.
  const text = iconv.decode(data, encoding).replace(/^\uFEFF/, '');
  return { text, encoding, from, gzipped };
}

export function detectCharset(data: Uint8Array, contentType?: string): { encoding: string; from: CharsetSource } {
  // A BOM is hard evidence of the byte encoding; labels are often stale (the WHATWG rule too).
  const bom = bomEncoding(data);
  if (bom) return { encoding: bom, from: 'bom' };

  const http = usable(charsetFromContentType(contentType), data);
  // Servers often add "charset=utf-8" to whatever they serve; bytes that are not UTF-8 disprove it.
  if (http && !(http === 'utf-8' && !isValidUtf8(data))) return { encoding: http, from: 'http' };

  const head = Buffer.from(data.subarray(0, 4096)).toString('latin1');
  const xml = usable(/^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1], data);
  if (xml) return { encoding: xml, from: 'xml' };

  const meta = usable(metaCharset(head), data);
  if (meta) return { encoding: meta, from: 'meta' };

  if (isValidUtf8(data)) return { encoding: 'utf-8', from: 'default' };
  return { encoding: guessLegacy(data), from: 'sniffed' };
}

function bomEncoding(data: Uint8Array): string | undefined {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

function metaCharset(head: string): string | undefined {
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1];
}

/** Maps a declared label to an iconv-lite codec, or undefined when the label cannot be right. */
function usable(label: string | undefined, data: Uint8Array): string | undefined {
  if (!label) return undefined;
  let name = label.trim().toLowerCase();
  // Browsers decode these as windows-1252; strict latin1 would turn 0x80–0x9F into C1 controls.
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1'].includes(name)) {
    name = 'windows-1252';
  }
  if (name === 'utf8') name = 'utf-8';
  // Without a BOM, a UTF-16 label on a document whose first byte is ASCII "<" is a lie left over
  // from re-encoding; decoding it as UTF-16 would produce garbage.
  if (name.startsWith('utf-16') || name === 'unicode') {
    if (data[0] === 0x3c && data[1] !== 0x00) return undefined;
  }
  return iconv.encodingExists(name) ? name : undefined;
}

function isValidUtf8(data: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Undeclared, not UTF-8: our sources are mostly Russian and Arabic besides English. In windows-1251
 * Cyrillic text most letters are high bytes; in Western windows-1252 text accented letters are rare.
 */
function guessLegacy(data: Uint8Array): string {
  let high = 0;
  let asciiLetters = 0;
  for (const b of data) {
    if (b >= 0xc0) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++;
  }
  return high > asciiLetters * 0.3 ? 'windows-1251' : 'windows-1252';
}
