// The one table from errors to HTTP statuses. Users get a message in Vietnamese and
// English and the problem list, never a stack trace; every 5xx is logged with its error and
// stack under the request id the answer carries (header x-request-id, field requestId).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors';
import { ServiceError, type ServiceErrorCode } from '../services/errors';
import { errorPage, notFoundPage } from '../web/not-found-page';
import { tr, withLocale } from '../web/ui/i18n';
import { chromeFor } from './chrome';
import { localeOf, pagePath } from './locale';

const STATUS: Record<ServiceErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

/** The JSON face of every error answer; fields may be added, never renamed or removed. */
export interface ErrorBody {
  error: string;
  message: string;
  messageEn: string;
  /** "path: message" lines in Vietnamese (or machine codes such as "too-large"). */
  details: string[];
  /** The same lines in English. */
  detailsEn: string[];
  /** Quote it to an operator: the log lines of this request carry it as reqId. */
  requestId: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';

function send(req: FastifyRequest, reply: FastifyReply, status: number, body: Omit<ErrorBody, 'requestId' | 'detailsEn'> & { detailsEn?: string[] }) {
  const full: ErrorBody = { ...body, detailsEn: body.detailsEn ?? body.details, requestId: String(req.id) };
  return reply.status(status).header(REQUEST_ID_HEADER, String(req.id)).type('application/json; charset=utf-8').send(full);
}

/**
 * What Fastify itself refuses before a route runs, in words a clerk can act on. The `error`
 * code stays 'bad-request' for all of them, as it always was.
 */
function fastifyMessage(err: FastifyError, req: FastifyRequest): { vi: string; en: string } {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { vi: 'Nội dung gửi lên đang trống; cần một đối tượng JSON.', en: 'The request body is empty; a JSON object is expected.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = String(req.headers['content-type'] ?? '').slice(0, 100);
      return {
        vi: `Máy chủ không nhận loại nội dung "${type}". Hãy gửi JSON (application/json); khi nhập kế hoạch, gửi tệp .txt, .docx hoặc .pdf.`,
        en: `Unsupported content type "${type}". Send JSON (application/json); plan import also takes .txt, .docx and .pdf files.`,
      };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { vi: 'Độ dài nội dung không khớp với Content-Length.', en: 'The body size does not match Content-Length.' };
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return {
        vi: 'Yêu cầu không đến từ trang của hệ thống hoặc phiên làm việc đã đổi; hãy tải lại trang rồi thử lại.',
        en: 'Missing or invalid CSRF token: send the x-csrf-token header (GET /api/session gives it), or reload the page.',
      };
    case 'HBC_MALFORMED_MULTIPART':
      return {
        vi: 'Biểu mẫu gửi lên bị hỏng hoặc chưa gửi hết; hãy tải lại trang rồi gửi lại.',
        en: 'The multipart/form-data body is malformed or truncated.',
      };
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { vi: 'Địa chỉ không hợp lệ.', en: 'Invalid URL.' };
    default:
      return { vi: 'Yêu cầu không hợp lệ.', en: err.message };
  }
}

export function errorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ServiceError && wantsHtml(req)) {
    // A person at a page: to the sign-in page (and back), or a page that says what happened.
    if (err.code === 'unauthenticated' && req.method === 'GET') return reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    if (err.code === 'forbidden' || err.code === 'not-found') {
      return reply.status(STATUS[err.code]).header(REQUEST_ID_HEADER, String(req.id)).type('text/html; charset=utf-8').send(
        // In the request's language: the access check may refuse before the locale hook runs.
        withLocale(localeOf(req), () => errorPage(tr(err.messageVi, err.messageEn), chromeFor(req, reply)), pagePath(req)),
      );
    }
  }
  if (err instanceof ServiceError) {
    const status = STATUS[err.code];
    // A 503 is transient by construction, but its cause is what an operator must see.
    if (status >= 500) req.log.error({ err }, 'service unavailable');
    return send(req, reply, status, { error: err.code, message: err.messageVi, messageEn: err.messageEn, details: err.details, detailsEn: err.detailsEn });
  }
  if (err instanceof DomainError) {
    return send(req, reply, 400, { error: 'invalid-input', message: err.messageVi, messageEn: err.messageEn, details: [err.code] });
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const { vi, en } = fastifyMessage(err as FastifyError, req);
    return send(req, reply, status, { error: 'bad-request', message: vi, messageEn: en, details: [] });
  }
  req.log.error({ err }, 'request failed');
  return send(req, reply, 500, {
    error: 'internal',
    message: `Lỗi hệ thống, vui lòng thử lại sau. Nếu lỗi lặp lại, hãy báo quản trị viên mã ${String(req.id)}.`,
    messageEn: `Internal error; the log has it under request id ${String(req.id)}.`,
    details: [],
  });
}

/** A browser asking for a page gets a page; anything else (the API, scripts) gets JSON. */
function wantsHtml(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') && /text\/html/i.test(String(req.headers.accept ?? ''));
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  if (wantsHtml(req)) {
    return reply.status(404).header(REQUEST_ID_HEADER, String(req.id)).type('text/html; charset=utf-8').send(withLocale(localeOf(req), () => notFoundPage(req.url), pagePath(req)));
  }
  // Only the path: a query string may hold what the caller would not want echoed.
  const path = req.url.split('?')[0]!.slice(0, 300);
  return send(req, reply, 404, {
    error: 'not-found',
    message: `Không có địa chỉ ${req.method} ${path}.`,
    messageEn: `Route ${req.method}:${path} not found.`,
    details: [],
  });
}
