// Campaign periods ("Tháng hành động vì bình đẳng giới, từ ngày 15/11 đến ngày 15/12 hằng
// năm"): the dates of each year's run and the notices around it. Pure code.
import type { BusinessCalendar } from './business-calendar';
import { DomainError } from './errors';
import { addDays, compareDates, dayNumber, daysInMonth, formatViDate, instantAt, localDate, weekdayVi, type LocalDate } from './local-date';
import type { ReminderPolicy, TimelineStep } from './timeline';

export interface MonthDay {
  day: number;
  month: number;
}

export interface CampaignDefinition {
  name: string;
  start: MonthDay;
  end: MonthDay;
  /** false: one run, in the span's first year that has not started before issuedOn. */
  recurring: boolean;
  /** The results report (inclusive last day); default: 5 working days after the end. */
  resultsDue?: MonthDay | null;
}

export interface CampaignInstance {
  /** The year the campaign starts in: its key. */
  year: number;
  name: string;
  start: LocalDate;
  end: LocalDate;
  midpoint: LocalDate;
  resultsDue: LocalDate;
}

/** Working days between the end and a results report the plan leaves undated. */
export const DEFAULT_RESULTS_AFTER_WORKING_DAYS = 5;
/** The notice to participants goes out this many working days before the start. */
export const NOTICE_WORKING_DAYS_BEFORE = 5;

const onDay = (year: number, md: MonthDay) => localDate(year, md.month, Math.min(md.day, daysInMonth(year, md.month)));

export function campaignPeriods(
  def: CampaignDefinition,
  span: { from: number; to: number },
  calendar: BusinessCalendar,
  options: { issuedOn?: LocalDate } = {},
): CampaignInstance[] {
  localDate(2028, def.start.month, def.start.day); // refuses 31/02 and 5/13 in any year
  localDate(2028, def.end.month, def.end.day);
  const out: CampaignInstance[] = [];
  for (let year = span.from; year <= span.to; year++) {
    const start = onDay(year, def.start);
    // A campaign whose end month-day comes before its start ends in the next year (20/12-10/01).
    const endYear = def.end.month * 100 + def.end.day < def.start.month * 100 + def.start.day ? year + 1 : year;
    const end = onDay(endYear, def.end);
    if (options.issuedOn && compareDates(start, options.issuedOn) < 0) continue;
    const midpoint = addDays(start, Math.floor((dayNumber(end) - dayNumber(start)) / 2));
    let resultsDue = def.resultsDue ? onDay(endYear, def.resultsDue) : calendar.addWorkingDays(end, DEFAULT_RESULTS_AFTER_WORKING_DAYS);
    if (compareDates(resultsDue, end) < 0) resultsDue = onDay(endYear + 1, def.resultsDue!);
    out.push({ year, name: def.name, start, end, midpoint, resultsDue });
    if (!def.recurring) break;
  }
  if (out.length === 0 && !def.recurring) {
    throw new DomainError(
      'campaign-outside-span',
      `Đợt "${def.name}" không nằm trong thời gian thực hiện ${span.from}-${span.to}`,
      `Campaign "${def.name}" falls outside the span ${span.from}-${span.to}`,
    );
  }
  return out;
}

export type CampaignStepKey = 'notice' | 'start' | 'midpoint' | 'end' | 'results-reminder' | 'results-due' | 'results-overdue';

export interface CampaignStep extends Omit<TimelineStep, 'key' | 'kind'> {
  key: CampaignStepKey;
  kind: CampaignStepKey;
}

/**
 * Notices around one run, each on a working day at the policy's hour: notice before the
 * start, the first day, the mid-point, the last day, then the results report like a deadline
 * (a reminder, due today, overdue to the organiser). Ordered; steps before `after` dropped.
 */
export function campaignSteps(
  run: CampaignInstance,
  policy: ReminderPolicy,
  calendar: BusinessCalendar,
  options: { after?: Date } = {},
): CampaignStep[] {
  const at = (d: LocalDate) => instantAt(d, policy.sendHour, policy.sendMinute);
  const text = (d: LocalDate) => `${weekdayVi(d)}, ${formatViDate(d)}`;
  const dueDay = calendar.onOrBeforeWorkingDay(run.resultsDue);
  const step = (key: CampaignStepKey, day: LocalDate, audience: CampaignStep['audience'], explanation: string): CampaignStep => ({
    key, kind: key, sendAt: at(day), audience, copyTo: [], explanation,
  });
  const steps = [
    step('notice', calendar.addWorkingDays(run.start, -NOTICE_WORKING_DAYS_BEFORE), ['agency-contacts'],
      `${NOTICE_WORKING_DAYS_BEFORE} ngày làm việc trước ngày bắt đầu ${text(run.start)}.`),
    step('start', calendar.onOrAfterWorkingDay(run.start), ['agency-contacts'], `Ngày bắt đầu ${text(run.start)} (hoặc ngày làm việc đầu tiên sau đó).`),
    step('midpoint', calendar.onOrAfterWorkingDay(run.midpoint), ['agency-contacts', 'coordinator'], `Giữa đợt: ${text(run.midpoint)}.`),
    step('end', calendar.onOrBeforeWorkingDay(run.end), ['agency-contacts', 'coordinator'], `Ngày kết thúc ${text(run.end)}.`),
    step('results-reminder', calendar.addWorkingDays(dueDay, -3), ['agency-contacts'], `Nhắc báo cáo kết quả, hạn ${text(run.resultsDue)}.`),
    step('results-due', dueDay, ['agency-contacts'], `Hạn báo cáo kết quả: ${text(run.resultsDue)}.`),
    step('results-overdue', calendar.nextWorkingDay(run.resultsDue), ['agency-head', 'agency-contacts', 'coordinator'],
      `Quá hạn báo cáo kết quả (${text(run.resultsDue)}).`),
  ];
  const after = options.after?.getTime() ?? -Infinity;
  return steps.filter((s) => s.sendAt.getTime() >= after).sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}
