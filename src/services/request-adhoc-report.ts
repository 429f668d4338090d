// Báo cáo đột xuất: validate -> one obligation (kind "adhoc") and one deadline per agency ->
// start each deadline's workflow, which runs the same ladder as a periodic report (the
// reminders that would fall before today are skipped) -> the request itself, one email per
// contact of each agency, committed as pending outbox rows and delivered by the mail
// workflow (never inside the request; at night it waits for the next working morning).
// Idempotent per (plan, agency, title, last day): a second request with the same title and
// another date is a request of its own, with its own date in its rule. Agencies are named by
// id or by name as the pages show them. Each period is opened with its workflow on its own
// (a retry repairs a half-done request), so the audit row is written once every deadline
// exists, listing them.
import { addDays, compareDates, localDateOf, parseIsoDate, startOfLocalDay, toIsoDate } from '../domain/local-date';
import { DomainError } from '../domain/errors';
import { nextSendingInstant } from '../domain/timeline';
import { adhocRequestBodySchema, type AdhocRequestBody } from '../schemas/adhoc.schemas';
import { currentCalendar } from '../stores/calendar.store';
import { loadDeadlineContext, recipientsFor } from '../stores/deadline-context';
import { openPeriod } from '../stores/open-period';
import { deadlineStarter, startMailWorkflow } from '../temporal/starters';
import { getReminderPolicy } from './admin/reminder-policy';
import { appendAudit, type Actor } from './audit';
import { checkDeadlineHorizon } from './deadline-horizon';
import { starterOf, type ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { upsertAdhocObligation } from '../stores/adhoc.store';

export interface AdhocResult {
  deadlineIds: string[];
  startedWorkflows: number;
  /** Request emails queued (one per contact of each agency); 0 for agencies without contacts. */
  requestEmails: number;
}

async function chosenAgencies(deps: ServiceDeps, organisationId: string, body: AdhocRequestBody) {
  const ids = body.agencyIds ?? [];
  const names = (body.agencyNames ?? []).map((n) => n.normalize('NFC'));
  const agencies = await deps.db.agency.findMany({ where: { organisationId, OR: [{ id: { in: ids } }, { name: { in: names } }] } });
  const problems = [
    ...ids.filter((id) => !agencies.some((a) => a.id === id)).map((id) => `agencyIds: ${id}`),
    ...names.filter((n) => !agencies.some((a) => a.name === n)).map((n) => `agencyNames: ${n}`),
  ];
  if (problems.length) throw new ServiceError('invalid-input', 'Đơn vị không thuộc cơ quan ban hành kế hoạch', 'Agencies not in the plan organisation', problems);
  return agencies;
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
  const agencies = await chosenAgencies(deps, plan.organisationId, body);

  const deadlineIds: string[] = [];
  let startedWorkflows = 0;
  let requestEmails = 0;
  const starter = starterOf(deps);
  const startDeadline = deadlineStarter(starter);
  const { policy } = await getReminderPolicy(deps, plan.id);
  const notBefore = nextSendingInstant(deps.clock(), policy, currentCalendar());
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
    // The request itself: keyed per deadline and recipient, so a retried request queues it once.
    const ctx = await loadDeadlineContext(deps, opened.deadlineId);
    for (const r of recipientsFor(ctx, ['agency-contacts'])) {
      const key = `adhoc-request:${opened.deadlineId}:${r.email}`;
      await deps.db.outboxMessage.upsert({
        where: { key },
        update: {},
        create: {
          id: key, key, deadlineId: opened.deadlineId, stepKey: 'adhoc-request', recipient: r.email, subject: `[Yêu cầu báo cáo đột xuất] ${plan.number}: ${body.title}`,
          status: 'pending', claimedAt: deps.clock(), notBefore, // emailKind: the deadline's own deliverNotices composes it the same way if it claims it first.
          payload: JSON.stringify({ kind: 'adhoc-request', deadlineId: opened.deadlineId, emailKind: 'request' }),
        },
      });
      await startMailWorkflow(starter, { key, notBefore: notBefore.toISOString() });
      requestEmails += 1;
    }
  }
  await appendAudit(deps.db, deps.clock(), actor, {
    action: 'plan.adhoc',
    organisationId: plan.organisationId,
    subjectType: 'plan',
    subjectId: plan.id,
    after: { title: body.title, lastDay: body.lastDay, indicators: body.indicators, agencyIds: agencies.map((a) => a.id), deadlineIds },
  });
  return { deadlineIds, startedWorkflows, requestEmails };
}
