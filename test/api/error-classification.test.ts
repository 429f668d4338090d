// Which failures of a call to Temporal may be answered "try again later" (503), and which
// must not: only what passes by itself (Temporal unreachable or too slow) is transient.
import {
  ServiceError as TemporalServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { isTransient, runUpdate, ServiceError } from '../../src/services/errors';

/** An error as @grpc/grpc-js makes it: code, details and metadata on an Error. */
function grpcError(code: number, name: string): Error {
  return Object.assign(new Error(`${code} ${name}: test`), { code, details: 'test', metadata: {} });
}

const WORKFLOW = { refusedVi: 'Không thể thực hiện', nameVi: 'Quy trình nhắc hạn', nameEn: 'deadline workflow' };

describe('runUpdate tells transient failures from permanent ones', () => {
  const domain = new DomainError('invalid-date', 'Ngày không tồn tại: 31/2/2026', 'No such day: 31/2/2026');
  const bug = new TypeError('Cannot read properties of undefined');
  const invalidArgument = new TemporalServiceError('Workflow Update failed', { cause: grpcError(3, 'INVALID_ARGUMENT') });

  it.each([
    ['the validator refused it', new WorkflowUpdateFailedError('refused', new Error('hạn mới phải sau hạn cũ')), 'conflict'],
    ['the workflow is not running', new WorkflowNotFoundError('not found', 'deadline/x', undefined), 'conflict'],
    ['Temporal is unreachable (UNAVAILABLE)', new TemporalServiceError('Workflow Update failed', { cause: grpcError(14, 'UNAVAILABLE') }), 'unavailable'],
    ['Temporal did not answer in time (DEADLINE_EXCEEDED)', new TemporalServiceError('Workflow Update failed', { cause: grpcError(4, 'DEADLINE_EXCEEDED') }), 'unavailable'],
    ['the Update RPC timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpcError(4, 'DEADLINE_EXCEEDED') }), 'unavailable'],
  ])('%s -> ServiceError %s', async (_what, err, code) => {
    await expect(runUpdate(() => Promise.reject(err), WORKFLOW)).rejects.toSatisfy((e) => e instanceof ServiceError && e.code === code);
  });

  it.each([
    ['a DomainError (400 in the error table)', domain],
    ['a bug (500, logged)', bug],
    ['a request Temporal refuses (INVALID_ARGUMENT)', invalidArgument],
  ])('%s is rethrown as it is, never as 503', async (_what, err) => {
    await expect(runUpdate(() => Promise.reject(err), WORKFLOW)).rejects.toBe(err);
  });

  it.each([
    ['a bare gRPC UNAVAILABLE', grpcError(14, 'UNAVAILABLE'), true],
    ['a failed start caused by UNAVAILABLE', new TemporalServiceError('Failed to start Workflow', { cause: grpcError(14, 'UNAVAILABLE') }), true],
    ['a failed start caused by DEADLINE_EXCEEDED', new TemporalServiceError('Failed to start Workflow', { cause: grpcError(4, 'DEADLINE_EXCEEDED') }), true],
    ['a failed start caused by INVALID_ARGUMENT', new TemporalServiceError('Failed to start Workflow', { cause: grpcError(3, 'INVALID_ARGUMENT') }), false],
    ['a failed start caused by PERMISSION_DENIED', new TemporalServiceError('Failed to start Workflow', { cause: grpcError(7, 'PERMISSION_DENIED') }), false],
    ['an Error that only looks like UNAVAILABLE (no details, no metadata)', Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }), false],
    ['a DomainError', domain, false],
    ['a TypeError', bug, false],
    ['a thrown string', 'a string', false],
  ])('isTransient: %s -> %s', (_what, err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});
