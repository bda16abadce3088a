import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/sources/dates.ts';

const iso = (s: string): number => Date.parse(s);

describe('parseDate', () => {
  it('reads RFC 822 dates with numeric and named zones', () => {
    expect(parseDate('Tue, 04 Jun 2024 09:30:00 +0300')).toBe(iso('2024-06-04T06:30:00Z'));
    expect(parseDate('Mon, 03 Jun 2024 18:05:00 MSK')).toBe(iso('2024-06-03T15:05:00Z'));
    expect(parseDate('Wed, 05 Jun 2024 06:00:00 GMT')).toBe(iso('2024-06-05T06:00:00Z'));
    expect(parseDate('Sat, 1 Jun 24 10:00 EDT')).toBe(iso('2024-06-01T14:00:00Z'));
  });

  it('reads ISO 8601 and W3C-DTF dates, taking a missing zone as UTC', () => {
    expect(parseDate('2024-05-20T14:00:00+03:00')).toBe(iso('2024-05-20T11:00:00Z'));
    expect(parseDate('2024-05-20T14:00:00.250Z')).toBe(iso('2024-05-20T14:00:00.250Z'));
    expect(parseDate('2024-05-20 14:00:00')).toBe(iso('2024-05-20T14:00:00Z'));
    expect(parseDate('2024-05-19')).toBe(iso('2024-05-19T00:00:00Z'));
  });

  it('returns undefined for garbage and placeholder dates', () => {
    expect(parseDate('yesterday')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
    expect(parseDate(undefined)).toBeUndefined();
    expect(parseDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBeUndefined();
  });
});
