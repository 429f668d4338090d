// For escalations: every agency of the same plan and period that has not reported, with
// how many working days late it is, as of the step's planned instant (not the wall clock,
// so a retried or replayed step says the same thing).
import { createBusinessCalendar } from '../src/domain/business-calendar';
import { formatViDate, localDateOf, parseIsoDate, toIsoDate } from '../src/domain/local-date';
import type { ActivityDeps } from './deps';

export interface LateAgency {
  agency: string;
  lastDay: string;
  workingDaysLate: number;
}

export async function lateAgencies(deps: ActivityDeps, planId: string, periodKey: string, asOf: Date): Promise<LateAgency[]> {
  const today = localDateOf(asOf);
  const rows = await deps.db.deadline.findMany({
    where: { periodKey, status: 'open', lastDay: { lt: toIsoDate(today) }, obligation: { planId, kind: 'periodic' } },
    include: { obligation: { include: { agency: true } } },
  });
  const calendar = createBusinessCalendar();
  return rows
    .map((r) => ({ agency: r.obligation.agency.name, lastDay: r.lastDay, workingDaysLate: calendar.workingDaysBetween(parseIsoDate(r.lastDay), today) }))
    .sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.agency.localeCompare(b.agency, 'vi'));
}

/** "Trạm Y tế xã: quá hạn 7 ngày làm việc (hạn 14/11/2040)", one line per agency. */
export function lateAgencyLines(late: LateAgency[]): string[] {
  if (late.length === 0) return [];
  return [
    `Các đơn vị chưa gửi báo cáo kỳ này (${late.length}):`,
    ...late.map((l) => `- ${l.agency}: quá hạn ${l.workingDaysLate} ngày làm việc (hạn ${formatViDate(parseIsoDate(l.lastDay))})`),
  ];
}
