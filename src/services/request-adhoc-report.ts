// Báo cáo đột xuất: validate -> one obligation (kind "adhoc") and one deadline per agency ->
// start each deadline's workflow, which runs the same ladder as a periodic report (the
// reminders that would fall before today are skipped). Idempotent per (plan, agency, title).
import { createHash } from 'node:crypto';
import { addDays, compareDates, formatViDate, localDateOf, parseIsoDate, startOfLocalDay, toIsoDate } from '../domain/local-date';
import { DomainError } from '../domain/errors';
import { adhocRequestBodySchema, type AdhocRequestBody } from '../schemas/adhoc.schemas';
import type { DeadlineWorkflowInput } from '../schemas/deadline.schemas';
import { deadlineWorkflowId } from '../temporal/names';
import { startOnce } from '../temporal/start-once';
import type { ServiceDeps } from './deps';
import { issuesToLines, ServiceError } from './errors';

export interface AdhocResult {
  deadlineIds: string[];
  startedWorkflows: number;
}

export async function requestAdhocReport(deps: ServiceDeps, planId: string, input: unknown): Promise<AdhocResult> {
  const parsed = adhocRequestBodySchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', issuesToLines(parsed.error.issues));
  const body: AdhocRequestBody = parsed.data;
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
  const plan = await deps.db.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);
  const agencies = await deps.db.agency.findMany({ where: { id: { in: body.agencyIds }, organisationId: plan.organisationId } });
  const unknown = body.agencyIds.filter((id) => !agencies.some((a) => a.id === id));
  if (unknown.length) throw new ServiceError('invalid-input', 'Đơn vị không thuộc cơ quan ban hành kế hoạch', 'Agencies not in the plan organisation', unknown.map((id) => `agencyIds: ${id}`));

  const ruleText = `đột xuất theo yêu cầu, chậm nhất ngày ${formatViDate(lastDay)}`;
  const key = createHash('sha256').update(body.title).digest('hex').slice(0, 8);
  const deadlineIds: string[] = [];
  let startedWorkflows = 0;
  for (const agency of agencies) {
    const obligationId = `${plan.id}.adhoc.${agency.id}.${key}`;
    await deps.db.obligation.upsert({
      where: { id: obligationId },
      update: {},
      create: { id: obligationId, planId: plan.id, agencyId: agency.id, ruleText, indicators: body.indicators ?? '', kind: 'adhoc', title: body.title },
    });
    const id = `${obligationId}.${body.lastDay}`;
    const deadline = await deps.db.deadline.upsert({
      where: { id },
      update: {},
      create: {
        id,
        obligationId,
        periodKey: body.lastDay,
        periodLabel: `Đột xuất: ${body.title}`,
        lastDay: body.lastDay,
        // The report is late from the start of the day after the last day (inclusive rule).
        dueAt: startOfLocalDay(addDays(lastDay, 1)),
        dataFrom: toIsoDate(today),
        dataTo: body.lastDay,
        status: 'open',
        workflowId: deadlineWorkflowId(id),
      },
    });
    deadlineIds.push(id);
    if (deadline.status !== 'open') continue;
    const args: [DeadlineWorkflowInput] = [{ deadlineId: id, lastDay: body.lastDay, ruleText }];
    if (await startOnce(deps.temporal, 'deadlineWorkflow', { taskQueue: deps.taskQueue, workflowId: deadline.workflowId, args })) startedWorkflows += 1;
  }
  return { deadlineIds, startedWorkflows };
}
