// The agency's own page behind its link: its obligations, their periods, what is due next,
// what it reported and the receipts. Read-only, and scoped by the policy table: the
// deadlines listed are those the link's holder may read ('deadline.read' at its agency).
import type { LinkPrincipal } from '../auth/policy';
import { deadlinesIn, scopeFor } from './access';
import type { ServiceDeps } from './deps';
import { listDeadlines, type DeadlineView } from './list-deadlines';

export interface AgencyReport {
  deadlineId: string;
  periodLabel: string;
  planNumber: string;
  round: number;
  receiptNumber: string | null;
  submittedAt: string;
  submittedBy: string;
  documentNumber: string | null;
  documentDate: string | null;
  fileName: string | null;
  link: string | null;
  late: boolean;
  /** Sent back for completion: when and why. */
  returned: { at: string; reason: string | null } | null;
}

export interface AgencyOverview {
  obligations: { planNumber: string; planTitle: string; ruleText: string; indicators: string | null }[];
  deadlines: DeadlineView[];
  /** The first deadline still open, by last day; null when nothing is left to report. */
  next: DeadlineView | null;
  reports: AgencyReport[];
}

const CLOSED_STATES = new Set(['submitted-on-time', 'submitted-late', 'waived', 'before-tracking']);

export async function agencyOverview(deps: ServiceDeps, principal: LinkPrincipal): Promise<AgencyOverview> {
  const scope = await scopeFor(deps, principal, 'deadline.read');
  const where = deadlinesIn(scope);
  const deadlines = await listDeadlines(deps.db, deps.clock(), where);
  const obligations = await deps.db.obligation.findMany({
    where: { agencyId: principal.agencyId, plan: { organisationId: principal.organisationId } },
    include: { plan: true },
    orderBy: [{ plan: { issuedOn: 'asc' } }, { id: 'asc' }],
  });
  const submissions = await deps.db.submission.findMany({
    where: { deadline: where },
    include: { deadline: { include: { obligation: { include: { plan: true } } } } },
    orderBy: [{ submittedAt: 'desc' }, { round: 'desc' }],
  });
  return {
    obligations: obligations.map((o) => ({ planNumber: o.plan.number, planTitle: o.plan.title, ruleText: o.ruleText, indicators: o.indicators })),
    deadlines,
    next: deadlines.find((d) => !CLOSED_STATES.has(d.state)) ?? null,
    reports: submissions.map((s) => ({
      deadlineId: s.deadlineId,
      periodLabel: s.deadline.periodLabel,
      planNumber: s.deadline.obligation.plan.number,
      round: s.round,
      receiptNumber: s.receiptNumber,
      submittedAt: s.submittedAt.toISOString(),
      submittedBy: s.submittedBy,
      documentNumber: s.documentNumber,
      documentDate: s.documentDate,
      fileName: s.fileName,
      link: s.link,
      late: s.late,
      returned: s.returnedAt ? { at: s.returnedAt.toISOString(), reason: s.returnReason } : null,
    })),
  };
}
