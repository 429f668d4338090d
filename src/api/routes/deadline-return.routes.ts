// Yêu cầu bổ sung (src/services/return-for-completion.ts): JSON for scripts, and the
// deadline page's form, which redirects back to the page.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { returnBodySchema } from '../../schemas/deadline.schemas';
import type { ServiceDeps } from '../../services/deps';
import { returnForCompletion } from '../../services/return-for-completion';
import { actorOf } from '../actor';
import { idParamsSchema } from './params';

export function registerDeadlineReturnRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { action: 'deadline.return', resource: { kind: 'deadline', from: 'params', key: 'id' } } as const;

  r.post('/api/deadlines/:id/return', {
    schema: { tags: ['deadlines'], summary: 'Send the recorded report back for completion with a reason and a new last day; the deadline reopens and reminders resume', params: idParamsSchema, body: returnBodySchema },
    config: { access },
  }, async (req, reply) => reply.status(201).send(await returnForCompletion(deps, actorOf(req), req.params.id, req.body)));

  r.post('/deadlines/:id/return', {
    schema: { tags: ['pages'], summary: "The deadline page's form: send the report back for completion", params: idParamsSchema, body: returnBodySchema.extend({ _csrf: z.string().max(200).optional() }) },
    config: { access },
  }, async (req, reply) => {
    const { _csrf: _, ...body } = req.body;
    await returnForCompletion(deps, actorOf(req), req.params.id, body);
    return reply.redirect(`/deadlines/${encodeURIComponent(req.params.id)}?returned=1`, 303);
  });
}
