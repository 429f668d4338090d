// Deadlines: the list (what the principal may see), one deadline with its history, and the
// Updates that change it. Every route declares its schemas (validation and the OpenAPI
// document are the same objects) and its policy action.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { extendBodySchema, recordSubmissionBodySchema, remindNowBodySchema, waiveBodySchema } from '../../schemas/deadline.schemas';
import { extendDeadline, recordSubmission, remindNow, waiveDeadline } from '../../services/deadline-updates';
import type { ServiceDeps } from '../../services/deps';
import { deadlineWithHistory, listDeadlinesFor } from '../../services/list-deadlines';
import { actorOf } from '../actor';
import { idParamsSchema } from './params';

const onDeadline = { kind: 'deadline', from: 'params', key: 'id' } as const;

export function registerDeadlineRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/deadlines', {
    schema: { tags: ['deadlines'], summary: 'Deadlines the caller may see, with their state' },
    config: { access: { action: 'deadline.read' } },
  }, async (req) => ({ deadlines: await listDeadlinesFor(deps, req.principal) }));

  r.get('/api/deadlines/:id', {
    schema: { tags: ['deadlines'], summary: 'One deadline and its history', params: idParamsSchema },
    config: { access: { action: 'deadline.read', resource: onDeadline } },
  }, async (req) => deadlineWithHistory(deps, req.params.id));

  r.post('/api/deadlines/:id/submission', {
    schema: { tags: ['deadlines'], summary: 'Record the report as received', params: idParamsSchema, body: recordSubmissionBodySchema },
    config: { access: { action: 'deadline.submit', resource: onDeadline } },
  }, async (req, reply) => reply.status(201).send(await recordSubmission(deps, actorOf(req), req.params.id, req.body)));

  r.post('/api/deadlines/:id/remind', {
    schema: { tags: ['deadlines'], summary: 'Send a reminder now (at most one an hour; held for working hours)', params: idParamsSchema, body: remindNowBodySchema },
    config: { access: { action: 'deadline.remind', resource: onDeadline } },
  }, async (req) => remindNow(deps, actorOf(req), req.params.id, req.body));

  r.post('/api/deadlines/:id/extension', {
    schema: { tags: ['deadlines'], summary: 'Extend the deadline (gia hạn)', params: idParamsSchema, body: extendBodySchema },
    config: { access: { action: 'deadline.extend', resource: onDeadline } },
  }, async (req) => extendDeadline(deps, actorOf(req), req.params.id, req.body));

  r.post('/api/deadlines/:id/waiver', {
    schema: { tags: ['deadlines'], summary: 'Waive this period (miễn báo cáo)', params: idParamsSchema, body: waiveBodySchema },
    config: { access: { action: 'deadline.waive', resource: onDeadline } },
  }, async (req) => waiveDeadline(deps, actorOf(req), req.params.id, req.body));
}
