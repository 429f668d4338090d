// What the coordinator's board counts: the official four-way status of Decision
// 42/2014/QĐ-TTg (completed on time, completed late, not yet due, overdue) plus waived and
// extended, how long overdue items have been overdue in WORKING days (1–3, 4–7, 8–30, over
// 30), and DHIS2's two rates per unit (reporting rate and on-time rate). Pure: `now` and the
// calendar are parameters.
import type { BusinessCalendar } from './business-calendar';
import { localDateOf } from './local-date';
import { deadlineStatus, type DeadlineFacts, type DeadlineState } from './status';

/**
 * The official four states, plus a waived period and a period before tracking began (a plan
 * imported mid-span), which count in none of them.
 */
export type OfficialStatus = 'on-time' | 'late' | 'not-due' | 'overdue' | 'waived' | 'untracked';

export const OFFICIAL_STATUSES: readonly OfficialStatus[] = ['on-time', 'late', 'not-due', 'overdue', 'waived', 'untracked'];

export const OFFICIAL_STATUS_VI: Record<OfficialStatus, string> = {
  'on-time': 'Đã hoàn thành đúng hạn',
  late: 'Hoàn thành quá hạn',
  'not-due': 'Chưa đến hạn',
  overdue: 'Quá hạn',
  waived: 'Miễn báo cáo',
  untracked: 'Trước khi theo dõi',
};

/** The official names in English, for pages read in English. */
export const OFFICIAL_STATUS_EN: Record<OfficialStatus, string> = {
  'on-time': 'Completed on time',
  late: 'Completed late',
  'not-due': 'Not yet due',
  overdue: 'Overdue',
  waived: 'Waived',
  untracked: 'Before tracking',
};

export type AgeingBucket = '1-3' | '4-7' | '8-30' | '30+';
export const AGEING_BUCKETS: readonly AgeingBucket[] = ['1-3', '4-7', '8-30', '30+'];
export const AGEING_VI: Record<AgeingBucket, string> = { '1-3': '1–3 ngày', '4-7': '4–7 ngày', '8-30': '8–30 ngày', '30+': 'Trên 30 ngày' };

export const AGEING_EN: Record<AgeingBucket, string> = { '1-3': '1–3 days', '4-7': '4–7 days', '8-30': '8–30 days', '30+': 'Over 30 days' };

export function officialStatusOf(state: DeadlineState): OfficialStatus {
  switch (state) {
    case 'submitted-on-time':
      return 'on-time';
    case 'submitted-late':
      return 'late';
    case 'overdue':
    case 'escalated':
      return 'overdue';
    case 'waived':
      return 'waived';
    case 'before-tracking':
      return 'untracked';
    case 'upcoming':
    case 'due-soon':
    case 'due-today':
      return 'not-due';
  }
}

/**
 * The bucket of an overdue item by its working days overdue. An item overdue only since a
 * weekend or holiday (0 working days: the last day was a Saturday, today is Sunday) is in
 * the first bucket: it is overdue, and not by more than 3 working days.
 */
export function ageingBucket(workingDaysOverdue: number): AgeingBucket {
  if (workingDaysOverdue <= 3) return '1-3';
  if (workingDaysOverdue <= 7) return '4-7';
  if (workingDaysOverdue <= 30) return '8-30';
  return '30+';
}

export interface BoardEntry {
  official: OfficialStatus;
  state: DeadlineState;
  labelVi: string;
  labelEn: string;
  /**
   * Working days late: since the last day for an overdue item (as of `now`), or between the
   * last day and the day the report arrived for one completed late; 0 otherwise.
   */
  workingDaysLate: number;
  /** Only for overdue items; null otherwise. */
  ageing: AgeingBucket | null;
  extended: boolean;
  escalationLevel: number;
}

/** One deadline as the board shows it at `now`. */
export function boardEntry(facts: DeadlineFacts, now: Date, calendar: BusinessCalendar): BoardEntry {
  const status = deadlineStatus(facts, now, calendar);
  const official = officialStatusOf(status.state);
  let workingDaysLate = 0;
  if (official === 'overdue') workingDaysLate = status.workingDaysOverdue ?? 0;
  if (official === 'late' && facts.submittedAt) workingDaysLate = calendar.workingDaysBetween(facts.lastDay, localDateOf(facts.submittedAt));
  return {
    official,
    state: status.state,
    labelVi: status.labelVi,
    labelEn: status.labelEn,
    workingDaysLate,
    ageing: official === 'overdue' ? ageingBucket(workingDaysLate) : null,
    extended: status.extended,
    escalationLevel: facts.escalation?.level ?? 0,
  };
}

export interface BoardCounts {
  total: number;
  'on-time': number;
  late: number;
  'not-due': number;
  overdue: number;
  waived: number;
  /** Periods before tracking began: shown, never counted as due or late. */
  untracked: number;
  /** Extended items, whatever their state (an extended item is also in one of the others). */
  extended: number;
  ageing: Record<AgeingBucket, number>;
}

export function countBoard(entries: readonly BoardEntry[]): BoardCounts {
  const counts: BoardCounts = { total: 0, 'on-time': 0, late: 0, 'not-due': 0, overdue: 0, waived: 0, untracked: 0, extended: 0, ageing: { '1-3': 0, '4-7': 0, '8-30': 0, '30+': 0 } };
  for (const e of entries) {
    counts.total += 1;
    counts[e.official] += 1;
    if (e.extended) counts.extended += 1;
    if (e.ageing) counts.ageing[e.ageing] += 1;
  }
  return counts;
}

export interface Rates {
  /** Reports expected by now: every item completed, or whose last day has passed; waived ones are not expected. */
  expected: number;
  received: number;
  onTime: number;
  /** received ÷ expected, 0..1; null when nothing was expected yet. */
  reportingRate: number | null;
  /** on time ÷ expected, 0..1; null when nothing was expected yet. */
  onTimeRate: number | null;
}

/** DHIS2's reporting rate and on-time rate over some items (one agency, one plan, one commune). */
export function ratesOf(entries: readonly Pick<BoardEntry, 'official'>[]): Rates {
  let received = 0;
  let onTime = 0;
  let overdue = 0;
  for (const e of entries) {
    if (e.official === 'on-time') onTime += 1;
    if (e.official === 'on-time' || e.official === 'late') received += 1;
    if (e.official === 'overdue') overdue += 1;
  }
  const expected = received + overdue;
  return { expected, received, onTime, reportingRate: expected ? received / expected : null, onTimeRate: expected ? onTime / expected : null };
}

/** "87 %" (rounded down, so 99.6 % is never shown as "100 %"), or "–" when nothing was expected. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${Math.floor(rate * 100 + 1e-9)} %`;
}

/** The period a board shows by default: the current local year (period keys start with it). */
export function currentYear(now: Date): number {
  return localDateOf(now).year;
}
