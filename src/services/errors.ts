// Errors a use case raises on purpose, each with a message for people in Vietnamese and
// English; src/api/errors.ts maps them to HTTP statuses in one table.
import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { z } from 'zod';

export type ServiceErrorCode = 'invalid-input' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited' | 'unavailable';

export class ServiceError extends Error {
  /** The problem lines in English, one per line of `details` (the same when there is nothing to translate). */
  readonly detailsEn: string[];

  constructor(
    readonly code: ServiceErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: string[] = [],
    options: { detailsEn?: string[]; cause?: unknown } = {},
  ) {
    const detailsEn = options.detailsEn ?? details;
    super(`${messageEn}${detailsEn.length ? `: ${detailsEn.join('; ')}` : ''}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.detailsEn = detailsEn;
  }
}

// zod's own messages ("Invalid input: expected string, received undefined") in both languages.
const VI = z.locales.vi().localeError;
/** zod's Vietnamese messages, for parsing anywhere a person will read the issues. */
export const zodVi = VI;
const EN = z.locales.en().localeError;

type Issue = z.core.$ZodIssue & { params?: Record<string, unknown> };

/**
 * One issue's message in Vietnamese and English. zod's own messages come from its locales;
 * a schema's message is bilingual as "tiếng Việt / English" (or, for a custom issue,
 * `params: {vi, en}`), anything else is the same in both.
 */
function issueMessages(issue: Issue): { vi: string; en: string } {
  const params = issue.params;
  if (typeof params?.vi === 'string' && typeof params.en === 'string') return { vi: params.vi, en: params.en };
  const fromLocale = VI(issue as Parameters<typeof VI>[0]);
  if (fromLocale && (typeof fromLocale === 'string' ? fromLocale : fromLocale.message) === issue.message) {
    const en = EN(issue as Parameters<typeof EN>[0]);
    return { vi: issue.message, en: typeof en === 'string' ? en : (en?.message ?? issue.message) };
  }
  const split = issue.message.indexOf(' / ');
  return split > 0 ? { vi: issue.message.slice(0, split), en: issue.message.slice(split + 3) } : { vi: issue.message, en: issue.message };
}

const pathOf = (i: { path: readonly PropertyKey[] }) => i.path.map(String).join('.') || '(body)';

/** zod issues as "path: message" lines, in Vietnamese. */
export function issuesToLines(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${pathOf(i)}: ${issueMessages(i as Issue).vi}`);
}

/** zod issues as "path: message" lines, in English, for operators and `detailsEn`. */
export function issuesToLinesEn(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${pathOf(i)}: ${issueMessages(i as Issue).en}`);
}

/** A body parsed by its shared schema, or a 400 with "path: message" lines (Vietnamese in `details`, English in `detailsEn`). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, message = { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }): T {
  // reportInput: the locales name the type received ("nhận được number"); the input itself
  // never leaves this function.
  const result = schema.safeParse(body, { error: VI, reportInput: true });
  if (!result.success) {
    const issues = result.error.issues;
    throw new ServiceError('invalid-input', message.vi, message.en, issuesToLines(issues), { detailsEn: issuesToLinesEn(issues) });
  }
  return result.data;
}

const GRPC_UNAVAILABLE = 14;

/**
 * Whether a failure may pass when the same request is sent again later: Temporal is
 * unreachable (gRPC UNAVAILABLE: no connection, server restarting) or did not answer in time
 * (DEADLINE_EXCEEDED, an Update RPC that timed out). Anything else will fail the same way
 * again, so it must not be answered "try again later".
 */
export function isTransient(err: unknown): boolean {
  if (isGrpcDeadlineError(err)) return true;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(e) && e.code === GRPC_UNAVAILABLE) return true;
  }
  return false;
}

/**
 * Rethrows a failure of a call to Temporal as people should read it: a transient one as
 * 503 'unavailable' with `whenTransient` (the cause is kept for the log, not shown), anything
 * else as it is (a DomainError becomes 400 in the error table, the rest 500, logged).
 */
export function rethrowClassified(err: unknown, whenTransient: { vi: string; en: string }): never {
  if (isTransient(err)) throw new ServiceError('unavailable', whenTransient.vi, whenTransient.en, [], { cause: err });
  throw err;
}

/**
 * A Temporal Update, with its expected failures made readable: the workflow's validator
 * refused it (409, with the validator's bilingual reason), the workflow is not running
 * (409: sending it again will not help), Temporal is unreachable or slow (503).
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
    const en = workflow.nameEn.charAt(0).toUpperCase() + workflow.nameEn.slice(1);
    if (err instanceof WorkflowNotFoundError) {
      throw new ServiceError('conflict', `${workflow.nameVi} không chạy`, `${en} is not running`);
    }
    return rethrowClassified(err, {
      vi: `Chưa liên lạc được với ${workflow.nameVi.toLowerCase()}; hãy thử lại sau ít phút.`,
      en: `${en} could not be reached; try again in a few minutes.`,
    });
  }
}
