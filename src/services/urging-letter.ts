// What a draft urging letter (công văn đôn đốc) to a late agency says: the issuing body, the
// plan (number, date, title), the obligation in the plan's own words, the period and its data
// window, the last day, the working days late, and a day to report by (three working days
// on). Only for a deadline that is overdue now: an agency that reported, or whose last day
// has not passed, is not urged. The file itself is written by src/web/exports/urging-letter-docx.ts.
import { boardEntry } from '../domain/board';
import { localDateOf, parseIsoDate, toIsoDate } from '../domain/local-date';
import { currentCalendar } from '../stores/calendar.store';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

/** Working days the agency is given from the letter's date. */
export const URGE_WORKING_DAYS = 3;

export interface UrgingLetter {
  deadlineId: string;
  /** The issuing organisation's name as stored ("UBND xã Bình Lư"). */
  organisation: string;
  agency: string;
  agencyHead: string | null;
  /** The office the report goes through (the plan's or the organisation's coordinator), if any. */
  coordinator: string | null;
  planNumber: string;
  planIssuedOn: string;
  planTitle: string;
  /** The rule in the plan's own words, and an ad-hoc request's subject ("" otherwise). */
  ruleText: string;
  title: string;
  periodLabel: string;
  dataFrom: string;
  dataTo: string;
  lastDay: string;
  workingDaysLate: number;
  /** The letter's date (today, local) and the day to report by: ISO local days. */
  date: string;
  reportBy: string;
}

export async function urgingLetter(deps: Pick<ServiceDeps, 'db' | 'clock'>, deadlineId: string): Promise<UrgingLetter> {
  const d = await deps.db.deadline.findUnique({
    where: { id: deadlineId },
    select: {
      id: true, periodLabel: true, lastDay: true, dataFrom: true, dataTo: true, status: true, extendedFrom: true, escalationLevel: true, escalatedTo: true,
      submissions: { select: { submittedAt: true }, orderBy: { round: 'desc' }, take: 1 },
      obligation: {
        select: {
          ruleText: true, title: true,
          agency: { select: { name: true, headName: true } },
          plan: { select: { number: true, title: true, issuedOn: true, coordinatorAgencyId: true, organisation: { select: { name: true, coordinatorAgencyId: true } } } },
        },
      },
    },
  });
  if (!d) throw new ServiceError('not-found', 'Không tìm thấy nội dung này.', 'No such deadline.', [deadlineId]);
  const now = deps.clock();
  const calendar = currentCalendar();
  const entry = boardEntry(
    {
      lastDay: parseIsoDate(d.lastDay),
      submittedAt: d.submissions[0]?.submittedAt ?? null,
      waived: d.status === 'waived',
      beforeTracking: d.status === 'before-tracking',
      extendedFrom: d.extendedFrom ? parseIsoDate(d.extendedFrom) : null,
      escalation: d.escalationLevel > 0 ? { level: d.escalationLevel, to: d.escalatedTo ?? '' } : null,
    },
    now,
    calendar,
  );
  if (entry.official !== 'overdue') {
    throw new ServiceError('conflict', 'Chỉ soạn công văn đôn đốc cho báo cáo đã quá hạn mà chưa nhận được.', 'An urging letter is drafted only for a report that is overdue and not received.', [entry.labelVi]);
  }
  const o = d.obligation;
  const coordinatorId = o.plan.coordinatorAgencyId ?? o.plan.organisation.coordinatorAgencyId;
  const coordinator = coordinatorId ? await deps.db.agency.findUnique({ where: { id: coordinatorId }, select: { name: true } }) : null;
  const today = localDateOf(now);
  return {
    deadlineId: d.id,
    organisation: o.plan.organisation.name,
    agency: o.agency.name,
    agencyHead: o.agency.headName,
    coordinator: coordinator?.name ?? null,
    planNumber: o.plan.number,
    planIssuedOn: o.plan.issuedOn,
    planTitle: o.plan.title,
    ruleText: o.ruleText,
    title: o.title,
    periodLabel: d.periodLabel,
    dataFrom: d.dataFrom,
    dataTo: d.dataTo,
    lastDay: d.lastDay,
    workingDaysLate: entry.workingDaysLate,
    date: toIsoDate(today),
    reportBy: toIsoDate(calendar.addWorkingDays(today, URGE_WORKING_DAYS)),
  };
}
