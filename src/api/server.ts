// HTTP: JSON API under /api and the server-rendered pages. Every body is parsed by the
// shared zod schemas inside the use cases; errors go through one table (./errors).
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { MailCatcher } from '../mail/mail-catcher';
import { extendDeadline, recordSubmission, remindNow, waiveDeadline } from '../services/deadline-updates';
import type { ServiceDeps } from '../services/deps';
import { ServiceError } from '../services/errors';
import { listDeadlines } from '../services/list-deadlines';
import { dashboardPage, deadlinePage, inboxPage } from '../web/pages';
import { errorHandler, notFoundHandler, REQUEST_ID_HEADER } from './errors';
import { registerImportRoutes } from './imports.routes';
import { recordCampaignResults } from '../services/campaigns';
import { requestAdhocReport } from '../services/request-adhoc-report';
import { createRollUp } from '../services/create-rollup';

/** Fastify's logger options (pino's, plus `stream`, `serializers`). */
export type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/**
 * One JSON line per request and per 5xx (with the error and its stack), through Fastify's
 * own logger (pino). What a request carries that a log must not: credentials (redacted if
 * anything ever logs the headers), bodies (never logged: Fastify does not, and the errors
 * keep their own messages), query strings (a link's token may sit there, so only the path
 * is written).
 */
const LOGGER_DEFAULTS: LoggerOptions = {
  level: 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
  serializers: {
    req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0], host: req.host, remoteAddress: req.ip }),
  },
};

/**
 * opts.logger: false for silence, or pino options merged over the defaults (tests pass a
 * `stream` to read the lines). Default: info to stdout.
 */
export function buildServer(deps: ServiceDeps, opts: { catcher?: MailCatcher; logger?: boolean | LoggerOptions } = {}): FastifyInstance {
  const logger = opts.logger === false ? false : { ...LOGGER_DEFAULTS, ...(typeof opts.logger === 'object' ? opts.logger : {}) };
  const app = Fastify({
    logger,
    // Our own ids, unique across restarts, so a line found by the id in an answer is that request's.
    genReqId: () => randomUUID(),
    frameworkErrors: errorHandler,
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  app.get('/health', async () => ({ ok: true }));

  app.get('/api/deadlines', async () => ({ deadlines: await listDeadlines(deps.db, deps.clock()) }));

  app.get<{ Params: { id: string } }>('/api/deadlines/:id', async (req) => {
    const [view] = await listDeadlines(deps.db, deps.clock(), { id: req.params.id });
    if (!view) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [req.params.id]);
    const events = await deps.db.deadlineEvent.findMany({ where: { deadlineId: view.id }, orderBy: { id: 'asc' } });
    return { deadline: view, events };
  });

  app.post<{ Params: { id: string } }>('/api/deadlines/:id/submission', async (req, reply) => {
    const receipt = await recordSubmission(deps, req.params.id, req.body ?? {});
    return reply.status(201).send(receipt);
  });

  app.post<{ Params: { id: string } }>('/api/deadlines/:id/remind', async (req) => remindNow(deps, req.params.id, req.body ?? {}));
  app.post<{ Params: { id: string } }>('/api/deadlines/:id/extension', async (req) => extendDeadline(deps, req.params.id, req.body ?? {}));
  app.post<{ Params: { id: string } }>('/api/deadlines/:id/waiver', async (req) => waiveDeadline(deps, req.params.id, req.body ?? {}));

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(dashboardPage(await listDeadlines(deps.db, deps.clock()))));

  app.get<{ Params: { id: string } }>('/deadlines/:id', async (req, reply) => {
    const [view] = await listDeadlines(deps.db, deps.clock(), { id: req.params.id });
    if (!view) return reply.status(404).type('text/html; charset=utf-8').send('<p>Không tìm thấy hạn báo cáo / deadline not found</p>');
    const events = await deps.db.deadlineEvent.findMany({ where: { deadlineId: view.id }, orderBy: { id: 'asc' } });
    return reply.type('text/html; charset=utf-8').send(deadlinePage(view, events));
  });

  registerImportRoutes(app, deps);
  app.post<{ Params: { id: string } }>('/api/plans/:id/adhoc-requests', async (req, reply) => reply.status(201).send(await requestAdhocReport(deps, req.params.id, req.body ?? {})));
  app.post<{ Params: { id: string } }>('/api/plans/:id/rollup', async (req, reply) => reply.status(201).send(await createRollUp(deps, req.params.id, req.body ?? {})));
  app.post<{ Params: { id: string } }>('/api/campaigns/:id/results', async (req, reply) => reply.status(201).send(await recordCampaignResults(deps, req.params.id, req.body ?? {})));

  app.get('/inbox', async (_req, reply) => reply.type('text/html; charset=utf-8').send(inboxPage(opts.catcher?.messages() ?? null)));
  app.get('/api/inbox', async () => ({ messages: opts.catcher?.messages() ?? [] }));

  return app;
}
