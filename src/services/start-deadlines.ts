// Turns an obligation into deadline rows and one running workflow per period that has
// begun (its data window has started), through openPeriod: running it twice starts
// nothing new. The obligation workflow opens the later periods. A plan imported mid-span
// passes the day tracking starts: the periods that ended before it are recorded "before
// tracking" (no workflow, never reminded or counted late), and the obligation workflow
// starts at the first tracked period.
import { currentCalendar } from '../stores/calendar.store';
import { parseDueRule } from '../domain/due-rule';
import { compareDates, localDateOf, parseIsoDate, toIsoDate, type LocalDate } from '../domain/local-date';
import { periodsFor, type PeriodInstance } from '../domain/periods';
import { firstTrackedIndex } from '../domain/tracking';
import { deadlineWorkflowId } from '../contract/names';
import { openPeriod, recordBeforeTracking } from '../stores/open-period';
import { deadlineStarter, startObligationWorkflow as start } from '../temporal/starters';
import { periodToOpen, type ObligationWorkflowInput } from '../schemas/obligation.schemas';
import { starterOf, type ServiceDeps } from './deps';

/** `trackFrom` absent: every period is tracked (sample data, plans confirmed before their first period). */
export interface TrackingOptions {
  trackFrom?: LocalDate;
}

export interface StartedDeadlines {
  /** Workflow ids of the deadline workflows started by this call. */
  started: string[];
  /** Periods recorded "before tracking" by this call. */
  beforeTracking: number;
}

async function periodsOf(deps: ServiceDeps, obligationId: string): Promise<{ periods: PeriodInstance[]; input: ObligationWorkflowInput }> {
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
  const periods = periodsFor(parseDueRule(input.ruleText), { from: input.spanFrom, to: input.spanTo }, currentCalendar(), {
    holidayRule: input.holidayRule,
    issuedOn: parseIsoDate(input.issuedOn),
  });
  return { periods, input };
}

export async function startObligationDeadlines(deps: ServiceDeps, obligationId: string, options: TrackingOptions = {}): Promise<StartedDeadlines> {
  const { periods } = await periodsOf(deps, obligationId);
  const today = localDateOf(deps.clock());
  const { trackFrom } = options;
  const first = trackFrom ? firstTrackedIndex(periods, trackFrom) : 0;
  let beforeTracking = 0;
  if (trackFrom) {
    for (const p of periods.slice(0, first)) {
      if (await recordBeforeTracking(deps, periodToOpen(obligationId, p), toIsoDate(trackFrom))) beforeTracking += 1;
    }
  }
  const started: string[] = [];
  const startDeadline = deadlineStarter(starterOf(deps));
  for (const p of periods.slice(first).filter((p) => compareDates(p.dataWindow.from, today) <= 0)) {
    const opened = await openPeriod({ ...deps, startDeadline }, periodToOpen(obligationId, p));
    if (opened.started) started.push(deadlineWorkflowId(opened.deadlineId));
  }
  return { started, beforeTracking };
}

/**
 * Starts the obligation workflow that opens every later period of the span (and any begun
 * one the direct start above missed), from the first tracked period. Idempotent: a second
 * start finds it running. Returns whether it started now; false also when every period
 * ended before tracking began (nothing left to open).
 */
export async function startObligationWorkflow(deps: ServiceDeps, obligationId: string, options: TrackingOptions = {}): Promise<boolean> {
  const { periods, input } = await periodsOf(deps, obligationId);
  const first = options.trackFrom ? firstTrackedIndex(periods, options.trackFrom) : 0;
  if (first >= periods.length) return false;
  return start(starterOf(deps), first > 0 ? { ...input, fromPeriod: periods[first]!.periodKey } : input);
}
