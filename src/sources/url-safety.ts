import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export type LookupFn = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface UrlSafetyOptions {
  /** Self-hosted setups may poll an intranet feed; off by default so users cannot probe our network. */
  allowPrivate: boolean;
  lookup?: LookupFn;
}

const defaultLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Vets a URL a user asked us to poll. Checks every address the name resolves to: one private
 * address among public ones is enough to reach an internal service.
 * Not a full SSRF defence: DNS can change between this check and the fetch (see report).
 */
export async function checkSourceUrl(input: string, options: UrlSafetyOptions): Promise<UrlCheck> {
  let raw = input.trim();
  // People paste "example.com/rss"; without a scheme URL() would reject it.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && /^[\w.-]+\.[a-z]{2,}(?:[:/?#]|$)/i.test(raw)) raw = `https://${raw}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http and https URLs are accepted, not ${url.protocol.replace(/:$/, '')}` };
  }
  if (url.username || url.password) return { ok: false, reason: 'URLs with a user name or password are not accepted' };
  url.hash = '';
  if (options.allowPrivate) return { ok: true, url: url.href };

  // URL() has already turned "2130706433" and "0x7f.1" into dotted quads; IPv6 comes bracketed.
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: 'local addresses are not allowed' };
  if (isIP(host)) {
    return isPrivateAddress(host) ? { ok: false, reason: `private address ${host} is not allowed` } : { ok: true, url: url.href };
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await (options.lookup ?? defaultLookup)(host);
  } catch {
    return { ok: false, reason: `host ${host} not found` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} not found` };
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) return { ok: false, reason: `${host} resolves to private address ${bad.address}, which is not allowed` };
  return { ok: true, url: url.href };
}

/** Loopback, private, link-local, CGNAT, multicast and reserved ranges, IPv4 and IPv6. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/%.*$/, '');
  if (isIP(a) === 4) return isPrivateV4(a);
  if (isIP(a) !== 6) return true;
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return isPrivateV4(mapped[1]);
  const hextets = expandV6(a);
  if (!hextets) return true;
  const [h0 = 0] = hextets;
  if (hextets.every((h) => h === 0)) return true; // ::
  if (hextets.slice(0, 7).every((h) => h === 0) && hextets[7] === 1) return true; // ::1
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    return isPrivateV4(`${(hextets[6] ?? 0) >> 8}.${(hextets[6] ?? 0) & 255}.${(hextets[7] ?? 0) >> 8}.${(hextets[7] ?? 0) & 255}`);
  }
  if ((h0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((h0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((h0 & 0xff00) === 0xff00) return true; // multicast
  if (h0 === 0x2001 && hextets[1] === 0x0db8) return true; // documentation
  return false;
}

function isPrivateV4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}

function expandV6(ip: string): number[] | undefined {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [p, q, r, s] = v4[1].split('.').map(Number);
    text = text.slice(0, -v4[1].length) + `${(((p ?? 0) << 8) | (q ?? 0)).toString(16)}:${(((r ?? 0) << 8) | (s ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return undefined;
  const parts = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return parts.map((h) => parseInt(h, 16));
}
