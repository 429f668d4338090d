// Yêu cầu bổ sung: the coordinator sends a recorded report back with a reason and a new
// last day. The deadline reopens in its next round (the returned report stays in the
// history, the next one is a row of its own), the agency gets a notice with a new signed
// link, and reminders resume from the new last day under new step keys.
//
// The deadline workflow of a reported period completes once its receipt is out, so there
// is no running execution to send an Update to: the change commits here, in one transaction
// with its audit row and its notice (pending in the outbox), and then the next run of the
// same workflow id starts with `reopened` in its input. That run delivers the notice and
// walks the new ladder with the bumped revision. A return is refused while the previous run
// is still delivering its receipt (a minute at most).
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ReturnResult } from '../contract/messages';
import { WORKFLOW_TYPES } from '../contract/names';
import { addDays, compareDates, formatViDateWithWeekday, localDateOf, parseIsoDate, startOfLocalDay } from '../domain/local-date';
import { returnBodySchema } from '../schemas/deadline.schemas';
import { formatDateWithWeekdayIn, periodLabelEn } from '../domain/language';
import { loadDeadlineContext, recipientsFor } from '../stores/deadline-context';
import { emailLanguages } from '../stores/email-language';
import { appendAudit, type Actor } from './audit';
import { checkDeadlineHorizon } from './deadline-horizon';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';

const busy = () =>
  new ServiceError('conflict', 'Hệ thống đang gửi biên nhận của báo cáo này; hãy thử lại sau ít phút', 'The receipt of this report is still being sent: try again in a minute');

export async function returnForCompletion(deps: ServiceDeps, actor: Actor, deadlineId: string, body: unknown): Promise<ReturnResult> {
  const parsed = parseBody(returnBodySchema, body);
  const newLastDay = parseIsoDate(parsed.newLastDay);
  const today = localDateOf(deps.clock());
  if (compareDates(newLastDay, today) < 0) {
    throw new ServiceError('invalid-input', 'Hạn mới đã qua', 'The new last day is in the past', [`newLastDay: ${parsed.newLastDay}`]);
  }
  checkDeadlineHorizon(newLastDay, today, 'newLastDay');
  const ctx = await loadDeadlineContext(deps, deadlineId).catch(() => null);
  if (!ctx) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [deadlineId]);
  const { deadline } = ctx;
  if (deadline.status !== 'submitted') {
    throw new ServiceError('conflict', 'Chỉ trả lại được báo cáo đã ghi nhận', 'Only a recorded report can be sent back for completion');
  }
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  const described = await handle.describe().catch(() => null);
  if (described?.status.name === 'RUNNING') throw busy();

  const round = deadline.round + 1;
  const revision = deadline.revision + 1;
  const now = deps.clock();
  const lines = [
    `Lý do: ${parsed.reason}`,
    `Hạn mới: ${formatViDateWithWeekday(newLastDay)} (hạn trước: ${formatViDateWithWeekday(parseIsoDate(deadline.lastDay))}). Người yêu cầu: ${parsed.returnedBy}.`,
  ];
  const linesEn = [
    `Reason: ${parsed.reason}`,
    `New deadline: ${formatDateWithWeekdayIn(newLastDay, 'en')} (previous deadline: ${formatDateWithWeekdayIn(parseIsoDate(deadline.lastDay), 'en')}). Requested by: ${parsed.returnedBy}.`,
  ];
  const reopened = { ...ctx, deadline: { ...deadline, lastDay: parsed.newLastDay, status: 'open', round, revision } };
  const subjectEn = `[Completion requested] ${ctx.plan.number} – ${ctx.agency.name}: report for ${periodLabelEn(deadline.periodLabel)}, due ${formatDateWithWeekdayIn(newLastDay, 'en')}`;
  const subject = `[Yêu cầu bổ sung] ${ctx.plan.number} – ${ctx.agency.name}: báo cáo ${deadline.periodLabel.toLowerCase()}, hạn ${formatViDateWithWeekday(newLastDay)}`;
  await deps.db.$transaction(async (tx) => {
    // Conditional on the round: two returns at once reopen the deadline once.
    const moved = await tx.deadline.updateMany({
      where: { id: deadlineId, round: deadline.round, status: 'submitted' },
      data: {
        status: 'open',
        lastDay: parsed.newLastDay,
        dueAt: startOfLocalDay(addDays(newLastDay, 1)),
        revision,
        round,
        escalationLevel: 0,
        escalatedTo: null,
        escalatedAt: null,
      },
    });
    if (moved.count === 0) throw busy();
    await tx.submission.updateMany({
      where: { deadlineId, round: deadline.round },
      data: { returnedAt: now, returnReason: parsed.reason, returnedBy: parsed.returnedBy },
    });
    await tx.deadlineEvent.create({
      data: { deadlineId, at: now, type: 'returned', payload: JSON.stringify({ reason: parsed.reason, by: parsed.returnedBy, from: deadline.lastDay, to: parsed.newLastDay, round }) },
    });
    const recipients = recipientsFor(reopened, ['agency-contacts', 'coordinator']);
    const languages = await emailLanguages(tx, recipients.map((r) => r.email));
    for (const r of recipients) {
      const english = languages.get(r.email.trim().toLowerCase()) === 'en';
      const key = `${deadlineId}:return-${round}:${r.email.toLowerCase()}`;
      await tx.outboxMessage.create({
        data: {
          id: key, key, deadlineId, stepKey: `return-${round}`, recipient: r.email, subject: english ? subjectEn : subject, status: 'pending', claimedAt: now,
          payload: JSON.stringify({ emailKind: 'return', extraLines: lines, extraLinesEn: linesEn }),
        },
      });
    }
    await appendAudit(tx, now, actor, {
      action: 'deadline.return',
      organisationId: ctx.plan.organisationId,
      subjectType: 'deadline',
      subjectId: deadlineId,
      before: { status: 'submitted', lastDay: deadline.lastDay, round: deadline.round },
      after: { status: 'open', lastDay: parsed.newLastDay, round, revision, reason: parsed.reason, returnedBy: parsed.returnedBy },
    });
  });
  try {
    await deps.temporal.workflow.start(WORKFLOW_TYPES.deadline, {
      taskQueue: deps.taskQueue,
      workflowId: deadline.workflowId,
      args: [{ deadlineId, lastDay: parsed.newLastDay, ruleText: ctx.obligation.ruleText, reopened: { revision, round } }],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { lastDay: parsed.newLastDay, revision, round };
}
