// Use cases that change a running deadline: record a report received, send a reminder now,
// extend, waive.
// validate (shared zod schema) -> find the deadline -> Temporal Update (the workflow
// validates again and owns the state change; the activity writes the database) -> the
// audit log records who asked, once the workflow has accepted. The change itself is
// committed by an activity in another process, so the request is what this side can
// record; a request the workflow refused changed nothing and is not recorded.
import {
  extendUpdate,
  recordSubmissionUpdate,
  remindNowUpdate,
  waiveUpdate,
  type ExtensionResult,
  type RemindNowResult,
  type SubmissionReceipt,
  type WaiverResult,
} from '../contract/messages';
import { compareDates, formatViDate, formatViInstant, instantAt, localDateOf, parseIsoDate } from '../domain/local-date';
import { extendBodySchema, recordSubmissionBodySchema, remindNowBodySchema, waiveBodySchema, type SubmissionRecord } from '../schemas/deadline.schemas';
import { appendAudit, type Actor } from './audit';
import { checkDeadlineHorizon } from './deadline-horizon';
import type { ServiceDeps } from './deps';
import { parseBody, runUpdate, ServiceError } from './errors';

async function openDeadline(deps: ServiceDeps, deadlineId: string) {
  const deadline = await deps.db.deadline.findUnique({ where: { id: deadlineId }, include: { obligation: { select: { plan: { select: { organisationId: true } } } } } });
  if (!deadline) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [deadlineId]);
  if (deadline.status === 'submitted') {
    throw new ServiceError('conflict', 'Báo cáo này đã được ghi nhận', 'This report is already recorded');
  }
  if (deadline.status === 'waived') {
    throw new ServiceError('conflict', 'Kỳ báo cáo này đã được miễn', 'This period is waived');
  }
  return deadline;
}

type OpenDeadline = Awaited<ReturnType<typeof openDeadline>>;

async function recordRequest(deps: ServiceDeps, actor: Actor, deadline: OpenDeadline, action: string, change: { before: object; after: object }): Promise<void> {
  await appendAudit(deps.db, deps.clock(), actor, {
    action,
    organisationId: deadline.obligation.plan.organisationId,
    subjectType: 'deadline',
    subjectId: deadline.id,
    ...change,
  });
}

/** The deadline workflow's Update failures, as people read them. */
const DEADLINE_WORKFLOW = { refusedVi: 'Không thể thực hiện', nameVi: 'Quy trình nhắc hạn', nameEn: 'deadline workflow' };

/** Same interval as the workflow's own check (MANUAL_REMINDER_INTERVAL_MS), which stays the authority in a race. */
const MANUAL_REMINDER_INTERVAL_MS = 60 * 60_000;

/**
 * `attached`: what only an agency's signed link brings (src/services/agency-links.ts): the
 * day on the document and the file it stored; the HTTP API's body cannot name a file.
 */
export async function recordSubmission(
  deps: ServiceDeps,
  actor: Actor,
  deadlineId: string,
  body: unknown,
  attached: Pick<SubmissionRecord, 'documentDate' | 'file'> = {},
): Promise<SubmissionReceipt> {
  const { receivedOn, ...fields } = parseBody(recordSubmissionBodySchema, body);
  const parsed: SubmissionRecord = { ...fields, ...attached };
  if (receivedOn) {
    if (parsed.submittedAt) throw new ServiceError('invalid-input', 'Chỉ ghi ngày nhận hoặc thời điểm nhận, không cả hai', 'Give receivedOn or submittedAt, not both', ['receivedOn: submittedAt đã có']);
    // A day's report counts by its day: noon local stands for "some time that day", or now
    // when the day is today and noon is still to come.
    const noon = instantAt(parseIsoDate(receivedOn), 12);
    parsed.submittedAt = new Date(Math.min(noon.getTime(), deps.clock().getTime())).toISOString();
  }
  // A report cannot have arrived on a day still to come (a mistyped year would close the
  // deadline with a receipt dated then); later today is fine: clerks record as they go.
  if (parsed.submittedAt) {
    const day = localDateOf(new Date(parsed.submittedAt));
    const today = localDateOf(deps.clock());
    if (compareDates(day, today) > 0) {
      throw new ServiceError('invalid-input', 'Ngày nhận báo cáo chưa đến', 'The report cannot have been received on a day still to come', [
        `submittedAt: ${formatViDate(day)} sau hôm nay ${formatViDate(today)}`,
      ], { detailsEn: [`submittedAt: ${formatViDate(day)} is after today ${formatViDate(today)}`] });
    }
  }
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  const receipt = await runUpdate(() => handle.executeUpdate(recordSubmissionUpdate, { args: [parsed] }), DEADLINE_WORKFLOW);
  await recordRequest(deps, actor, deadline, 'deadline.submit', { before: { status: deadline.status }, after: { status: 'submitted', ...parsed, ...receipt } });
  return receipt;
}

