import type { BusinessCalendar } from './business-calendar';
import { DomainError } from './errors';
import {
  addDays,
  compareDates,
  dayNumber,
  fromDayNumber,
  parseIsoDate,
  formatViDate,
  instantAt,
  localDateOf,
  weekdayVi,
  type LocalDate,
} from './local-date';

export type Audience = 'agency-contacts' | 'agency-head' | 'coordinator' | 'coordinator-head' | 'leadership';
export type StepKind = 'reminder' | 'due-today' | 'overdue' | 'escalation' | 'repeat';

export interface EscalationLevel {
  /** Sent on the day the report is this many working days late. */
  afterWorkingDays: number;
  audience: Audience[];
}

export interface ReminderPolicy {
  /** Working days before the last working day on which reminders go out. */
  reminderWorkingDaysBefore: number[];
  /** Local hour (0-23) and minute at which every step is sent; never at night. */
  sendHour: number;
  sendMinute: number;
  /**
   * End of the sending window (local hour, exclusive; default 17). A message whose instant
   * has passed (a worker was down, a reminder requested in the evening) goes out at once
   * only between sendHour and this hour of a sendable day, otherwise the next working morning.
   */
  latestSendHour?: number;
  dueToday: boolean;
  overdue: boolean;
  escalations: EscalationLevel[];
  /** Calendar days between repeats after the last escalation, and how many at most. */
  repeatEveryDays: number;
  repeatCap: number;
  /** ISO days on which nothing is sent (e.g. a local event), besides days off. */
  quietDays: string[];
}

/** DOMAIN.md "What happens around one deadline". */
export const defaultReminderPolicy: ReminderPolicy = {
  reminderWorkingDaysBefore: [14, 7, 3, 1],
  sendHour: 8,
  sendMinute: 0,
  dueToday: true,
  overdue: true,
  escalations: [
    { afterWorkingDays: 3, audience: ['coordinator-head', 'coordinator'] },
    { afterWorkingDays: 7, audience: ['leadership', 'coordinator'] },
  ],
  repeatEveryDays: 7,
  // Half a year of weekly reminders; after that the coordinator decides (waiver or call).
  repeatCap: 26,
  quietDays: [],
};

export interface TimelineStep {
  /** Stable and unique within a deadline: the outbox key and the workflow's memory. */
  key: string;
  kind: StepKind;
  sendAt: Date;
  /** Shared, frozen arrays: copy before changing. */
  audience: readonly Audience[];
  copyTo: readonly Audience[];
  workingDaysBefore?: number;
  workingDaysOverdue?: number;
  escalationLevel?: number;
  explanation: string;
}

export interface TimelineDeadline {
  lastDay: LocalDate;
  /** Defaults to lastDay or the working day before it. */
  lastWorkingDay?: LocalDate;
}

// Audience lists shared by every step (one allocation per process, not per step).
const AGENCY: readonly Audience[] = Object.freeze(['agency-contacts']);
const AGENCY_AND_HEAD: readonly Audience[] = Object.freeze(['agency-head', 'agency-contacts']);
const REPEAT_AUDIENCE: readonly Audience[] = Object.freeze(['agency-contacts', 'agency-head']);
const COORDINATOR: readonly Audience[] = Object.freeze(['coordinator']);
const NOBODY: readonly Audience[] = Object.freeze([]);

export interface TimelineOptions {
  /** Only steps at or after this instant (replanning from now). */
  after?: Date;
  /** No step at or after a recorded submission. */
  submittedAt?: Date | null;
  /** A waived period has no steps at all. */
  waived?: boolean;
}

/**
 * The ordered steps around one deadline. Every step is on a sendable day (a working day
 * that is not quiet) at the policy's hour. An extension is a new lastDay planned with
 * `after` = now. Reminders that would fall before `after` are dropped, never moved later:
 * a late-created deadline starts with whatever is still ahead.
 */
