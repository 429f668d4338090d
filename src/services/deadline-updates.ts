// Use cases that change a running deadline: record a report received, send a reminder now.
// validate (shared zod schema) -> find the deadline -> Temporal Update (the workflow
// validates again and owns the state change; the activity writes the database).
import {
  extendBodySchema,
  recordSubmissionBodySchema,
  remindNowBodySchema,
  waiveBodySchema,
  type ExtendBody,
  type RecordSubmissionBody,
  type RemindNowBody,
  type WaiveBody,
} from '../schemas/deadline.schemas';
import type { ExtensionResult, SubmissionReceipt, WaiverResult } from '../../workflows/messages';
import type { ServiceDeps } from './deps';
import { parseBody, runUpdate, ServiceError } from './errors';

async function openDeadline(deps: ServiceDeps, deadlineId: string) {
  const deadline = await deps.db.deadline.findUnique({ where: { id: deadlineId } });
  if (!deadline) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [deadlineId]);
  if (deadline.status === 'submitted') {
    throw new ServiceError('conflict', 'Báo cáo này đã được ghi nhận', 'This report is already recorded');
  }
  if (deadline.status === 'waived') {
    throw new ServiceError('conflict', 'Kỳ báo cáo này đã được miễn', 'This period is waived');
  }
  return deadline;
}

/** The deadline workflow's Update failures, as people read them. */
const DEADLINE_WORKFLOW = { refusedVi: 'Không thể thực hiện', nameVi: 'Quy trình nhắc hạn', nameEn: 'deadline workflow' };

export async function recordSubmission(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<SubmissionReceipt> {
  const parsed: RecordSubmissionBody = parseBody(recordSubmissionBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<SubmissionReceipt, [RecordSubmissionBody]>('recordSubmission', { args: [parsed] }), DEADLINE_WORKFLOW);
}

export async function remindNow(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<{ sent: number }> {
  const parsed: RemindNowBody = parseBody(remindNowBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<{ sent: number }, [RemindNowBody]>('remindNow', { args: [parsed] }), DEADLINE_WORKFLOW);
}

export async function extendDeadline(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<ExtensionResult> {
  const parsed: ExtendBody = parseBody(extendBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<ExtensionResult, [ExtendBody]>('extend', { args: [parsed] }), DEADLINE_WORKFLOW);
}

export async function waiveDeadline(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<WaiverResult> {
  const parsed: WaiveBody = parseBody(waiveBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<WaiverResult, [WaiveBody]>('waive', { args: [parsed] }), DEADLINE_WORKFLOW);
}
