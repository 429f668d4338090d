// Turns an obligation into deadline rows and one running workflow per period that has
// begun (its data window has started). Idempotent: rows are upserted by (obligation,
// period) and the workflow id is derived from the deadline id, so running it twice starts
// nothing new.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { TypedSearchAttributes, defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { createBusinessCalendar } from '../domain/business-calendar';
import { parseDueRule } from '../domain/due-rule';
import { compareDates, localDateOf, parseIsoDate, toIsoDate } from '../domain/local-date';
import { periodsFor } from '../domain/periods';
import type { DeadlineWorkflowInput } from '../schemas/deadline.schemas';
import { deadlineWorkflowId, SEARCH_ATTRIBUTES } from '../temporal/names';
import type { ServiceDeps } from './deps';

const keys = {
  organisation: defineSearchAttributeKey(SEARCH_ATTRIBUTES.organisation.name, SearchAttributeType.KEYWORD),
  plan: defineSearchAttributeKey(SEARCH_ATTRIBUTES.plan.name, SearchAttributeType.KEYWORD),
  agency: defineSearchAttributeKey(SEARCH_ATTRIBUTES.agency.name, SearchAttributeType.KEYWORD),
  period: defineSearchAttributeKey(SEARCH_ATTRIBUTES.period.name, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(SEARCH_ATTRIBUTES.status.name, SearchAttributeType.KEYWORD),
  due: defineSearchAttributeKey(SEARCH_ATTRIBUTES.due.name, SearchAttributeType.DATETIME),
};

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
    try {
      await deps.temporal.workflow.start('deadlineWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId,
        args: [input],
        ...(deps.searchAttributes && {
          typedSearchAttributes: new TypedSearchAttributes([
            { key: keys.organisation, value: plan.organisationId },
            { key: keys.plan, value: plan.number },
            { key: keys.agency, value: obligation.agency.name },
            { key: keys.period, value: p.periodKey },
            { key: keys.status, value: 'open' },
            { key: keys.due, value: p.dueAt },
          ]),
        }),
      });
      started.push(workflowId);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
  return started;
}
