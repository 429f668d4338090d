// Turns an obligation into deadline rows and one running workflow per period that has
// begun (its data window has started), through openPeriod: running it twice starts
// nothing new. The obligation workflow opens the later periods.
import { createBusinessCalendar } from '../domain/business-calendar';
import { parseDueRule } from '../domain/due-rule';
import { compareDates, localDateOf, parseIsoDate } from '../domain/local-date';
import { periodsFor } from '../domain/periods';
import { deadlineWorkflowId, obligationWorkflowId } from '../temporal/names';
import { startOnce } from '../temporal/start-once';
import { periodToOpen, type ObligationWorkflowInput } from '../schemas/obligation.schemas';
import type { ServiceDeps } from './deps';
import { openPeriod } from './open-period';

export async function startObligationDeadlines(deps: ServiceDeps, obligationId: string): Promise<string[]> {
  const obligation = await deps.db.obligation.findUniqueOrThrow({
    where: { id: obligationId },
    include: { plan: true },
  });
  const { plan } = obligation;
  const calendar = createBusinessCalendar();
  const today = localDateOf(deps.clock());
  const periods = periodsFor(parseDueRule(obligation.ruleText), { from: plan.spanFrom, to: plan.spanTo }, calendar, {
    holidayRule: plan.holidayRule === 'civil-code' ? 'civil-code' : 'written-date',
    issuedOn: parseIsoDate(plan.issuedOn),
  });
  const started: string[] = [];
  const starter = { client: deps.temporal, taskQueue: deps.taskQueue, searchAttributes: deps.searchAttributes };
  for (const p of periods.filter((p) => compareDates(p.dataWindow.from, today) <= 0)) {
    const opened = await openPeriod(deps, starter, periodToOpen(obligationId, p));
    if (opened.started) started.push(deadlineWorkflowId(opened.deadlineId));
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
