// Opening one period of an obligation: its deadline row (id `<obligation>.<period>`) and its
// deadline workflow (id `deadline/<deadline>`). The one place this happens, whether a
// service opens the periods that have begun when a plan is confirmed, the obligation
// workflow's activity opens each later one when its data window opens, or a coordinator
// requests an ad-hoc report. Idempotent: a second call finds the row and the running
// workflow. Starting the workflow is handed in (src/temporal/starters.ts), so this store
// depends on no Temporal client and both services and activities may call it.
import type { Db } from '../db';
import { deadlineWorkflowId } from '../contract/names';
import type { DeadlineWorkflowInput } from '../schemas/deadline.schemas';
import type { PeriodToOpen, StartedPeriod } from '../schemas/obligation.schemas';

/** What the Temporal UI can filter a deadline workflow by (search attributes). */
export interface DeadlineLabels {
  organisation: string;
  plan: string;
  agency: string;
  period: string;
  due: Date;
}

/** Starts the deadline workflow under `workflowId`; false when it was running already. */
export type StartDeadline = (workflowId: string, input: DeadlineWorkflowInput, labels: DeadlineLabels) => Promise<boolean>;

/** The deadline row of a period: `open` (its workflow starts) or `before-tracking` (none ever runs). */
function deadlineRow(p: PeriodToOpen, status: 'open' | 'before-tracking') {
  const id = `${p.obligationId}.${p.periodKey}`;
  return {
    id,
    obligationId: p.obligationId,
    periodKey: p.periodKey,
    periodLabel: p.label,
    lastDay: p.lastDay,
    dueAt: new Date(p.dueAt),
    dataFrom: p.dataFrom,
    dataTo: p.dataTo,
    status,
    workflowId: deadlineWorkflowId(id),
  };
}

export async function openPeriod(deps: { db: Db; clock: () => Date; startDeadline: StartDeadline }, p: PeriodToOpen): Promise<StartedPeriod> {
  const { db } = deps;
  const id = `${p.obligationId}.${p.periodKey}`;
  const obligation = await db.obligation.findUniqueOrThrow({ where: { id: p.obligationId }, include: { plan: true, agency: true } });
  const existing = await db.deadline.findUnique({ where: { id } });
  const deadline =
    existing ??
    (await db.deadline.create({ data: deadlineRow(p, 'open') }));
  if (!existing) {
    await db.deadlineEvent.create({ data: { deadlineId: id, type: 'period-opened', at: deps.clock(), payload: JSON.stringify({ periodKey: p.periodKey, lastDay: p.lastDay }) } });
  }
  if (deadline.status !== 'open') return { deadlineId: id, status: deadline.status, started: false };

  const input: DeadlineWorkflowInput = { deadlineId: id, lastDay: deadline.lastDay, ruleText: obligation.ruleText };
  const started = await deps.startDeadline(deadline.workflowId, input, {
    organisation: obligation.plan.organisationId,
    plan: obligation.plan.number,
    agency: obligation.agency.name,
    period: p.periodKey,
    due: deadline.dueAt,
  });
  return { deadlineId: id, status: 'open', started };
}

/**
 * Records a period that ended before the coordinator began tracking the plan (a plan
 * imported mid-span, src/domain/tracking.ts): a deadline row in state 'before-tracking' and
 * no workflow, so it is never reminded, escalated or counted as late. Idempotent; a period
 * already recorded in any state keeps it. Returns whether this call recorded it.
 */
export async function recordBeforeTracking(deps: { db: Db; clock: () => Date }, p: PeriodToOpen, trackFrom: string): Promise<boolean> {
  const id = `${p.obligationId}.${p.periodKey}`;
  if (await deps.db.deadline.findUnique({ where: { id } })) return false;
  // The workflow id is unique and required; no workflow ever runs under it.
  await deps.db.deadline.create({ data: deadlineRow(p, 'before-tracking') });
  await deps.db.deadlineEvent.create({ data: { deadlineId: id, type: 'period-before-tracking', at: deps.clock(), payload: JSON.stringify({ periodKey: p.periodKey, lastDay: p.lastDay, trackFrom }) } });
  return true;
}
