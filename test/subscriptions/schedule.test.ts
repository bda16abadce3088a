import { describe, expect, it } from 'vitest';
import { parseQuietArgs, parseScheduleArgs, parseTime, resolveTimeZone } from '../../src/subscriptions/schedule.ts';

describe('schedule arguments', () => {
  it('reads a time, a zone and a frequency in any order', () => {
    expect(parseScheduleArgs('daily Asia/Dushanbe 7:30')).toEqual({
      ok: true,
      value: { digestTime: '07:30', timeZone: 'Asia/Dushanbe', frequency: 'daily' },
    });
  });

  it('understands frequencies and weekdays written in Russian and Arabic', () => {
    expect(parseScheduleArgs('еженедельно пятница 09:00')).toEqual({
      ok: true,
      value: { frequency: 'weekly', weeklyDay: 5, digestTime: '09:00' },
    });
    expect(parseScheduleArgs('فوري')).toEqual({ ok: true, value: { frequency: 'instant' } });
  });

  it('accepts a zone typed in lower case', () => {
    expect(resolveTimeZone('europe/moscow')).toBe('Europe/Moscow');
  });

  it('refuses an impossible time with the time named', () => {
    expect(parseScheduleArgs('24:10')).toEqual({ ok: false, key: 'schedule.bad_time', params: { input: '24:10' } });
    expect(parseTime('7:61')).toBeUndefined();
  });

  it('refuses an unknown zone with the zone named', () => {
    expect(parseScheduleArgs('08:00 Mars/Olympus')).toMatchObject({ ok: false, key: 'schedule.bad_zone' });
  });
});

describe('quiet hours arguments', () => {
  it('reads a window across midnight', () => {
    expect(parseQuietArgs('22:00-07:00')).toEqual({ ok: true, value: { start: '22:00', end: '07:00' } });
  });

  it('turns quiet hours off in three languages', () => {
    for (const word of ['off', 'выкл', 'إيقاف']) expect(parseQuietArgs(word)).toEqual({ ok: true, value: null });
  });

  it('refuses a window of zero length', () => {
    expect(parseQuietArgs('23:00-23:00')).toMatchObject({ ok: false, key: 'quiet.zero_length' });
  });

  it('refuses something that is not a window', () => {
    expect(parseQuietArgs('tonight')).toMatchObject({ ok: false, key: 'quiet.bad_format' });
  });
});
