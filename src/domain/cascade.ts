// Upward reports: the coordinator compiles the agencies' reports and reports on to the
// province. Its own deadline must leave at least one working day after the agencies' one,
// or the roll-up is late by construction. Pure code.
import type { BusinessCalendar } from './business-calendar';
import { formatViDate, type LocalDate } from './local-date';

export const MIN_CASCADE_GAP_WORKING_DAYS = 1;

export interface CascadeCheck {
  ok: boolean;
  /** Working days strictly between the agencies' last day and the roll-up's last day. */
  gapWorkingDays: number;
  messageVi: string;
  messageEn: string;
}

/** Working days strictly between a and b (0 when b <= a). */
function workingDaysStrictlyBetween(a: LocalDate, b: LocalDate, calendar: BusinessCalendar): number {
  const upTo = calendar.workingDaysBetween(a, b);
  return Math.max(0, upTo - (calendar.isWorkingDay(b) && upTo > 0 ? 1 : 0));
}

export function checkCascade(
  agencyLastDay: LocalDate,
  rollUpLastDay: LocalDate,
  calendar: BusinessCalendar,
  minGapWorkingDays = MIN_CASCADE_GAP_WORKING_DAYS,
): CascadeCheck {
  const gap = workingDaysStrictlyBetween(agencyLastDay, rollUpLastDay, calendar);
  const ok = gap >= minGapWorkingDays;
  const a = formatViDate(agencyLastDay);
  const b = formatViDate(rollUpLastDay);
  return ok
    ? { ok, gapWorkingDays: gap, messageVi: `Có ${gap} ngày làm việc để tổng hợp (từ ${a} đến ${b}).`, messageEn: `${gap} working days to compile (${a} to ${b}).` }
    : {
        ok,
        gapWorkingDays: gap,
        messageVi: `Hạn tổng hợp ${b} không còn ngày làm việc nào sau hạn của các đơn vị (${a}); cần ít nhất ${minGapWorkingDays} ngày.`,
        messageEn: `The roll-up due ${b} leaves no working day after the agencies' deadline (${a}); at least ${minGapWorkingDays} needed.`,
      };
}

/** The earliest roll-up last day that leaves `gap` working days after the agencies' last day. */
export function rollUpDeadline(agencyLastDay: LocalDate, calendar: BusinessCalendar, gap = MIN_CASCADE_GAP_WORKING_DAYS): LocalDate {
  return calendar.addWorkingDays(agencyLastDay, gap + 1);
}
