// Side effects of the obligation workflow: the deadline row of a period that has begun, and
// its deadline workflow. The deadline workflow is started through the client rather than
// as a child, so it is independent of the obligation workflow's runs (which continue as
// new every period) and of anything that happens to them.
import { ApplicationFailure } from '@temporalio/activity';
import type { DeadlineWorkflowInput } from '../src/schemas/deadline.schemas';
import type { PeriodToOpen, StartedPeriod } from '../src/schemas/obligation.schemas';
import { deadlineWorkflowId } from '../src/temporal/names';
import { startOnce } from '../src/temporal/start-once';
import { deadlineSearchAttributes } from '../workflows/search-attributes';
import type { ActivityDeps } from './deps';
import { appendEvent } from './events';

export interface ObligationActivities {
  startPeriod(period: PeriodToOpen): Promise<StartedPeriod>;
}

export function createObligationActivities(deps: ActivityDeps): ObligationActivities {
  return {
    /**
     * Upserts the deadline row of a period (id `<obligation>.<period>`) and starts its
     * workflow (id `deadline/<deadline>`). Idempotent: a retry, a replay, or the service
     * having started it when the plan was confirmed changes nothing.
     */
    async startPeriod(p) {
      const starter = deps.temporal;
      if (!starter) throw ApplicationFailure.nonRetryable('This worker has no Temporal client to start deadline workflows', 'MisconfiguredWorker');
      const id = `${p.obligationId}.${p.periodKey}`;
      const obligation = await deps.db.obligation.findUniqueOrThrow({ where: { id: p.obligationId }, include: { plan: true, agency: true } });
      const existing = await deps.db.deadline.findUnique({ where: { id } });
      const deadline =
        existing ??
        (await deps.db.deadline.create({
          data: {
            id,
            obligationId: p.obligationId,
            periodKey: p.periodKey,
            periodLabel: p.label,
            lastDay: p.lastDay,
            dueAt: new Date(p.dueAt),
            dataFrom: p.dataFrom,
            dataTo: p.dataTo,
            status: 'open',
            workflowId: deadlineWorkflowId(id),
          },
        }));
      if (!existing) await appendEvent(deps, id, 'period-opened', { periodKey: p.periodKey, lastDay: p.lastDay });
      if (deadline.status !== 'open') return { deadlineId: id, status: deadline.status, started: false };

      const input: DeadlineWorkflowInput = { deadlineId: id, lastDay: deadline.lastDay, ruleText: obligation.ruleText };
      const started = await startOnce(starter.client, 'deadlineWorkflow', {
        taskQueue: starter.taskQueue,
        workflowId: deadline.workflowId,
        args: [input],
        ...(starter.searchAttributes && {
          typedSearchAttributes: deadlineSearchAttributes({
            organisation: obligation.plan.organisationId,
            plan: obligation.plan.number,
            agency: obligation.agency.name,
            period: p.periodKey,
            due: deadline.dueAt,
          }),
        }),
      });
      return { deadlineId: id, status: 'open', started };
    },
  };
}
