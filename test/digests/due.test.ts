import { describe, expect, it } from 'vitest';
import {
  dueChats,
  inQuietHours,
  INSTANT_MIN_INTERVAL_MS,
  isDue,
  lastSlot,
  quietEnd,
  type ScheduleView,
} from '../../src/digests/due.ts';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

function chat(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: 1,
    timeZone: 'UTC',
    digestTime: '08:00',
    frequency: 'daily',
    weeklyDay: 1,
    quietStart: null,
    quietEnd: null,
    status: 'active',
    lastDigestAt: at('2026-01-01T00:00Z'),
    ...overrides,
  };
}

function slotIso(view: ScheduleView, instant: string): string | undefined {
  const slot = lastSlot(view, at(instant));
  return slot === undefined ? undefined : new Date(slot).toISOString();
}

describe('the last scheduled slot', () => {
  it('puts 08:00 in Berlin at 06:00Z in July and at 07:00Z in December', () => {
    const berlin = chat({ timeZone: 'Europe/Berlin' });
    expect(slotIso(berlin, '2026-07-01T12:00Z')).toBe('2026-07-01T06:00:00.000Z');
    expect(slotIso(berlin, '2026-12-01T12:00Z')).toBe('2026-12-01T07:00:00.000Z');
  });

  it('is yesterday\'s slot until today\'s local time arrives', () => {
    const berlin = chat({ timeZone: 'Europe/Berlin' });
    expect(slotIso(berlin, '2026-07-01T05:59Z')).toBe('2026-06-30T06:00:00.000Z');
    expect(slotIso(berlin, '2026-07-01T06:00Z')).toBe('2026-07-01T06:00:00.000Z');
  });

  it('follows zones with whole, half and three-quarter hour offsets', () => {
    expect(slotIso(chat({ timeZone: 'Asia/Dushanbe', digestTime: '07:30' }), '2026-05-10T12:00Z')).toBe('2026-05-10T02:30:00.000Z');
    expect(slotIso(chat({ timeZone: 'Asia/Kolkata' }), '2026-05-10T12:00Z')).toBe('2026-05-10T02:30:00.000Z');
    expect(slotIso(chat({ timeZone: 'America/New_York' }), '2026-07-10T18:00Z')).toBe('2026-07-10T12:00:00.000Z');
    expect(slotIso(chat({ timeZone: 'America/New_York' }), '2026-01-10T18:00Z')).toBe('2026-01-10T13:00:00.000Z');
    // Chatham is +12:45 in its winter (July) and +13:45 in its summer (December): 08:00 is the previous UTC day.
    expect(slotIso(chat({ timeZone: 'Pacific/Chatham' }), '2026-07-10T20:00Z')).toBe('2026-07-10T19:15:00.000Z');
    expect(slotIso(chat({ timeZone: 'Pacific/Chatham' }), '2026-12-10T20:00Z')).toBe('2026-12-10T18:15:00.000Z');
  });

  it('handles the spring-forward day in Berlin: 08:00 is already summer time, 02:30 moves to 03:00', () => {
    expect(slotIso(chat({ timeZone: 'Europe/Berlin' }), '2026-03-29T12:00Z')).toBe('2026-03-29T06:00:00.000Z');
    expect(slotIso(chat({ timeZone: 'Europe/Berlin' }), '2026-03-28T12:00Z')).toBe('2026-03-28T07:00:00.000Z');
    expect(slotIso(chat({ timeZone: 'Europe/Berlin', digestTime: '02:30' }), '2026-03-29T12:00Z')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('handles the fall-back day in Berlin: 08:00 is winter time, an ambiguous 02:30 is its first occurrence', () => {
    expect(slotIso(chat({ timeZone: 'Europe/Berlin' }), '2026-10-25T12:00Z')).toBe('2026-10-25T07:00:00.000Z');
    expect(slotIso(chat({ timeZone: 'Europe/Berlin', digestTime: '02:30' }), '2026-10-25T12:00Z')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('handles both switch days in New York', () => {
    const ny = (digestTime: string) => chat({ timeZone: 'America/New_York', digestTime });
    expect(slotIso(ny('08:00'), '2026-03-08T18:00Z')).toBe('2026-03-08T12:00:00.000Z');
    expect(slotIso(ny('02:30'), '2026-03-08T18:00Z')).toBe('2026-03-08T07:00:00.000Z');
    expect(slotIso(ny('08:00'), '2026-11-01T18:00Z')).toBe('2026-11-01T13:00:00.000Z');
    expect(slotIso(ny('02:30'), '2026-11-01T18:00Z')).toBe('2026-11-01T07:30:00.000Z');
    expect(slotIso(ny('01:30'), '2026-11-01T18:00Z')).toBe('2026-11-01T05:30:00.000Z');
  });

  it('finds the weekly slot on the chat\'s own weekday even when that is another day in UTC', () => {
    // Monday 00:30 in Tokyo is Sunday 15:30Z.
    const tokyo = chat({ timeZone: 'Asia/Tokyo', frequency: 'weekly', weeklyDay: 1, digestTime: '00:30' });
    expect(slotIso(tokyo, '2026-11-29T15:30Z')).toBe('2026-11-29T15:30:00.000Z');
    expect(slotIso(tokyo, '2026-11-29T15:29Z')).toBe('2026-11-22T15:30:00.000Z');
    expect(slotIso(tokyo, '2026-12-02T12:00Z')).toBe('2026-11-29T15:30:00.000Z');
    // Friday 23:30 in Los Angeles is Saturday 07:30Z in winter.
    const la = chat({ timeZone: 'America/Los_Angeles', frequency: 'weekly', weeklyDay: 5, digestTime: '23:30' });
    expect(slotIso(la, '2026-12-05T08:00Z')).toBe('2026-12-05T07:30:00.000Z');
  });

  it('is undefined for instant chats, unknown zones and impossible times', () => {
    expect(lastSlot(chat({ frequency: 'instant' }), at('2026-05-01T00:00Z'))).toBeUndefined();
    expect(lastSlot(chat({ timeZone: 'Mars/Olympus' }), at('2026-05-01T00:00Z'))).toBeUndefined();
    expect(lastSlot(chat({ digestTime: '24:10' }), at('2026-05-01T00:00Z'))).toBeUndefined();
  });
});

describe('quiet hours', () => {
  const moscow = chat({ timeZone: 'Europe/Moscow', digestTime: '23:00', quietStart: '22:00', quietEnd: '07:00' });

  it('span midnight in the chat\'s zone', () => {
    expect(inQuietHours(moscow, at('2026-05-10T18:59Z'))).toBe(false); // 21:59 local
    expect(inQuietHours(moscow, at('2026-05-10T19:00Z'))).toBe(true); // 22:00
    expect(inQuietHours(moscow, at('2026-05-11T03:59Z'))).toBe(true); // 06:59
    expect(inQuietHours(moscow, at('2026-05-11T04:00Z'))).toBe(false); // 07:00
  });

  it('end at the window\'s local end, tomorrow when the window started today', () => {
    expect(new Date(quietEnd(moscow, at('2026-05-10T20:00Z'))).toISOString()).toBe('2026-05-11T04:00:00.000Z');
    expect(new Date(quietEnd(moscow, at('2026-05-11T01:00Z'))).toISOString()).toBe('2026-05-11T04:00:00.000Z');
    expect(quietEnd(moscow, at('2026-05-11T12:00Z'))).toBe(at('2026-05-11T12:00Z'));
  });

  it('end at the later occurrence of an ambiguous time when the first has passed', () => {
    const ny = chat({ timeZone: 'America/New_York', quietStart: '22:00', quietEnd: '01:45' });
    // 06:30Z is 01:30 EST, the second 01:30 of the night; 01:45 EDT (05:45Z) is behind us.
    expect(new Date(quietEnd(ny, at('2026-11-01T06:30Z'))).toISOString()).toBe('2026-11-01T06:45:00.000Z');
  });

  it('defer a slot that falls inside them to the end of the window, not drop it', () => {
    const last = at('2026-05-09T04:00Z');
    const view = { ...moscow, lastDigestAt: last };
    expect(isDue(view, at('2026-05-10T20:00Z'))).toBe(false); // 23:00 slot, quiet
    expect(isDue(view, at('2026-05-11T03:59Z'))).toBe(false);
    expect(isDue(view, at('2026-05-11T04:00Z'))).toBe(true); // 07:00: the window is over
    const sent = { ...view, lastDigestAt: at('2026-05-11T04:00Z') };
    expect(isDue(sent, at('2026-05-11T12:00Z'))).toBe(false);
  });

  it('within one day keep a midday slot until the window closes', () => {
    const lunch = chat({ digestTime: '12:30', quietStart: '12:00', quietEnd: '14:00' });
    expect(isDue(lunch, at('2026-05-10T12:30Z'))).toBe(false);
    expect(isDue(lunch, at('2026-05-10T14:00Z'))).toBe(true);
  });

  it('of zero length mean no quiet hours at all', () => {
    expect(inQuietHours(chat({ quietStart: '22:00', quietEnd: '22:00' }), at('2026-05-10T22:00Z'))).toBe(false);
  });
});

describe('who is due', () => {
  it('is a daily chat at its slot and not a minute before', () => {
    const berlin = chat({ timeZone: 'Europe/Berlin', lastDigestAt: at('2026-06-30T06:00Z') });
    expect(isDue(berlin, at('2026-07-01T05:59Z'))).toBe(false);
    expect(isDue(berlin, at('2026-07-01T06:00Z'))).toBe(true);
  });

  it('is never a paused or blocked chat', () => {
    for (const status of ['paused', 'blocked']) {
      expect(isDue(chat({ status }), at('2026-07-01T09:00Z'))).toBe(false);
      expect(isDue(chat({ status, frequency: 'instant', lastDigestAt: null }), at('2026-07-01T09:00Z'))).toBe(false);
    }
  });

  it('catches up once on a slot missed while the process was down', () => {
    const down = chat({ lastDigestAt: at('2026-07-01T08:00Z') });
    expect(isDue(down, at('2026-07-02T11:00Z'))).toBe(true);
    const sent = { ...down, lastDigestAt: at('2026-07-02T11:00Z') };
    expect(isDue(sent, at('2026-07-02T11:01Z'))).toBe(false);
    expect(isDue(sent, at('2026-07-03T07:59Z'))).toBe(false);
    expect(isDue(sent, at('2026-07-03T08:00Z'))).toBe(true);
  });

  it('sends one digest, not one per missed day, after days of downtime', () => {
    const down = chat({ lastDigestAt: at('2026-07-01T08:00Z') });
    expect(isDue(down, at('2026-07-05T10:00Z'))).toBe(true);
    expect(isDue({ ...down, lastDigestAt: at('2026-07-05T10:00Z') }, at('2026-07-05T10:01Z'))).toBe(false);
  });

  it('does not send the fall-back night\'s 02:30 slot twice', () => {
    const berlin = chat({ timeZone: 'Europe/Berlin', digestTime: '02:30', lastDigestAt: at('2026-10-24T00:30Z') });
    expect(isDue(berlin, at('2026-10-25T00:30Z'))).toBe(true);
    const sent = { ...berlin, lastDigestAt: at('2026-10-25T00:30Z') };
    expect(isDue(sent, at('2026-10-25T01:30Z'))).toBe(false); // the second 02:30 local
  });

  it('gives a new subscriber the first digest at their next slot', () => {
    const fresh = chat({ lastDigestAt: null, createdAt: at('2026-07-01T10:00Z') });
    expect(isDue(fresh, at('2026-07-01T10:01Z'))).toBe(false);
    expect(isDue(fresh, at('2026-07-02T08:00Z'))).toBe(true);
    expect(isDue(chat({ lastDigestAt: null, createdAt: at('2026-07-01T07:59Z') }), at('2026-07-01T08:00Z'))).toBe(true);
  });

  it('is a weekly chat only after its weekday\'s slot', () => {
    const friday = chat({ frequency: 'weekly', weeklyDay: 5, digestTime: '09:00', timeZone: 'Asia/Dushanbe', lastDigestAt: at('2026-11-20T04:00Z') });
    expect(isDue(friday, at('2026-11-26T12:00Z'))).toBe(false); // Thursday
    expect(isDue(friday, at('2026-11-27T04:00Z'))).toBe(true); // Friday 09:00 local
  });

  it('is an instant chat when not quiet and at least five minutes after the last message', () => {
    const last = at('2026-07-01T10:00Z');
    const instant = chat({ frequency: 'instant', lastDigestAt: last });
    expect(isDue(instant, last + INSTANT_MIN_INTERVAL_MS - MINUTE)).toBe(false);
    expect(isDue(instant, last + INSTANT_MIN_INTERVAL_MS)).toBe(true);
    expect(isDue({ ...instant, lastDigestAt: null }, last)).toBe(true);
    const quiet = { ...instant, quietStart: '09:00', quietEnd: '11:00' };
    expect(isDue(quiet, last + INSTANT_MIN_INTERVAL_MS)).toBe(false);
  });

  it('is never a chat whose zone or time is broken', () => {
    expect(isDue(chat({ timeZone: 'Mars/Olympus' }), at('2026-07-01T09:00Z'))).toBe(false);
    expect(isDue(chat({ digestTime: 'noon' }), at('2026-07-01T09:00Z'))).toBe(false);
  });

  it('filters a list of chats and keeps their own type', () => {
    const rows = [
      { ...chat({ id: 1 }), title: 'due' },
      { ...chat({ id: 2, status: 'paused' }), title: 'paused' },
      { ...chat({ id: 3, lastDigestAt: at('2026-07-01T08:00Z') }), title: 'already sent' },
      { ...chat({ id: 4, digestTime: '23:00' }), title: 'missed last night' },
    ];
    const due = dueChats(rows, at('2026-07-01T09:00Z'));
    expect(due.map((c) => c.title)).toEqual(['due', 'missed last night']);
  });
});
