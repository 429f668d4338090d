import type { BusinessCalendar } from './business-calendar';
import { compareDates, dayNumber, formatViDate, localDateOf, type LocalDate } from './local-date';

export type DeadlineState =
  | 'upcoming'
  | 'due-soon'
  | 'due-today'
  | 'overdue'
  | 'escalated'
  | 'submitted-on-time'
  | 'submitted-late'
  | 'waived'
  | 'before-tracking';

export interface DeadlineFacts {
  lastDay: LocalDate;
  lastWorkingDay?: LocalDate;
  submittedAt?: Date | null;
  waived?: boolean;
  /**
   * A period whose last day passed before the plan was imported (src/domain/tracking.ts):
   * never reminded, so neither due nor late, and never escalated.
   */
  beforeTracking?: boolean;
  /** The last day before an extension, when one was granted. */
  extendedFrom?: LocalDate | null;
  /**
   * The highest escalation actually sent for this deadline and to whom (names, as the
   * email addressed them). A deadline is "escalated" only once such an email went out:
   * never because the calendar says it should have.
   */
  escalation?: { level: number; to: string } | null;
}

export interface DeadlineStatus {
  state: DeadlineState;
  /** Working days until the last working day (upcoming, due soon). */
  workingDaysLeft?: number;
  /** Working days since the last day (overdue, escalated). */
  workingDaysOverdue?: number;
  /** Calendar days between the last day and the day the report arrived (submitted late). */
  daysLate?: number;
  /** Highest escalation level sent (escalated). */
  escalationLevel?: number;
  extended: boolean;
  /** Short Vietnamese label for lists: "Quá hạn 4 ngày làm việc". */
  labelVi: string;
  /** The same in English, for a page or an email read in English: "Overdue by 4 working days". */
  labelEn: string;
}

/** "Due soon" starts this many working days before the last working day. */
export const DUE_SOON_WORKING_DAYS = 3;

/**
 * The state of a deadline as a coordinator sees it at `now`. A report counts as on time
 * when it arrives on or before lastDay (local), whatever the hour.
 */
export function deadlineStatus(
  facts: DeadlineFacts,
  now: Date,
  calendar: BusinessCalendar,
): DeadlineStatus {
  const extended = Boolean(facts.extendedFrom);
  const suffix = extended ? ' (đã gia hạn)' : '';
  const suffixEn = extended ? ' (extended)' : '';
  const { lastDay } = facts;
  if (facts.waived) return { state: 'waived', extended, labelVi: 'Miễn báo cáo kỳ này', labelEn: 'Waived for this period' };
  if (facts.submittedAt) {
    const day = localDateOf(facts.submittedAt);
    if (compareDates(day, lastDay) <= 0) return { state: 'submitted-on-time', extended, labelVi: `Đã nộp đúng hạn${suffix}`, labelEn: `Submitted on time${suffixEn}` };
    const daysLate = dayNumber(day) - dayNumber(lastDay);
    return { state: 'submitted-late', daysLate, extended, labelVi: `Đã nộp, trễ ${daysLate} ngày${suffix}`, labelEn: `Submitted ${daysLate} ${daysLate === 1 ? 'day' : 'days'} late${suffixEn}` };
  }
  if (facts.beforeTracking) return { state: 'before-tracking', extended, labelVi: 'Trước khi bắt đầu theo dõi', labelEn: 'Before tracking began' };
  const today = localDateOf(now);
  const lastWorkingDay = facts.lastWorkingDay ?? calendar.onOrBeforeWorkingDay(lastDay);
  if (compareDates(today, lastDay) > 0) {
    const workingDaysOverdue = calendar.workingDaysBetween(lastDay, today);
    const overdueText = workingDaysOverdue > 0 ? `${workingDaysOverdue} ngày làm việc` : `từ ${formatViDate(lastDay)}`;
    const overdueEn = workingDaysOverdue > 0 ? `by ${workingDaysOverdue} working ${workingDaysOverdue === 1 ? 'day' : 'days'}` : `since ${formatViDate(lastDay)}`;
    const escalation = facts.escalation && facts.escalation.level > 0 ? facts.escalation : null;
    // "đã báo cáo cấp 2" read as "has reported": say what was sent, and to whom.
    return escalation
      ? {
          state: 'escalated',
          workingDaysOverdue,
          escalationLevel: escalation.level,
          extended,
          labelVi: `Quá hạn ${overdueText}${suffix}; đã gửi thư đôn đốc tới ${escalation.to}`,
          labelEn: `Overdue ${overdueEn}${suffixEn}; urging letter sent to ${escalation.to}`,
        }
      : { state: 'overdue', workingDaysOverdue, extended, labelVi: `Quá hạn ${overdueText}${suffix}`, labelEn: `Overdue ${overdueEn}${suffixEn}` };
  }
  if (compareDates(today, lastWorkingDay) >= 0) {
    return { state: 'due-today', workingDaysLeft: 0, extended, labelVi: `Đến hạn hôm nay${suffix}`, labelEn: `Due today${suffixEn}` };
  }
  const workingDaysLeft = calendar.workingDaysBetween(today, lastWorkingDay);
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS
    ? { state: 'due-soon', workingDaysLeft, extended, labelVi: `Sắp đến hạn: còn ${workingDaysLeft} ngày làm việc${suffix}`, labelEn: `Due soon: ${workingDaysLeft} working ${workingDaysLeft === 1 ? 'day' : 'days'} left${suffixEn}` }
    : { state: 'upcoming', workingDaysLeft, extended, labelVi: `Chưa đến hạn: còn ${workingDaysLeft} ngày làm việc${suffix}`, labelEn: `Not yet due: ${workingDaysLeft} working ${workingDaysLeft === 1 ? 'day' : 'days'} left${suffixEn}` };
}
