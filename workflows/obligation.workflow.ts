// One execution per obligation over the plan's whole span (2026-2030): for each period, in
// order, it waits until the period's data window opens, then has an activity write the
// deadline row and start that period's deadline workflow. After each period it continues
// as new, so years of history never pile up in one run. Deterministic: the periods come
// from src/domain, computed from the input alone.
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import { parseDueRule } from '../src/domain/due-rule';
import { parseIsoDate, startOfLocalDay } from '../src/domain/local-date';
import { periodsFor } from '../src/domain/periods';
import { periodToOpen, type ObligationWorkflowInput } from '../src/schemas/obligation.schemas';
import type { ObligationOutcome } from '../src/contract/messages';
import type { ObligationActivities } from '../activities/obligation.activities';
import { loadPlanning } from './planning';

const activities = proxyActivities<ObligationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function obligationWorkflow(input: ObligationWorkflowInput): Promise<ObligationOutcome> {
  const periods = periodsFor(parseDueRule(input.ruleText), { from: input.spanFrom, to: input.spanTo }, (await loadPlanning()).calendar, {
    holidayRule: input.holidayRule,
    issuedOn: parseIsoDate(input.issuedOn),
  });
  const first = input.fromPeriod ? Math.max(0, periods.findIndex((p) => p.periodKey === input.fromPeriod)) : 0;
  for (let i = first; i < periods.length; i++) {
    const period = periods[i]!;
    // A period begins when its data window opens (Decree 09/2019): 15/12 of the year before.
    const opensAt = startOfLocalDay(period.dataWindow.from).getTime();
    if (opensAt > Date.now()) await sleep(opensAt - Date.now());
    await activities.startPeriod(periodToOpen(input.obligationId, period));
    const next = periods[i + 1];
    if (next) await continueAsNew<typeof obligationWorkflow>({ ...input, fromPeriod: next.periodKey });
  }
  return { periods: periods.length };
}