export function planSteps(
  deadline: TimelineDeadline,
  policy: ReminderPolicy,
  calendar: BusinessCalendar,
  options: TimelineOptions = {},
): TimelineStep[] {
  if (options.waived) return [];
  // No closures here: this runs for every deadline on every replan (bench/domain-bench.ts).
  const ctx: Ctx = { calendar, quiet: policy.quietDays.length ? new Set(policy.quietDays.map(isoDayNumber)) : null, policy };
  const { lastDay } = deadline;
  const lastWorkingDay = deadline.lastWorkingDay ?? calendar.onOrBeforeWorkingDay(lastDay);
  const lastText = `${weekdayVi(lastDay)}, ${formatViDate(lastDay)}`;
  const lastWorkingText = formatViDate(lastWorkingDay);
  const steps: TimelineStep[] = [];

  const { offsets, levels } = normalised(policy);
  // One backward scan from the last working day finds every reminder day (offsets descend,
  // so the scan is as long as the largest offset, not the sum of them).
  const reminderDays = workingDaysBack(calendar, dayNumber(lastWorkingDay), offsets);
  for (let k = 0; k < offsets.length; k++) {
    const n = offsets[k]!;
    const day = walkNumber(ctx, reminderDays[k]!, -1);
    steps.push({
      key: `reminder-${n}wd`,
      kind: 'reminder',
      sendAt: atNumber(ctx, day),
      audience: AGENCY,
      copyTo: NOBODY,
      workingDaysBefore: n,
      explanation: `Nhắc trước ${n} ngày làm việc so với ngày làm việc cuối ${lastWorkingText}; hạn cuối ${lastText}.`,
    });
  }
  if (policy.dueToday) {
    const day = walk(ctx, lastWorkingDay, -1);
    const onDay = compareDates(lastWorkingDay, lastDay) === 0;
    steps.push({
      key: 'due-today',
      kind: 'due-today',
      sendAt: at(ctx, day),
      audience: AGENCY,
      copyTo: NOBODY,
      workingDaysBefore: 0,
      explanation: onDay
        ? `Hôm nay (${lastText}) là ngày cuối còn đúng hạn.`
        : `Hạn cuối ${lastText} là ngày nghỉ; hôm nay, ${weekdayVi(day)} ${formatViDate(day)}, là ngày làm việc cuối trước hạn.`,
    });
  }
  // Strictly after the last day: the last day itself is still on time.
  const overdueDay = walk(ctx, addDays(lastDay, 1), 1);
  if (policy.overdue) {
    steps.push({
      key: 'overdue',
      kind: 'overdue',
      sendAt: at(ctx, overdueDay),
      audience: AGENCY_AND_HEAD,
      copyTo: COORDINATOR,
      workingDaysOverdue: calendar.workingDaysBetween(lastDay, overdueDay),
      explanation: `Ngày làm việc đầu tiên sau hạn cuối ${lastText}: báo cáo đã quá hạn.`,
    });
  }
  let lastLadderDay = overdueDay;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const day = walk(ctx, calendar.addWorkingDays(lastDay, level.afterWorkingDays), 1);
    if (compareDates(day, lastLadderDay) > 0) lastLadderDay = day;
    steps.push({
      key: `escalation-${i + 1}`,
      kind: 'escalation',
      sendAt: at(ctx, day),
      audience: level.audience,
      copyTo: NOBODY,
      escalationLevel: i + 1,
      workingDaysOverdue: calendar.workingDaysBetween(lastDay, day),
      explanation: `Quá hạn ${level.afterWorkingDays} ngày làm việc kể từ hạn cuối ${lastText}: báo cáo cấp ${i + 1}.`,
    });
  }
  // Day numbers rather than LocalDates: up to repeatCap steps per deadline, the hot loop.
  const lastDayNumber = dayNumber(lastDay);
  let repeatDay = dayNumber(lastLadderDay);
  for (let i = 1; i <= policy.repeatCap && policy.repeatEveryDays > 0; i++) {
    repeatDay = walkNumber(ctx, repeatDay + policy.repeatEveryDays, 1);
    steps.push({
      key: `repeat-${i}`,
      kind: 'repeat',
      sendAt: atNumber(ctx, repeatDay),
      audience: REPEAT_AUDIENCE,
      copyTo: COORDINATOR,
      workingDaysOverdue: calendar.workingDaysBetweenNumbers(lastDayNumber, repeatDay),
      explanation: `Nhắc lại hằng tuần (lần ${i}) cho đến khi báo cáo được ghi nhận; hạn cuối ${lastText}.`,
    });
  }

  const after = options.after?.getTime() ?? -Infinity;
  const stopAt = options.submittedAt?.getTime() ?? Infinity;
  const kept: TimelineStep[] = [];
  let sorted = true;
  for (const step of steps) {
    const t = step.sendAt.getTime();
    if (t < after || t >= stopAt) continue;
    if (kept.length && kept[kept.length - 1]!.sendAt.getTime() > t) sorted = false;
    kept.push(step);
  }
  // Array.prototype.sort is stable: steps at the same instant keep the ladder's order.
  return sorted ? kept : kept.sort(bySendAt);
}

interface NormalisedPolicy {
  /** Distinct positive reminder offsets, largest first. */
  offsets: number[];
  /** Escalation levels by delay, shortest first. */
  levels: EscalationLevel[];
}

