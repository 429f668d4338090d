// What a weekly digest reads: the leadership of an organisation and the facts of every
// deadline of it and of the organisations below it (a province's leader sees its communes).
import type { DeadlineFacts } from '../domain/status';
import { parseIsoDate } from '../domain/local-date';
import type { Db } from '../db';
import { withDescendants } from './access.store';

export async function digestFacts(db: Db, organisationId: string): Promise<DeadlineFacts[]> {
  const organisations = await withDescendants(db, [organisationId]);
  const rows = await db.deadline.findMany({
    where: { obligation: { plan: { organisationId: { in: organisations } }, kind: { not: 'rollup' } } },
    select: { lastDay: true, status: true, extendedFrom: true, escalationLevel: true, escalatedTo: true, submissions: { select: { submittedAt: true } } },
  });
  return rows.map((r) => ({
    lastDay: parseIsoDate(r.lastDay),
    submittedAt: r.submissions[0]?.submittedAt ?? null,
    waived: r.status === 'waived',
    beforeTracking: r.status === 'before-tracking',
    extendedFrom: r.extendedFrom ? parseIsoDate(r.extendedFrom) : null,
    escalation: r.escalationLevel > 0 ? { level: r.escalationLevel, to: r.escalatedTo ?? '' } : null,
  }));
}
