// For escalations: every agency of the same plan and period that has not reported, with
// how many working days late it is, as of the step's planned instant (not the wall clock,
// so a retried or replayed step says the same thing).
import { currentCalendar } from './calendar.store';
import { localDateOf, parseIsoDate, toIsoDate } from '../domain/local-date';
import type { Db } from '../db';

export interface LateAgency {
  agency: string;
  lastDay: string;
  workingDaysLate: number;
}

export async function lateAgencies(db: Db, planId: string, periodKey: string, asOf: Date): Promise<LateAgency[]> {
  const today = localDateOf(asOf);
  const rows = await db.deadline.findMany({
    where: { periodKey, status: 'open', lastDay: { lt: toIsoDate(today) }, obligation: { planId, kind: 'periodic' } },
    include: { obligation: { include: { agency: true } } },
  });
  const calendar = currentCalendar();
  return rows
    .map((r) => ({ agency: r.obligation.agency.name, lastDay: r.lastDay, workingDaysLate: calendar.workingDaysBetween(parseIsoDate(r.lastDay), today) }))
    .sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.agency.localeCompare(b.agency, 'vi'));
}
