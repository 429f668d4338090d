// Turns an obligation into deadline rows and one running workflow per period that has
// begun (its data window has started). Idempotent: rows are upserted by (obligation,
// period) and the workflow id is derived from the deadline id, so running it twice starts
// nothing new.
import { createBusinessCalendar } from '../domain/business-calendar';
import { parseDueRule } from '../domain/due-rule';
import { compareDates, localDateOf, parseIsoDate, toIsoDate } from '../domain/local-date';
import { periodsFor } from '../domain/periods';
import type { DeadlineWorkflowInput } from '../schemas/deadline.schemas';
import { deadlineWorkflowId, obligationWorkflowId } from '../temporal/names';
import { startOnce } from '../temporal/start-once';
import { deadlineSearchAttributes } from '../../workflows/search-attributes';
import type { ObligationWorkflowInput } from '../schemas/obligation.schemas';
import type { ServiceDeps } from './deps';

export async function startObligationDeadlines(deps: ServiceDeps, obligationId: string): Promise<string[]> {
  const obligation = await deps.db.obligation.findUniqueOrThrow({
    where: { id: obligationId },
    include: { plan: true, agency: true },
  });
  const { plan } = obligation;
  const calendar = createBusinessCalendar();
  const today = localDateOf(deps.clock());
  const periods = periodsFor(parseDueRule(obligation.ruleText), { from: plan.spanFrom, to: plan.spanTo }, calendar, {
    holidayRule: plan.holidayRule === 'civil-code' ? 'civil-code' : 'written-date',
    issuedOn: parseIsoDate(plan.issuedOn),
  });
  const started: string[] = [];
  for (const p of periods.filter((p) => compareDates(p.dataWindow.from, today) <= 0)) {
    const id = `${obligation.id}.${p.periodKey}`;
    const workflowId = deadlineWorkflowId(id);
    const deadline = await deps.db.deadline.upsert({
      where: { obligationId_periodKey: { obligationId, periodKey: p.periodKey } },
      update: {},
      create: {
        id,
        obligationId,
        periodKey: p.periodKey,
        periodLabel: p.label,
        lastDay: toIsoDate(p.lastDay),
        dueAt: p.dueAt,
        dataFrom: toIsoDate(p.dataWindow.from),
        dataTo: toIsoDate(p.dataWindow.to),
        status: 'open',
        workflowId,
      },
    });
    if (deadline.status !== 'open') continue;
    const input: DeadlineWorkflowInput = { deadlineId: id, lastDay: deadline.lastDay, ruleText: obligation.ruleText };
    const startedNow = await startOnce(deps.temporal, 'deadlineWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      ...(deps.searchAttributes && {
        typedSearchAttributes: deadlineSearchAttributes({
          organisation: plan.organisationId,
          plan: plan.number,
          agency: obligation.agency.name,
          period: p.periodKey,
          due: p.dueAt,
        }),
      }),
    });
    if (startedNow) started.push(workflowId);
  }
  return started;
}

/**
 * Starts the obligation workflow that opens every later period of the span (and any begun
 * one the direct start above missed). Idempotent: a second start finds it running.
 * Returns whether it started now.
 */
export async function startObligationWorkflow(deps: ServiceDeps, obligationId: string): Promise<boolean> {
  const obligation = await deps.db.obligation.findUniqueOrThrow({ where: { id: obligationId }, include: { plan: true } });
  const { plan } = obligation;
  const input: ObligationWorkflowInput = {
    obligationId,
    ruleText: obligation.ruleText,
    spanFrom: plan.spanFrom,
    spanTo: plan.spanTo,
    issuedOn: plan.issuedOn,
    holidayRule: plan.holidayRule === 'civil-code' ? 'civil-code' : 'written-date',
  };
  return startOnce(deps.temporal, 'obligationWorkflow', { taskQueue: deps.taskQueue, workflowId: obligationWorkflowId(obligationId), args: [input] });
}
