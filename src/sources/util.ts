/** "en_US", "IT-it", " RU " → "en-US", "it-IT", "ru"; nonsense → undefined. */
export function normalizeLang(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const primary = parts[0]?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  const region = parts[1];
  if (region && /^[a-z]{2}$/i.test(region)) return `${primary}-${region.toUpperCase()}`;
  return primary;
}

/** Absolute http(s) URL, resolving relative links against the base; undefined for anything else. */
export function resolveUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!trimmed) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function firstDefined<T>(...values: Array<T | null | undefined>): T | undefined {
  for (const v of values) if (v !== undefined && v !== null && v !== '') return v;
  return undefined;
}

export function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

// eslint-disable-next-line no-control-regex -- stripping the control characters XML forbids is the point
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
