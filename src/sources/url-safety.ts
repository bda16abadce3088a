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
  const hextets = expandV6(a);
  if (!hextets) return true;
  // Decided on the parsed hextets, not the spelling: "::127.0.0.1", "::7f00:1" and "0:0::7f00:1" are one address.
  const embedded = embeddedV4(hextets);
  if (embedded !== undefined) return isPrivateV4(embedded);
  const [h0 = 0, h1 = 0] = hextets;
  if (h0 === 0x64 && h1 === 0xff9b && hextets[2] === 1) return true; // 64:ff9b:1::/48 local-use NAT64 (RFC 8215)
  if (h0 === 0x100 && hextets.slice(1, 4).every((h) => h === 0)) return true; // 100::/64 discard-only
  if ((h0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((h0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((h0 & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local, deprecated but still routed by some stacks
  if ((h0 & 0xff00) === 0xff00) return true; // multicast
  if (h0 === 0x2001 && h1 === 0x0db8) return true; // documentation
  return false;
}

/**
 * The IPv4 address an IPv6 address carries, for the forms that a host or gateway turns back into
 * IPv4 traffic: reaching 127.0.0.1 through a NAT64 or 6to4 relay is still reaching 127.0.0.1.
 */
function embeddedV4(h: number[]): string | undefined {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  const [h0 = 0, h1 = 0, h2 = 0, , h4 = 0, h5 = 0, h6 = 0, h7 = 0] = h;
  if (zero(0, 6)) return v4(h6, h7); // ::/96 IPv4-compatible, which also holds :: and ::1
  if (zero(0, 5) && h5 === 0xffff) return v4(h6, h7); // ::ffff:0:0/96 IPv4-mapped
  if (zero(0, 4) && h4 === 0xffff && h5 === 0) return v4(h6, h7); // ::ffff:0:0:0/96 SIIT IPv4-translated
  if (h0 === 0x64 && h1 === 0xff9b && zero(2, 6)) return v4(h6, h7); // 64:ff9b::/96 NAT64
  if (h0 === 0x2002) return v4(h1, h2); // 2002::/16 6to4
  if (h0 === 0x2001 && h1 === 0) return v4(~h6 & 0xffff, ~h7 & 0xffff); // 2001::/32 Teredo: client address, inverted
  return undefined;
}

function isPrivateV4(ip: string): boolean {
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    // Only 192.0.0.0/24 and 192.0.2.0/24 are reserved; the rest of 192.0/16 is public (WordPress.com is 192.0.78.x).
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
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