// Policies are treated as immutable values (they come from configuration or a workflow's
// input), so their normalised form is computed once per policy object.
const normalisedPolicies = new WeakMap<ReminderPolicy, NormalisedPolicy>();

function normalised(policy: ReminderPolicy): NormalisedPolicy {
  let found = normalisedPolicies.get(policy);
  if (!found) {
    found = {
      offsets: [...new Set(policy.reminderWorkingDaysBefore)].filter(isPositive).sort(descending),
      levels: [...policy.escalations].sort(byAfterWorkingDays),
    };
    normalisedPolicies.set(policy, found);
  }
  return found;
}

/**
 * Day numbers `offsets[k]` working days before day number `from` (offsets descending), in
 * the same order; the same as calendar.addWorkingDays(from, -offset) for each.
 */
function workingDaysBack(calendar: BusinessCalendar, from: number, offsets: number[]): number[] {
  const found = new Array<number>(offsets.length);
  // A calendar with no working days would scan forever; weekends and Tết never need this many.
  const limit = from - 60 - 7 * (offsets[0] ?? 0);
  let day = from;
  let counted = 0;
  for (let k = offsets.length - 1; k >= 0; k--) {
    while (counted < offsets[k]!) {
      day -= 1;
      if (day < limit) {
        throw new DomainError('calendar-without-working-days', 'Lịch không có đủ ngày làm việc trước hạn', 'The calendar has too few working days before the deadline');
      }
      if (calendar.isWorkingDayNumber(day)) counted += 1;
    }
    found[k] = day;
  }
  return found;
}

interface Ctx {
  calendar: BusinessCalendar;
  /** Quiet days as day numbers. */
  quiet: Set<number> | null;
  policy: ReminderPolicy;
}

function isoDayNumber(iso: string): number {
  return dayNumber(parseIsoDate(iso));
}

function isPositive(n: number): boolean {
  return n > 0;
}
function descending(a: number, b: number): number {
  return b - a;
}
function byAfterWorkingDays(a: EscalationLevel, b: EscalationLevel): number {
  return a.afterWorkingDays - b.afterWorkingDays;
}
function bySendAt(a: TimelineStep, b: TimelineStep): number {
  return a.sendAt.getTime() - b.sendAt.getTime();
}

function at(ctx: Ctx, d: LocalDate): Date {
  return instantAt(d, ctx.policy.sendHour, ctx.policy.sendMinute);
}

/** The send instant on a day number: local wall time at UTC+7. */
function atNumber(ctx: Ctx, n: number): Date {
  return new Date(n * 86_400_000 + (ctx.policy.sendHour - 7) * 3_600_000 + ctx.policy.sendMinute * 60_000);
}

function sendable(ctx: Ctx, n: number): boolean {
  return ctx.calendar.isWorkingDayNumber(n) && (ctx.quiet === null || !ctx.quiet.has(n));
}

/** The sendable day at or beyond day number n in the given direction (n itself when sendable). */
function walkNumber(ctx: Ctx, n: number, direction: 1 | -1): number {
  let day = n;
  // Tết plus weekends plus quiet days never exceed a few weeks; 90 guards a broken policy.
  for (let i = 0; i < 90 && !sendable(ctx, day); i++) day += direction;
  return day;
}

function walk(ctx: Ctx, d: LocalDate, direction: 1 | -1): LocalDate {
  const n = dayNumber(d);
  const found = walkNumber(ctx, n, direction);
  return found === n ? d : fromDayNumber(found);
}

/** Default end of the sending window, local hour: offices close around 17:00. */
export const DEFAULT_LATEST_SEND_HOUR = 17;

/**
 * The instant a message meant for `at` may go out: `at` itself when it falls on a sendable
 * day (a working day that is not quiet) between the policy's send hour and its latest send
 * hour; before the window on a sendable day, that day at the send hour; otherwise the next
 * sendable day at the send hour. Never at night, never on a day off.
 */
export function nextSendingInstant(at: Date, policy: ReminderPolicy, calendar: BusinessCalendar): Date {
  const ctx: Ctx = { calendar, quiet: policy.quietDays.length ? new Set(policy.quietDays.map(isoDayNumber)) : null, policy };
  const today = dayNumber(localDateOf(at));
  const opens = atNumber(ctx, today);
  const closes = new Date(today * 86_400_000 + ((policy.latestSendHour ?? DEFAULT_LATEST_SEND_HOUR) - 7) * 3_600_000);
  if (sendable(ctx, today)) {
    if (at.getTime() < opens.getTime()) return opens;
    if (at.getTime() < closes.getTime()) return at;
  }
  return atNumber(ctx, walkNumber(ctx, today + 1, 1));
}
