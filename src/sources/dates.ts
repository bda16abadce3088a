// Zones that feeds actually write and Date.parse does not know. Ambiguous ones (IST, AST) are left out:
// a wrong offset is worse than none, and we then fall back to reading the date as UTC.
const ZONES: Record<string, string> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000', WET: '+0000', BST: '+0100', WEST: '+0100',
  CET: '+0100', CEST: '+0200', MET: '+0100', MEST: '+0200', EET: '+0200', EEST: '+0300',
  MSK: '+0300', MSD: '+0400', SAMT: '+0400', YEKT: '+0500', OMST: '+0600', KRAT: '+0700',
  TRT: '+0300', GST: '+0400', PKT: '+0500', JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800',
  AEST: '+1000', AEDT: '+1100', EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500',
  MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700', AKST: '-0900', HST: '-1000',
};

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const RFC822 =
  /^(?:[a-z]+,?\s+)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]+|[+-]\d{2}:?\d{2})?/i;

/** RFC 822/1123 (pubDate), ISO 8601 / W3C-DTF (Atom, dc:date, JSON Feed) and a few sloppy variants → ms. */
export function parseDate(value: unknown): number | undefined {
  if (value instanceof Date) return valid(value.getTime());
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s) return undefined;

  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = iso;
    const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
    // A missing zone is read as UTC, not the server's local time, so results do not depend on TZ.
    const base = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec, ms);
    return valid(base - offsetMinutes(zone) * 60_000);
  }

  const rfc = RFC822.exec(s);
  if (rfc) {
    const [, d, mon, yRaw, h = '0', mi = '0', sec = '0', zone] = rfc;
    const month = MONTHS[mon!.toLowerCase()];
    if (month === undefined) return fallback(s);
    let year = Number(yRaw);
    if (yRaw!.length === 2) year += year < 50 ? 2000 : 1900;
    const base = Date.UTC(year, month, +d!, +h, +mi, +sec);
    return valid(base - offsetMinutes(zone) * 60_000);
  }
  return fallback(s);
}

function fallback(s: string): number | undefined {
  // Only strings that carry their own zone; otherwise Date.parse would use the host's local time.
  if (!/(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\b/i.test(s)) return undefined;
  return valid(Date.parse(s));
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const z = zone.toUpperCase();
  const named = ZONES[z];
  const numeric = named ?? z;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(numeric);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '-' ? -minutes : minutes;
}

function valid(ms: number): number | undefined {
  // Before 1990 is a placeholder date ("Thu, 01 Jan 1970"), not news.
  if (!Number.isFinite(ms) || ms < Date.UTC(1990, 0, 1)) return undefined;
  return ms;
}
