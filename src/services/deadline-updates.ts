// Use cases that change a running deadline: record a report received, send a reminder now.
// validate (shared zod schema) -> find the deadline -> Temporal Update (the workflow
// validates again and owns the state change; the activity writes the database).
import { WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import type { z } from 'zod';
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
import { issuesToLines, ServiceError } from './errors';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ServiceError('invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', issuesToLines(result.error.issues));
  }
  return result.data;
}

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

async function runUpdate<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const message = err.cause?.message ?? err.message;
      throw new ServiceError('conflict', 'Không thể thực hiện', 'Refused by the deadline workflow', [message]);
    }
    if (err instanceof WorkflowNotFoundError) {
      throw new ServiceError('unavailable', 'Quy trình nhắc hạn không chạy', 'Deadline workflow is not running');
    }
    throw err;
  }
}

export async function recordSubmission(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<SubmissionReceipt> {
  const parsed: RecordSubmissionBody = parse(recordSubmissionBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<SubmissionReceipt, [RecordSubmissionBody]>('recordSubmission', { args: [parsed] }));
}

export async function remindNow(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<{ sent: number }> {
  const parsed: RemindNowBody = parse(remindNowBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<{ sent: number }, [RemindNowBody]>('remindNow', { args: [parsed] }));
}

export async function extendDeadline(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<ExtensionResult> {
  const parsed: ExtendBody = parse(extendBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<ExtensionResult, [ExtendBody]>('extend', { args: [parsed] }));
}

export async function waiveDeadline(deps: ServiceDeps, deadlineId: string, body: unknown): Promise<WaiverResult> {
  const parsed: WaiveBody = parse(waiveBodySchema, body);
  const deadline = await openDeadline(deps, deadlineId);
  const handle = deps.temporal.workflow.getHandle(deadline.workflowId);
  return runUpdate(() => handle.executeUpdate<WaiverResult, [WaiveBody]>('waive', { args: [parsed] }));
}
