import type { BusinessCalendar } from './business-calendar';
import type { DueDay, DueRule, DueSchedule } from './due-rule';
import { DomainError } from './errors';
import {
  addDays,
  compareDates,
  daysInMonth,
  formatViDate,
  localDate,
  startOfLocalDay,
  weekdayVi,
  type LocalDate,
} from './local-date';

/**
 * What a deadline that falls on a day off means.
 * - 'written-date' (default): the written date stands; reports may arrive on any day, and
 *   the "due today" notice goes out on the last working day before it.
 * - 'civil-code': Civil Code 2015 art. 148(5): a period whose last day is a day off ends at
 *   the end of the next working day.
 */
export type HolidayRule = 'written-date' | 'civil-code';

export interface PeriodOptions {
  holidayRule?: HolidayRule;
  /** A plan issued after this year's last day starts with the next period. */
  issuedOn?: LocalDate;
}

export interface PeriodInstance {
  /** Stable key: "2026", "2026-H1", "2026-H2", "2026-Q3", "2026-11", "once-2027-06-30". */
  periodKey: string;
  /** Vietnamese label shown to users: "Năm 2026", "6 tháng đầu năm 2026", "Quý III/2026". */
  label: string;
  /** The last local day on which the report is on time. */
  lastDay: LocalDate;
  /** lastDay, or the working day before it when lastDay is a day off (the "due today" day). */
  lastWorkingDay: LocalDate;
  /** The instant the report becomes late: the start of the local day after lastDay. */
  dueAt: Date;
  /** The data the report covers, per Decree 09/2019/NĐ-CP (windows end on the 14th). */
  dataWindow: { from: LocalDate; to: LocalDate };
  ruleText: string;
  explanation: string;
}

/** Plans longer than this are typing mistakes ("2026-2300"), not plans. */
export const MAX_SPAN_YEARS = 50;

/**
 * Every period of a rule whose year lies in the plan's span, in order of lastDay.
 * Ad-hoc rules produce no periods (their deadlines come from requests).
 */
export function periodsFor(
  rule: DueRule,
  span: { from: number; to: number },
  calendar: BusinessCalendar,
  options: PeriodOptions = {},
): PeriodInstance[] {
  checkSpan(span);
  const out: PeriodInstance[] = [];
  for (const schedule of rule.schedules) {
    for (const raw of rawPeriods(schedule, span)) {
      if (raw.year < span.from || raw.year > span.to) continue;
      const instance = finish(raw, rule.text, calendar, options.holidayRule ?? 'written-date');
      if (options.issuedOn && compareDates(instance.lastDay, options.issuedOn) < 0) continue;
      out.push(instance);
    }
  }
  return out.sort((a, b) => compareDates(a.lastDay, b.lastDay) || a.periodKey.localeCompare(b.periodKey));
}

function checkSpan(span: { from: number; to: number }): void {
  if (!Number.isInteger(span.from) || !Number.isInteger(span.to) || span.to < span.from) {
    throw new DomainError(
      'invalid-span',
      `Thời gian thực hiện không hợp lệ: năm kết thúc (${span.to}) trước năm bắt đầu (${span.from})`,
      `Invalid span: the end year (${span.to}) is before the start year (${span.from})`,
    );
  }
  if (span.to - span.from + 1 > MAX_SPAN_YEARS) {
    throw new DomainError(
      'invalid-span',
      `Kế hoạch dài ${span.to - span.from + 1} năm, quá ${MAX_SPAN_YEARS} năm: kiểm tra lại năm ${span.from}-${span.to}`,
      `A ${span.to - span.from + 1}-year plan exceeds ${MAX_SPAN_YEARS} years: check ${span.from}-${span.to}`,
    );
  }
}

