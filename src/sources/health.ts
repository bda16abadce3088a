import { isFailing } from './backoff.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A source is deactivated after at least this many failures in a row *and* DEAD_AFTER_MS since the
 * first of them. The span is what proves a source dead: with the poller's backoff (doubling, capped
 * at a day) ten failures take about four days, so normally the week decides. The count guards the
 * other way: if the bot itself was down for a week, two or three failed polls across that gap say
 * little about the site, and ten attempts, at least the last few a day apart, do.
 */
export const DEAD_AFTER_FAILURES = 10;
export const DEAD_AFTER_MS = 7 * DAY_MS;

export type HealthEvent = 'failing' | 'deactivated' | 'recovered';
export type DeactivatedReason = 'gone' | 'dead';

/** The columns of a source its health is decided from. */
export interface HealthState {
  status: 'active' | 'paused' | 'failing';
  consecutiveFailures: number;
  failingSince: number | null;
  deactivatedAt: number | null;
  deactivatedReason: DeactivatedReason | null;
}

/** `failing`: the caller judged the source failing whatever the count (admin tools, tests). */
export type PollOutcome = { ok: true; at: number } | { ok: false; at: number; gone: boolean; failing?: boolean };

export interface HealthDecision {
  next: HealthState;
  /** Set only on a change of state, so admins hear once per change however often the poller runs. */
  event?: HealthEvent;
}

const HEALTHY = { consecutiveFailures: 0, failingSince: null, deactivatedAt: null, deactivatedReason: null } as const;

export function isDeactivated(state: Pick<HealthState, 'deactivatedAt'>): boolean {
  return state.deactivatedAt !== null;
}

/**
 * What a poll's outcome does to a source. Pure: the repository applies `next` to the row it has
 * just read, so the decision sees the stored state (a restart or a parallel poll cannot resend).
 */
export function decideHealth(before: HealthState, outcome: PollOutcome): HealthDecision {
  if (outcome.ok) {
    // An admin's pause that landed while the poll was in flight stands.
    const status = before.status === 'paused' && !isDeactivated(before) ? 'paused' : 'active';
    const next: HealthState = { status, ...HEALTHY };
    return before.status === 'failing' || isDeactivated(before) ? { next, event: 'recovered' } : { next };
  }
  const failures = before.consecutiveFailures + 1;
  const failingSince = before.failingSince ?? outcome.at;
  if (isDeactivated(before)) return { next: { ...before, consecutiveFailures: failures, failingSince } };

  const dead = failures >= DEAD_AFTER_FAILURES && outcome.at - failingSince >= DEAD_AFTER_MS;
  if (outcome.gone || dead) {
    return {
      next: { status: 'paused', consecutiveFailures: failures, failingSince, deactivatedAt: outcome.at, deactivatedReason: outcome.gone ? 'gone' : 'dead' },
      event: 'deactivated',
    };
  }
  const common = { consecutiveFailures: failures, failingSince, deactivatedAt: null, deactivatedReason: null };
  if (before.status === 'paused') return { next: { status: 'paused', ...common } };
  if (!isFailing(failures) && !outcome.failing) return { next: { status: before.status, ...common } };
  return before.status === 'failing' ? { next: { status: 'failing', ...common } } : { next: { status: 'failing', ...common }, event: 'failing' };
}

export interface HealthSource extends HealthState {
  name: string | null;
  url: string;
  lastError: string | null;
}

export interface HealthMessage {
  /** Under the `source_health` locale section. */
  key: string;
  /** Raw text: i18n escapes interpolated values for HTML itself. */
  params: { name: string; url: string; error: string; count?: number; failures?: number };
}

/** The admin message for an event; `count` drives the plural (failures for 'failing', days for 'dead'). */
export function healthMessage(source: HealthSource, event: HealthEvent, now: number): HealthMessage {
  const base = { name: source.name ?? source.url, url: source.url, error: source.lastError ?? '' };
  if (event === 'recovered') return { key: 'source_health.recovered', params: base };
  if (event === 'failing') return { key: 'source_health.failing', params: { ...base, count: source.consecutiveFailures } };
  if (source.deactivatedReason === 'gone') return { key: 'source_health.deactivated_gone', params: base };
  const days = Math.floor((now - (source.failingSince ?? now)) / DAY_MS);
  return { key: 'source_health.deactivated_dead', params: { ...base, count: days, failures: source.consecutiveFailures } };
}
