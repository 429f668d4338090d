// Errors a use case raises on purpose, each with a message for people in Vietnamese and
// English; src/api/errors.ts maps them to HTTP statuses in one table.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { z } from 'zod';
export type ServiceErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'rate-limited' | 'unavailable';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: string[] = [],
  ) {
    super(`${messageEn}${details.length ? `: ${details.join('; ')}` : ''}`);
  }
}

/** zod issues as "path: message" lines. */
export function issuesToLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
}

/** A body parsed by its shared schema, or a 400 with "path: message" lines. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, message = { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ServiceError('invalid-input', message.vi, message.en, issuesToLines(result.error.issues));
  return result.data;
}

/**
 * A Temporal Update, with its two expected failures made readable: the workflow's
 * validator refused it (409, with the validator's bilingual reason) or the workflow is
 * not running (503).
 */
export async function runUpdate<R>(
  call: () => Promise<R>,
  workflow: { refusedVi: string; nameVi: string; nameEn: string },
): Promise<R> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      throw new ServiceError('conflict', workflow.refusedVi, `Refused by the ${workflow.nameEn}`, [err.cause?.message ?? err.message]);
    }
    if (err instanceof WorkflowNotFoundError) {
      const en = workflow.nameEn.charAt(0).toUpperCase() + workflow.nameEn.slice(1);
      throw new ServiceError('unavailable', `${workflow.nameVi} không chạy`, `${en} is not running`);
    }
    throw err;
  }
}
