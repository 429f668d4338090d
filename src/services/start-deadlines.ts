// Turns an obligation into deadline rows and one running workflow per period that has
// begun (its data window has started), through openPeriod: running it twice starts
// nothing new. The obligation workflow opens the later periods.
import { currentCalendar } from '../stores/calendar.store';
import { parseDueRule } from '../domain/due-rule';
import { compareDates, localDateOf, parseIsoDate } from '../domain/local-date';
import { periodsFor } from '../domain/periods';
import { deadlineWorkflowId } from '../contract/names';
import { openPeriod } from '../stores/open-period';
import { deadlineStarter, startObligationWorkflow as start } from '../temporal/starters';
import { periodToOpen, type ObligationWorkflowInput } from '../schemas/obligation.schemas';
import { starterOf, type ServiceDeps } from './deps';

export async function startObligationDeadlines(deps: ServiceDeps, obligationId: string): Promise<string[]> {
  const obligation = await deps.db.obligation.findUniqueOrThrow({
    where: { id: obligationId },
    include: { plan: true },
  });
  const { plan } = obligation;
  const calendar = currentCalendar();
  const today = localDateOf(deps.clock());
  const periods = periodsFor(parseDueRule(obligation.ruleText), { from: plan.spanFrom, to: plan.spanTo }, calendar, {
    holidayRule: plan.holidayRule === 'civil-code' ? 'civil-code' : 'written-date',
    issuedOn: parseIsoDate(plan.issuedOn),
  });
  const started: string[] = [];
  const startDeadline = deadlineStarter(starterOf(deps));
  for (const p of periods.filter((p) => compareDates(p.dataWindow.from, today) <= 0)) {
    const opened = await openPeriod({ ...deps, startDeadline }, periodToOpen(obligationId, p));
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
  return start(starterOf(deps), input);
}
