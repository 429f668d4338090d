// The dashboard's read model: deadline rows from the database (kept current by the
// activities), with a display state computed from the domain at read time so "overdue by
// n working days" is never stale. No Temporal query per row (STYLE.md #7).
import { currentCalendar } from '../stores/calendar.store';
import { dataWindowVi } from '../domain/data-window';
import { explainDates, explainDatesEn } from '../domain/explain-dates';
import { formatViDateWithWeekday, parseIsoDate } from '../domain/local-date';
import { deadlineStatus } from '../domain/status';
import type { Principal } from '../auth/policy';
import type { Db } from '../db';
import { deadlinesIn, scopeFor } from './access';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { rollUpProgress, type RollUpProgress } from '../stores/rollup-progress';

export interface DeadlineView {
  id: string;
  planNumber: string;
  planTitle: string;
  agency: string;
  period: string;
  periodLabel: string;
  ruleText: string;
  lastDay: string;
  lastDayVi: string;
  dataWindow: { from: string; to: string };
  /** The data the report covers, as people read it (with an estimate when the window ends after the last day). */
  dataWindowVi: string;
  state: string;
  stateLabel: string;
  /** The state in English, for a page read in English. */
  stateLabelEn?: string;
  nextStep: { kind: string; at: string } | null;
  submission: { submittedAt: string; submittedBy: string; documentNumber: string | null; late: boolean; channel?: string | null } | null;
  /** "periodic", "adhoc" or "rollup" (the coordinator's own upward report). */
  kind: string;
  /** For a roll-up: how many agencies of the plan have reported for the period. */
  progress: RollUpProgress | null;
}

/** Prisma's filter on deadlines, as far as lists use it. */
type DeadlineWhere = NonNullable<Parameters<Db['deadline']['findMany']>[0]>['where'];

export async function listDeadlines(db: Db, now: Date, where: DeadlineWhere = {}): Promise<DeadlineView[]> {
  const calendar = currentCalendar();
  const rows = await db.deadline.findMany({
    where,
    include: { obligation: { include: { plan: true, agency: true } }, submissions: true },
    orderBy: [{ lastDay: 'asc' }, { id: 'asc' }],
  });
  const views: DeadlineView[] = [];
  for (const row of rows) {
    const lastDay = parseIsoDate(row.lastDay);
    // The report of the current round: one sent back for completion no longer counts.
    const submission = row.submissions.find((s) => s.round === row.round && !s.returnedAt) ?? null;
    const status = deadlineStatus(
      {
        lastDay,
        submittedAt: submission?.submittedAt ?? null,
        waived: row.status === 'waived',
        beforeTracking: row.status === 'before-tracking',
        extendedFrom: row.extendedFrom ? parseIsoDate(row.extendedFrom) : null,
        escalation: row.escalationLevel > 0 ? { level: row.escalationLevel, to: row.escalatedTo ?? '' } : null,
      },
      now,
      calendar,
    );
    views.push({
      id: row.id,
      planNumber: row.obligation.plan.number,
      planTitle: row.obligation.plan.title,
      agency: row.obligation.agency.name,
      period: row.periodKey,
      periodLabel: row.periodLabel,
      ruleText: row.obligation.ruleText,
      lastDay: row.lastDay,
      lastDayVi: formatViDateWithWeekday(lastDay),
      dataWindow: { from: row.dataFrom, to: row.dataTo },
      dataWindowVi: dataWindowVi({ from: parseIsoDate(row.dataFrom), to: parseIsoDate(row.dataTo) }, lastDay),
      state: status.state,
      stateLabel: status.labelVi,
      stateLabelEn: status.labelEn,
      nextStep: row.nextStepAt && row.nextStepKind ? { kind: row.nextStepKind, at: row.nextStepAt.toISOString() } : null,
      submission: submission && {
        submittedAt: submission.submittedAt.toISOString(),
        submittedBy: submission.submittedBy,
        documentNumber: submission.documentNumber,
        late: submission.late,
        channel: submission.channel,
      },
      kind: row.obligation.kind,
      progress: row.obligation.kind === 'rollup' ? await rollUpProgress(db, row.obligation.planId, row.periodKey) : null,
    });
  }
  return views;
}

/** The deadlines a principal may see (its organisations, their communes, or its own agency). */
export async function listDeadlinesFor(deps: ServiceDeps, principal: Principal): Promise<DeadlineView[]> {
  const scope = await scopeFor(deps, principal, 'deadline.read');
  return listDeadlines(deps.db, deps.clock(), deadlinesIn(scope));
}

/** An email of a deadline as the outbox holds it: to whom, about what, and when it left (or why not yet). */
export interface DeadlineEmail {
  recipient: string;
  subject: string;
  stepKey: string;
  /** "sent", "pending", "queued" (waiting for its digest), "claimed" (leaving now) or "failed". */
  status: string;
  sentAt: string | null;
  /** Not sent before this instant (a reminder asked for at night waits for the morning). */
  notBefore: string | null;
  error: string | null;
}

/**
 * One deadline with its append-only history, every email of it with its time and recipient,
 * and its dates explained in words (the route has checked the caller may see it).
 */
export async function deadlineWithHistory(deps: ServiceDeps, id: string) {
  const [deadline] = await listDeadlines(deps.db, deps.clock(), { id });
  const row = await deps.db.deadline.findUnique({ where: { id }, select: { dueAt: true, extendedFrom: true } });
  if (!deadline || !row) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [id]);
  const events = await deps.db.deadlineEvent.findMany({ where: { deadlineId: id }, orderBy: { id: 'asc' } });
  const mails = await deps.db.outboxMessage.findMany({ where: { deadlineId: id }, orderBy: [{ sentAt: 'asc' }, { claimedAt: 'asc' }, { id: 'asc' }] });
  const outbox: DeadlineEmail[] = mails.map((m) => ({
    recipient: m.recipient,
    subject: m.subject,
    stepKey: m.stepKey,
    status: m.status,
    sentAt: m.sentAt?.toISOString() ?? null,
    notBefore: m.notBefore?.toISOString() ?? null,
    error: m.error,
  }));
  const dates = { ruleText: deadline.ruleText, lastDay: parseIsoDate(deadline.lastDay), dueAt: row.dueAt, extendedFrom: row.extendedFrom ? parseIsoDate(row.extendedFrom) : null };
  const explained = explainDates(dates, currentCalendar());
  // The English sentences too: the page picks by the reader's language.
  const explainedEn = explainDatesEn(dates, currentCalendar());
  return { deadline, events, outbox, explained, explainedEn };
}
