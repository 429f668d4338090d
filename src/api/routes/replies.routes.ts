// Replies by email waiting for review (src/services/reply-queue.ts): JSON under /api/replies
// and the page /replies with its forms, which redirect back to the page. Reading is
// 'reply.read'; deciding is 'reply.decide' on the reply's own organisation (resource 'reply').
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../services/access';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import {
  assignableDeadlines,
  assignReply,
  assignReplyBodySchema,
  listReplies,
  listRepliesQuerySchema,
  rejectReply,
  rejectReplyBodySchema,
  replySummarySchema,
} from '../../services/reply-queue';
import { repliesPage } from '../../web/replies/replies-page';
import { errorLines, errorText } from '../../web/ui/i18n';
import { actorOf } from '../actor';
import { chromeFor } from '../chrome';
import { idParamsSchema } from './params';

const onReply = { kind: 'reply', from: 'params', key: 'id' } as const;
const pageQuerySchema = listRepliesQuerySchema.extend({ done: z.enum(['assigned', 'rejected']).optional() });

async function page(deps: ServiceDeps, req: FastifyRequest, reply: FastifyReply, query: z.infer<typeof pageQuerySchema>, error?: ServiceError) {
  const principal = req.principal;
  const replies = await listReplies(deps, principal, { status: query.status });
  const deciding = await scopeFor(deps, principal, 'reply.decide');
  const decides = (organisationId: string | null) => !!organisationId && deciding.organisationIds.includes(organisationId);
  // Assigning records the report as the visitor: the deadlines it could record.
  const deadlines = (await assignableDeadlines(deps, deciding.organisationIds)).filter((d) => decides(d.organisationId));
  const body = repliesPage({
    chrome: chromeFor(req, reply),
    status: query.status ?? 'pending',
    replies,
    deadlines,
    decides,
    done: query.done ?? null,
    ...(error && { error: { message: errorText(error), details: errorLines(error) } }),
  });
  return reply.status(error ? (error.code === 'conflict' ? 409 : 400) : 200).type('text/html; charset=utf-8').send(body);
}

export function registerReplyRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const formBody = (schema: z.ZodObject) => schema.extend({ _csrf: z.string().max(200).optional() });

  r.get('/api/replies', {
    schema: { tags: ['replies'], summary: 'Replies by email of the organisations whose queue the caller reads (pending by default; ?status= for the others)', querystring: listRepliesQuerySchema, response: { 200: z.object({ replies: z.array(replySummarySchema) }) } },
    config: { access: { action: 'reply.read' } },
  }, async (req) => ({ replies: await listReplies(deps, req.principal, req.query) }));

  r.post('/api/replies/:id/assignment', {
    schema: { tags: ['replies'], summary: "Assign a pending reply to a deadline of its organisation: records the report (channel email, the reply's first file) as the caller", params: idParamsSchema, body: assignReplyBodySchema, response: { 200: replySummarySchema } },
    config: { access: { action: 'reply.decide', resource: onReply } },
  }, async (req) => assignReply(deps, actorOf(req), req.params.id, req.body));

  r.post('/api/replies/:id/rejection', {
    schema: { tags: ['replies'], summary: 'Reject a pending reply with a reason; nothing is recorded', params: idParamsSchema, body: rejectReplyBodySchema, response: { 200: replySummarySchema } },
    config: { access: { action: 'reply.decide', resource: onReply } },
  }, async (req) => rejectReply(deps, actorOf(req), req.params.id, req.body));

  r.get('/replies', {
    schema: { tags: ['pages'], summary: 'The review queue of replies by email', querystring: pageQuerySchema },
    config: { access: { action: 'reply.read' } },
  }, async (req, reply) => page(deps, req, reply, req.query));

  for (const [path, decide, schema, done] of [
    ['/replies/:id/assignment', assignReply, assignReplyBodySchema, 'assigned'],
    ['/replies/:id/rejection', rejectReply, rejectReplyBodySchema, 'rejected'],
  ] as const) {
    r.post(path, {
      schema: { tags: ['pages'], summary: `The queue page's form: ${done === 'assigned' ? 'assign the reply to a deadline' : 'reject the reply'}`, params: idParamsSchema, body: formBody(schema) },
      config: { access: { action: 'reply.decide', resource: onReply } },
    }, async (req, reply) => {
      const { _csrf: _, ...body } = req.body as Record<string, unknown>;
      try {
        await decide(deps, actorOf(req), req.params.id, body);
      } catch (err) {
        // Refused for a reason of its own: the page again, saying why.
        if (err instanceof ServiceError && (err.code === 'invalid-input' || err.code === 'conflict')) return page(deps, req, reply, {}, err);
        throw err;
      }
      return reply.redirect(`/replies?done=${done}`, 303);
    });
  }
}
