// A deadline's dates explained in words, for the deadline page: what weekday the last day
// is, what the plan's words mean for it ("trước ngày 05/11" makes 04/11 the last day;
// "chậm nhất ngày 05/11" keeps 05/11), a last day that falls on a day off, the instant the
// report becomes late, and an extension. Pure: the calendar is a parameter.
import type { BusinessCalendar } from './business-calendar';
import { parseDueRule, type DueSchedule } from './due-rule';
import { DomainError } from './errors';
import { addDays, formatViDate, formatViDateWithWeekday, formatViInstant, localDateOf, weekdayEn, weekdayVi, type LocalDate } from './local-date';

export interface DatesToExplain {
  ruleText: string;
  lastDay: LocalDate;
  /** The instant the report becomes late. */
  dueAt: Date;
  /** The last day before the first extension, or null. */
  extendedFrom: LocalDate | null;
}

const dm = (d: LocalDate) => formatViDate(d).slice(0, 5);

/** Whether a schedule of the rule names `written` as its date. */
function names(s: DueSchedule, written: LocalDate, inclusive: boolean): boolean {
  switch (s.kind) {
    case 'annual':
    case 'semiannual':
      return s.due.inclusive === inclusive && s.due.day === written.day && s.due.month === written.month;
    case 'once':
      return s.inclusive === inclusive && s.date.day === written.day && s.date.month === written.month && s.date.year === written.year;
    case 'monthly':
    case 'quarterly':
      return s.inclusive === inclusive && s.dayOfMonth === written.day;
  }
}

/** The rule's schedules, or none when the calculus cannot read it (the line then quotes it as written). */
function schedulesOf(ruleText: string): DueSchedule[] {
  try {
    return parseDueRule(ruleText).schedules;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return [];
  }
}

function ruleLine(ruleText: string, lastDay: LocalDate, original: LocalDate): string {
  const schedules = schedulesOf(ruleText);
  const written = addDays(original, 1);
  if (schedules.some((s) => names(s, written, false))) {
    return `Quy định "${ruleText}": "trước ngày ${dm(written)}" nghĩa là báo cáo phải đến trước khi ngày ${formatViDate(written)} bắt đầu, nên ngày cuối cùng đúng hạn là ${formatViDateWithWeekday(original)}.`;
  }
  if (schedules.some((s) => names(s, original, true))) {
    return `Quy định "${ruleText}": ngày ${formatViDate(original)} vẫn là đúng hạn (báo cáo gửi trong ngày này không bị coi là muộn).`;
  }
  return `Quy định: "${ruleText}"; ngày cuối cùng đúng hạn là ${formatViDateWithWeekday(lastDay)}.`;
}

/** The sentences, in the order a person reads them. */
export function explainDates(d: DatesToExplain, calendar: BusinessCalendar): string[] {
  const lines: string[] = [];
  const reason = calendar.nonWorkingReason(d.lastDay);
  lines.push(`${formatViDate(d.lastDay)} là ${weekdayVi(d.lastDay)}${reason && reason !== weekdayVi(d.lastDay) ? ` (${reason})` : ''}.`);
  lines.push(ruleLine(d.ruleText, d.lastDay, d.extendedFrom ?? d.lastDay));
  if (reason) {
    lines.push(
      `Ngày cuối cùng là ngày nghỉ: báo cáo gửi trong ngày này vẫn đúng hạn; thông báo "đến hạn hôm nay" được gửi vào ngày làm việc cuối cùng trước đó, ${formatViDateWithWeekday(calendar.onOrBeforeWorkingDay(d.lastDay))}.`,
    );
  }
  lines.push(`Báo cáo nhận từ ${formatViInstant(d.dueAt)} (giờ Việt Nam) trở đi là muộn hạn.`);
  if (d.extendedFrom) lines.push(`Đã gia hạn: ngày cuối cùng trước khi gia hạn là ${formatViDateWithWeekday(d.extendedFrom)}; nay là ${formatViDateWithWeekday(d.lastDay)}.`);
  return lines;
}

// The same sentences in English, for a page read in English: dd/MM/yyyy and the English
// weekday; the plan's rule and a holiday's name are quoted as they are.
const withWeekdayEn = (d: LocalDate) => `${weekdayEn(d)}, ${formatViDate(d)}`;
// "08:00 Thứ Tư, 04/11/2026" with the English weekday: the time, then the day as above.
const instantEn = (at: Date) => `${formatViInstant(at).slice(0, 5)} ${withWeekdayEn(localDateOf(at))}`;

function ruleLineEn(ruleText: string, lastDay: LocalDate, original: LocalDate): string {
  const schedules = schedulesOf(ruleText);
  const written = addDays(original, 1);
  if (schedules.some((s) => names(s, written, false))) {
    return `Rule "${ruleText}": "before ${dm(written)}" means the report must arrive before ${formatViDate(written)} begins, so the last day on time is ${withWeekdayEn(original)}.`;
  }
  if (schedules.some((s) => names(s, original, true))) {
    return `Rule "${ruleText}": ${formatViDate(original)} itself is still on time (a report sent that day is not late).`;
  }
  return `Rule: "${ruleText}"; the last day on time is ${withWeekdayEn(lastDay)}.`;
}

/** explainDates in English. */
export function explainDatesEn(d: DatesToExplain, calendar: BusinessCalendar): string[] {
  const lines: string[] = [];
  const reason = calendar.nonWorkingReason(d.lastDay);
  lines.push(`${formatViDate(d.lastDay)} is a ${weekdayEn(d.lastDay)}${reason && reason !== weekdayVi(d.lastDay) ? ` (${reason})` : ''}.`);
  lines.push(ruleLineEn(d.ruleText, d.lastDay, d.extendedFrom ?? d.lastDay));
  if (reason) {
    lines.push(
      `The last day is a day off: a report sent that day is still on time; the "due today" notice goes out on the last working day before it, ${withWeekdayEn(calendar.onOrBeforeWorkingDay(d.lastDay))}.`,
    );
  }
  lines.push(`A report received from ${instantEn(d.dueAt)} (Vietnam time) on is late.`);
  if (d.extendedFrom) lines.push(`Extended: the last day before the extension was ${withWeekdayEn(d.extendedFrom)}; it is now ${withWeekdayEn(d.lastDay)}.`);
  return lines;
}
