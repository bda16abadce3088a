/**
 * Who is due for a digest at an instant. Pure: the instant is passed in, so the cron tick, the
 * dry-run CLI and the tests all ask the same question. Schedules are local wall-clock times in the
 * chat's IANA zone; converting them to instants is where DST bites, so that is done explicitly.
 */
import { IANAZone } from 'luxon';

export interface ScheduleView {
  id: number;
  timeZone: string;
  digestTime: string;
  frequency: 'daily' | 'weekly' | 'instant';
  /** 0 = Sunday … 6 = Saturday. */
  weeklyDay: number;
  quietStart: string | null;
  quietEnd: string | null;
  status: string;
  lastDigestAt: number | null;
  /**
   * When the chat subscribed. With no digest yet, only slots after this count, so a new subscriber
   * gets the first digest at their next slot. Optional so plain schedule views still type-check;
   * without it a chat that never had a digest is due at its latest slot.
   */
  createdAt?: number;
}

/** Instant mode batches whatever arrived; this keeps it from becoming a message per article. */
export const INSTANT_MIN_INTERVAL_MS = 5 * 60_000;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight, or undefined for anything that is not a valid 'HH:MM'. */
function minuteOfDay(value: string | null): number | undefined {
  const m = value === null ? null : HH_MM.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

function zoneOf(name: string): IANAZone | undefined {
  // IANAZone.create caches instances; an unknown zone yields an invalid one.
  const zone = IANAZone.create(name);
  return zone.isValid ? zone : undefined;
}

// Asking Intl for an offset costs microseconds, and a tick asks for every chat; but chats share zones
// and slot times, so the distinct (zone, instant) pairs are few. Bounded so a long-lived process
// does not grow it forever.
const OFFSET_CACHE_LIMIT = 200_000;
const offsetCache = new Map<string, number>();

/** Offset in ms; luxon gives minutes. */
function offsetMs(zone: IANAZone, at: number): number {
  const key = `${zone.name}|${at}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offset = zone.offset(at) * MINUTE;
    offsetCache.set(key, offset);
  }
  return offset;
}

interface LocalParts {
  /** The local wall clock read as if it were UTC: calendar maths on it ignores DST. */
  wall: number;
  minute: number;
  weekday: number;
}

function localParts(zone: IANAZone, at: number): LocalParts {
  const wall = at + offsetMs(zone, at);
  const d = new Date(wall);
  return { wall, minute: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: d.getUTCDay() };
}

/** Local midnight of the wall clock `wall`, moved by `days`, plus `minute` minutes, as a wall value. */
function wallAt(wall: number, days: number, minute: number): number {
  return Math.floor(wall / DAY) * DAY + days * DAY + minute * MINUTE;
}

/**
 * Every instant whose local wall clock reads `wall`, earliest first: two during a fall-back overlap,
 * one normally. A wall time skipped by a spring-forward gap maps to the first valid minute after
 * the gap (the transition instant), so a 02:30 slot on that day still fires, at 03:00.
 */
function instantsOf(zone: IANAZone, wall: number): number[] {
  const offsets = new Set([offsetMs(zone, wall - DAY), offsetMs(zone, wall), offsetMs(zone, wall + DAY)]);
  const valid = [...offsets].map((o) => wall - o).filter((at) => at + offsetMs(zone, at) === wall);
  if (valid.length > 0) return [...new Set(valid)].sort((a, b) => a - b);

  // In the gap: local time jumps over `wall` somewhere between these two instants; find the jump.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (mid + offsetMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return [hi];
}

function firstInstantOf(zone: IANAZone, wall: number): number {
  return instantsOf(zone, wall)[0] ?? wall;
}

export function lastSlot(chat: ScheduleView, at: number): number | undefined {
  if (chat.frequency === 'instant') return undefined;
  const zone = zoneOf(chat.timeZone);
  const minute = minuteOfDay(chat.digestTime);
  if (!zone || minute === undefined) return undefined;
  const local = localParts(zone, at);

  const period = chat.frequency === 'weekly' ? 7 : 1;
  const weekday = ((Math.trunc(chat.weeklyDay) % 7) + 7) % 7;
  let daysBack = chat.frequency === 'weekly' ? (local.weekday - weekday + 7) % 7 : 0;
  // Two steps back always suffice; the loop only guards against a gap pushing a slot past `at`.
  for (let step = 0; step < 3; step++, daysBack += period) {
    const slot = firstInstantOf(zone, wallAt(local.wall, -daysBack, minute));
    if (slot <= at) return slot;
  }
  return undefined;
}

interface QuietWindow {
  start: number;
  end: number;
}

function quietWindow(chat: ScheduleView): QuietWindow | undefined {
  const start = minuteOfDay(chat.quietStart);
  const end = minuteOfDay(chat.quietEnd);
  // A zero-length window is refused by /quiet; here it means "no quiet hours", never "always quiet".
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

function insideWindow(window: QuietWindow, minute: number): boolean {
  return window.start < window.end
    ? minute >= window.start && minute < window.end
    : minute >= window.start || minute < window.end;
}

export function inQuietHours(chat: ScheduleView, at: number): boolean {
  const window = quietWindow(chat);
  const zone = zoneOf(chat.timeZone);
  if (!window || !zone) return false;
  return insideWindow(window, localParts(zone, at).minute);
}

/** When quiet hours defer a digest: the instant the window ends (local), else `at`. */
export function quietEnd(chat: ScheduleView, at: number): number {
  const window = quietWindow(chat);
  const zone = zoneOf(chat.timeZone);
  if (!window || !zone) return at;
  const local = localParts(zone, at);
  if (!insideWindow(window, local.minute)) return at;
  // A window crossing midnight that we are in before midnight ends tomorrow.
  const days = window.start > window.end && local.minute >= window.start ? 1 : 0;
  // After a fall-back the end's first occurrence may already be behind us: take the next one.
  const candidates = instantsOf(zone, wallAt(local.wall, days, window.end));
  return candidates.find((t) => t > at) ?? at;
}

/**
 * When the chat's next scheduled briefing goes out: its next slot after `at`, moved to the end of
 * quiet hours when it falls inside them. Undefined for instant chats (they go as stories arrive)
 * and paused ones.
 */
export function nextBriefingAt(chat: ScheduleView, at: number): number | undefined {
  if (chat.status !== 'active' || chat.frequency === 'instant') return undefined;
  const period = (chat.frequency === 'weekly' ? 7 : 1) * 86_400_000;
  // The latest slot a period (and a DST hour) on is the next one; the one before may still be ahead.
  const candidates = [lastSlot(chat, at + period - 2 * 3_600_000), lastSlot(chat, at + period + 2 * 3_600_000)];
  const next = candidates.filter((t): t is number => t !== undefined && t > at).sort((a, b) => a - b)[0];
  return next === undefined ? undefined : quietEnd(chat, next);
}

/**
 * Daily/weekly: due when the latest slot is newer than the last digest, so a slot missed while the
 * process was down (or held back by quiet hours) is delivered once, when we are next allowed to,
 * and never twice: setting lastDigestAt to the run time moves the bar past that slot.
 */
export function isDue(chat: ScheduleView, at: number): boolean {
  if (chat.status !== 'active') return false;
  if (inQuietHours(chat, at)) return false;
  if (chat.frequency === 'instant') {
    return chat.lastDigestAt === null || at - chat.lastDigestAt >= INSTANT_MIN_INTERVAL_MS;
  }
  const slot = lastSlot(chat, at);
  if (slot === undefined) return false;
  const since = chat.lastDigestAt ?? chat.createdAt;
  return since === undefined || slot > since;
}

export function dueChats<T extends ScheduleView>(chats: readonly T[], at: number): T[] {
  return chats.filter((chat) => isDue(chat, at));
}
