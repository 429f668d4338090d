// Báo cáo đột xuất: validate -> one obligation (kind "adhoc") and one deadline per agency ->
// start each deadline's workflow, which runs the same ladder as a periodic report (the
// reminders that would fall before today are skipped). Idempotent per (plan, agency, title).
// Each period is opened with its workflow on its own (a retry repairs a half-done request),
// so the audit row is written once every deadline exists, listing them.
import { addDays, compareDates, localDateOf, parseIsoDate, startOfLocalDay, toIsoDate } from '../domain/local-date';
import { DomainError } from '../domain/errors';
import { adhocRequestBodySchema, type AdhocRequestBody } from '../schemas/adhoc.schemas';
import { openPeriod } from '../stores/open-period';
import { deadlineStarter } from '../temporal/starters';
import { appendAudit, type Actor } from './audit';
import { checkDeadlineHorizon } from './deadline-horizon';
import { starterOf, type ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { upsertAdhocObligation } from '../stores/adhoc.store';

export interface AdhocResult {
  deadlineIds: string[];
  startedWorkflows: number;
}

export async function requestAdhocReport(deps: ServiceDeps, actor: Actor, planId: string, input: unknown): Promise<AdhocResult> {
  const body: AdhocRequestBody = parseBody(adhocRequestBodySchema, input);
  let lastDay;
  try {
    lastDay = parseIsoDate(body.lastDay);
  } catch (err) {
    if (err instanceof DomainError) throw new ServiceError('invalid-input', err.messageVi, err.messageEn, [`lastDay: ${err.messageEn}`]);
    throw err;
  }
  const today = localDateOf(deps.clock());
  if (compareDates(lastDay, today) < 0) {
    throw new ServiceError('invalid-input', 'Hạn báo cáo đã qua', 'The last day is in the past', [`lastDay: before ${toIsoDate(today)}`]);
  }
  checkDeadlineHorizon(lastDay, today, 'lastDay');
  const plan = await deps.db.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);
  const agencies = await deps.db.agency.findMany({ where: { id: { in: body.agencyIds }, organisationId: plan.organisationId } });
  const unknown = body.agencyIds.filter((id) => !agencies.some((a) => a.id === id));
  if (unknown.length) throw new ServiceError('invalid-input', 'Đơn vị không thuộc cơ quan ban hành kế hoạch', 'Agencies not in the plan organisation', unknown.map((id) => `agencyIds: ${id}`));

  const deadlineIds: string[] = [];
  let startedWorkflows = 0;
  const startDeadline = deadlineStarter(starterOf(deps));
  for (const agency of agencies) {
    const { obligationId } = await upsertAdhocObligation(deps.db, { planId: plan.id, agencyId: agency.id, title: body.title, lastDay, indicators: body.indicators });
    const opened = await openPeriod({ ...deps, startDeadline }, {
      obligationId,
      periodKey: body.lastDay,
      label: `Đột xuất: ${body.title}`,
      lastDay: body.lastDay,
      // The report is late from the start of the day after the last day (inclusive rule).
      dueAt: startOfLocalDay(addDays(lastDay, 1)).toISOString(),
      dataFrom: toIsoDate(today),
      dataTo: body.lastDay,
    });
    deadlineIds.push(opened.deadlineId);
    if (opened.started) startedWorkflows += 1;
  }
  await appendAudit(deps.db, deps.clock(), actor, {
    action: 'plan.adhoc',
    organisationId: plan.organisationId,
    subjectType: 'plan',
    subjectId: plan.id,
    after: { title: body.title, lastDay: body.lastDay, indicators: body.indicators, agencyIds: agencies.map((a) => a.id), deadlineIds },
  });
  return { deadlineIds, startedWorkflows };
}