/**
 * "Gửi nhắc ngay": at most one per deadline per hour (a coordinator clicking twice must not
 * flood an agency), answered with 429 and when the next one is possible. The reminder is
 * queued and leaves at once in working hours, or at the next working morning (`held`).
 */
export async function remindNow(deps: ServiceDeps, actor: Actor, deadlineId: string, body: unknown): Promise<RemindNowResult> {
  const parsed = parseBody(remindNowBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const last = await deps.db.deadlineEvent.findFirst({ where: { deadlineId, type: 'reminder-requested' }, orderBy: { at: 'desc' } });
  if (last && deps.clock().getTime() - last.at.getTime() < MANUAL_REMINDER_INTERVAL_MS) {
    const again = new Date(last.at.getTime() + MANUAL_REMINDER_INTERVAL_MS);
    throw new ServiceError(
      'rate-limited',
      `Đã gửi nhắc lúc ${formatViInstant(last.at)}; mỗi hạn báo cáo chỉ nhắc tay một lần mỗi giờ. Có thể nhắc lại từ ${formatViInstant(again)}.`,
      `A reminder was sent at ${formatViInstant(last.at)}; one reminder by hand per deadline per hour. Next possible from ${formatViInstant(again)}.`,
      [`retryAfter: ${again.toISOString()}`],
    );
  }
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  const result = await runUpdate(() => handle.executeUpdate(remindNowUpdate, { args: [parsed] }), DEADLINE_WORKFLOW);
  await recordRequest(deps, actor, deadline, 'deadline.remind', { before: {}, after: { ...parsed, ...result } });
  return result;
}

export async function extendDeadline(deps: ServiceDeps, actor: Actor, deadlineId: string, body: unknown): Promise<ExtensionResult> {
  const parsed = parseBody(extendBodySchema, body);
  checkDeadlineHorizon(parseIsoDate(parsed.newLastDay), localDateOf(deps.clock()), 'newLastDay');
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  const result = await runUpdate(() => handle.executeUpdate(extendUpdate, { args: [parsed] }), DEADLINE_WORKFLOW);
  await recordRequest(deps, actor, deadline, 'deadline.extend', {
    before: { lastDay: deadline.lastDay, revision: deadline.revision },
    after: { lastDay: result.lastDay, revision: result.revision, reason: parsed.reason, grantedBy: parsed.grantedBy },
  });
  return result;
}

export async function waiveDeadline(deps: ServiceDeps, actor: Actor, deadlineId: string, body: unknown): Promise<WaiverResult> {
  const parsed = parseBody(waiveBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  const result = await runUpdate(() => handle.executeUpdate(waiveUpdate, { args: [parsed] }), DEADLINE_WORKFLOW);
  await recordRequest(deps, actor, deadline, 'deadline.waive', { before: { status: deadline.status }, after: { status: 'waived', ...parsed, ...result } });
  return result;
}