/** A period before the holiday rule is applied: the written day and the data window. */
interface RawPeriod {
  year: number;
  periodKey: string;
  label: string;
  writtenDay: LocalDate;
  inclusive: boolean;
  dataWindow: { from: LocalDate; to: LocalDate };
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function* rawPeriods(schedule: DueSchedule, span: { from: number; to: number }): Generator<RawPeriod> {
  switch (schedule.kind) {
    case 'annual':
      for (let y = span.from - 1; y <= span.to + 1; y++) yield annual(schedule.due, y);
      return;
    case 'semiannual':
      for (let y = span.from - 1; y <= span.to + 1; y++) yield semiannual(schedule.due, y);
      return;
    case 'quarterly':
      for (let y = span.from; y <= span.to; y++) {
        for (let q = 1; q <= 4; q++) {
          const endMonth = q * 3;
          yield {
            year: y,
            periodKey: `${y}-Q${q}`,
            label: `Quý ${ROMAN[q - 1]}/${y}`,
            ...dueInMonth(y, endMonth + schedule.monthOffset, schedule.dayOfMonth, schedule.inclusive),
            dataWindow: { from: windowStart(y, endMonth - 2), to: localDate(y, endMonth, 14) },
          };
        }
      }
      return;
    case 'monthly':
      for (let y = span.from; y <= span.to; y++) {
        for (let m = 1; m <= 12; m++) {
          yield {
            year: y,
            periodKey: `${y}-${String(m).padStart(2, '0')}`,
            label: `Tháng ${m}/${y}`,
            ...dueInMonth(y, m + schedule.monthOffset, schedule.dayOfMonth, schedule.inclusive),
            dataWindow: { from: windowStart(y, m), to: localDate(y, m, 14) },
          };
        }
      }
      return;
    case 'once': {
      const { year, month, day } = schedule.date;
      const writtenDay = localDate(year, month, day);
      yield {
        year,
        periodKey: `once-${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        label: `Báo cáo hạn ${formatViDate(writtenDay)}`,
        writtenDay,
        inclusive: schedule.inclusive,
        dataWindow: { from: localDate(year, 1, 1), to: writtenDay },
      };
    }
  }
}

/** The window of a period ending in month m starts on the 15th of the month before. */
function windowStart(year: number, month: number): LocalDate {
  return month === 1 ? localDate(year - 1, 12, 15) : localDate(year, month - 1, 15);
}

/** Due day in a month that may be the 13th (January of the next year). */
function dueInMonth(year: number, month: number, day: number, inclusive: boolean) {
  const y = month > 12 ? year + 1 : year;
  const m = month > 12 ? month - 12 : month;
  return { writtenDay: localDate(y, m, Math.min(day, daysInMonth(y, m))), inclusive };
}

/**
 * An annual report due early in a year (January-February) covers the year before;
 * otherwise it covers the year it is due in (the data window ends on 14/12, after most
 * due dates: Decree 09 lets reports carry estimates for the rest of the year).
 */
function annual(due: DueDay, dueYear: number): RawPeriod {
  const year = due.month <= 2 ? dueYear - 1 : dueYear;
  return {
    year,
    periodKey: String(year),
    label: `Năm ${year}`,
    writtenDay: writtenDay(due, dueYear),
    inclusive: due.inclusive,
    dataWindow: { from: localDate(year - 1, 12, 15), to: localDate(year, 12, 14) },
  };
}

/**
 * A six-month report due from March to September covers the first half (15/12-14/06);
 * one due from October to February covers the second half (15/06-14/12) of the year it
 * ends in.
 */
function semiannual(due: DueDay, dueYear: number): RawPeriod {
  const firstHalf = due.month >= 3 && due.month <= 9;
  const year = due.month <= 2 ? dueYear - 1 : dueYear;
  return {
    year,
    periodKey: `${year}-${firstHalf ? 'H1' : 'H2'}`,
    label: firstHalf ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`,
    writtenDay: writtenDay(due, dueYear),
    inclusive: due.inclusive,
    dataWindow: firstHalf
      ? { from: localDate(year - 1, 12, 15), to: localDate(year, 6, 14) }
      : { from: localDate(year, 6, 15), to: localDate(year, 12, 14) },
  };
}

/** 29/02 in a common year is read as 28/02, the last day of that February. */
function writtenDay(due: DueDay, year: number): LocalDate {
  return localDate(year, due.month, Math.min(due.day, daysInMonth(year, due.month)));
}

function finish(raw: RawPeriod, ruleText: string, calendar: BusinessCalendar, holidayRule: HolidayRule): PeriodInstance {
  const writtenLast = raw.inclusive ? raw.writtenDay : addDays(raw.writtenDay, -1);
  const offReason = calendar.nonWorkingReason(writtenLast);
  const lastDay = holidayRule === 'civil-code' && offReason ? calendar.nextWorkingDay(writtenLast) : writtenLast;
  const lastWorkingDay = calendar.onOrBeforeWorkingDay(lastDay);
  const why: string[] = [
    raw.inclusive
      ? `Quy tắc "${ruleText}": ngày ${formatViDate(raw.writtenDay)} vẫn còn đúng hạn.`
      : `Quy tắc "${ruleText}": báo cáo phải đến trước ngày ${formatViDate(raw.writtenDay)}, nên ngày cuối còn đúng hạn là ${formatViDate(writtenLast)}.`,
    `${formatViDate(writtenLast)} là ${weekdayVi(writtenLast)}${offReason ? (offReason === weekdayVi(writtenLast) ? ', ngày nghỉ cuối tuần' : `, ngày nghỉ ${offReason}`) : ', ngày làm việc'}.`,
  ];
  if (offReason && holidayRule === 'civil-code') {
    why.push(`Theo Bộ luật Dân sự, hạn kéo đến hết ngày làm việc tiếp theo: ${weekdayVi(lastDay)}, ${formatViDate(lastDay)}.`);
  } else if (offReason) {
    why.push(
      `Ngày ghi trong kế hoạch vẫn giữ nguyên; thông báo "đến hạn hôm nay" gửi vào ngày làm việc cuối trước đó: ${weekdayVi(lastWorkingDay)}, ${formatViDate(lastWorkingDay)}.`,
    );
  }
  return {
    periodKey: raw.periodKey,
    label: raw.label,
    lastDay,
    lastWorkingDay,
    dueAt: startOfLocalDay(addDays(lastDay, 1)),
    dataWindow: raw.dataWindow,
    ruleText,
    explanation: why.join(' '),
  };
}
