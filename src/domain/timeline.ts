import type { BusinessCalendar } from './business-calendar';
import {
  addDays,
  compareDates,
  formatViDate,
  instantAt,
  toIsoDate,
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
  audience: Audience[];
  copyTo: Audience[];
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
  const quiet = new Set(policy.quietDays);
  const sendable = (d: LocalDate) => calendar.isWorkingDay(d) && !quiet.has(toIsoDate(d));
  const back = (d: LocalDate) => walk(d, -1, sendable);
  const forward = (d: LocalDate) => walk(d, 1, sendable);
  const at = (d: LocalDate) => instantAt(d, policy.sendHour, policy.sendMinute);
  const { lastDay } = deadline;
  const lastWorkingDay = deadline.lastWorkingDay ?? calendar.onOrBeforeWorkingDay(lastDay);
  const lastText = `${weekdayVi(lastDay)}, ${formatViDate(lastDay)}`;
  const steps: TimelineStep[] = [];

  for (const n of [...new Set(policy.reminderWorkingDaysBefore)].filter((n) => n > 0).sort((a, b) => b - a)) {
    const day = back(calendar.addWorkingDays(lastWorkingDay, -n));
    steps.push({
      key: `reminder-${n}wd`,
      kind: 'reminder',
      sendAt: at(day),
      audience: ['agency-contacts'],
      copyTo: [],
      workingDaysBefore: n,
      explanation: `Nhắc trước ${n} ngày làm việc so với ngày làm việc cuối ${formatViDate(lastWorkingDay)}; hạn cuối ${lastText}.`,
    });
  }
  if (policy.dueToday) {
    const day = back(lastWorkingDay);
    const onDay = compareDates(lastWorkingDay, lastDay) === 0;
    steps.push({
      key: 'due-today',
      kind: 'due-today',
      sendAt: at(day),
      audience: ['agency-contacts'],
      copyTo: [],
      workingDaysBefore: 0,
      explanation: onDay
        ? `Hôm nay (${lastText}) là ngày cuối còn đúng hạn.`
        : `Hạn cuối ${lastText} là ngày nghỉ; hôm nay, ${weekdayVi(day)} ${formatViDate(day)}, là ngày làm việc cuối trước hạn.`,
    });
  }
  // Strictly after the last day: the last day itself is still on time.
  const overdueDay = forward(addDays(lastDay, 1));
  if (policy.overdue) {
    steps.push({
      key: 'overdue',
      kind: 'overdue',
      sendAt: at(overdueDay),
      audience: ['agency-head', 'agency-contacts'],
      copyTo: ['coordinator'],
      workingDaysOverdue: calendar.workingDaysBetween(lastDay, overdueDay),
      explanation: `Ngày làm việc đầu tiên sau hạn cuối ${lastText}: báo cáo đã quá hạn.`,
    });
  }
  let lastLadderDay = overdueDay;
  policy.escalations
    .slice()
    .sort((a, b) => a.afterWorkingDays - b.afterWorkingDays)
    .forEach((level, i) => {
      const day = forward(calendar.addWorkingDays(lastDay, level.afterWorkingDays));
      if (compareDates(day, lastLadderDay) > 0) lastLadderDay = day;
      steps.push({
        key: `escalation-${i + 1}`,
        kind: 'escalation',
        sendAt: at(day),
        audience: [...level.audience],
        copyTo: [],
        escalationLevel: i + 1,
        workingDaysOverdue: calendar.workingDaysBetween(lastDay, day),
        explanation: `Quá hạn ${level.afterWorkingDays} ngày làm việc kể từ hạn cuối ${lastText}: báo cáo cấp ${i + 1}.`,
      });
    });
  let repeatDay = lastLadderDay;
  for (let i = 1; i <= policy.repeatCap && policy.repeatEveryDays > 0; i++) {
    repeatDay = forward(addDays(repeatDay, policy.repeatEveryDays));
    steps.push({
      key: `repeat-${i}`,
      kind: 'repeat',
      sendAt: at(repeatDay),
      audience: ['agency-contacts', 'agency-head'],
      copyTo: ['coordinator'],
      workingDaysOverdue: calendar.workingDaysBetween(lastDay, repeatDay),
      explanation: `Nhắc lại hằng tuần (lần ${i}) cho đến khi báo cáo được ghi nhận; hạn cuối ${lastText}.`,
    });
  }

  const after = options.after?.getTime() ?? -Infinity;
  const stopAt = options.submittedAt?.getTime() ?? Infinity;
  return steps
    .map((s, order) => ({ s, order }))
    .filter(({ s }) => s.sendAt.getTime() >= after && s.sendAt.getTime() < stopAt)
    .sort((a, b) => a.s.sendAt.getTime() - b.s.sendAt.getTime() || a.order - b.order)
    .map(({ s }) => s);
}

/** The sendable day at or beyond d in the given direction (d itself when sendable). */
function walk(d: LocalDate, direction: 1 | -1, sendable: (d: LocalDate) => boolean): LocalDate {
  let day = d;
  // Tết plus weekends plus quiet days never exceed a few weeks; 90 guards a broken policy.
  for (let i = 0; i < 90 && !sendable(day); i++) day = addDays(day, direction);
  return day;
}
