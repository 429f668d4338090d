// The one table from errors to HTTP statuses. Users get a message in Vietnamese and
// English and the problem list; never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, type ServiceErrorCode } from '../services/errors';

const STATUS: Record<ServiceErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ServiceError) {
    return reply.status(STATUS[err.code]).send({ error: err.code, message: err.messageVi, messageEn: err.messageEn, details: err.details });
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.status(status).send({ error: 'bad-request', message: 'Yêu cầu không hợp lệ', messageEn: err.message, details: [] });
  }
  req.log.error(err);
  return reply.status(500).send({ error: 'internal', message: 'Lỗi hệ thống, vui lòng thử lại sau', messageEn: 'Internal error', details: [] });
}
