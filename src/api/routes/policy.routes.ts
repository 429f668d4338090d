// A plan's reminder policy: GET/PUT/DELETE /api/plans/:id/reminder-policy and the page
// /plans/:id/reminder-policy. Reading it is reading the plan ('plan.read'); changing it is
// 'plan.policy' (the plan organisation's coordinator and administrator).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../auth/policy';
import { reminderPolicySchema } from '../../schemas/policy.schemas';
import { getReminderPolicy, planHeading, setReminderPolicy } from '../../services/admin/reminder-policy';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { adminChrome } from '../../web/admin/chrome';
import { formBodySchema, policyFromForm, type FormBody } from '../../web/admin/form-input';
import { ESCALATION_ROWS, reminderPolicyPage } from '../../web/admin/reminder-policy-page';
import { actorOf } from '../actor';
import { idParamsSchema, savedQuerySchema } from './params';
import { errorLines, errorText } from '../../web/ui/i18n';

const onPlan = { kind: 'plan', from: 'params', key: 'id' } as const;

export function registerPolicyRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  r.get('/api/plans/:id/reminder-policy', {
    schema: { tags, summary: "The plan's reminder policy (its own, or the default one)", params: idParamsSchema },
    config: { access: { action: 'plan.read', resource: onPlan } },
  }, async (req) => getReminderPolicy(deps, req.params.id));

  r.put('/api/plans/:id/reminder-policy', {
    schema: { tags, summary: "Set the plan's reminder policy; running deadlines follow it from their next step", params: idParamsSchema, body: reminderPolicySchema },
    config: { access: { action: 'plan.policy', resource: onPlan } },
  }, async (req) => setReminderPolicy(deps, actorOf(req), req.params.id, req.body));

  r.delete('/api/plans/:id/reminder-policy', {
    schema: { tags, summary: 'Go back to the default reminder policy', params: idParamsSchema },
    config: { access: { action: 'plan.policy', resource: onPlan } },
  }, async (req) => setReminderPolicy(deps, actorOf(req), req.params.id, null));

  async function page(req: FastifyRequest, reply: FastifyReply, planId: string, extra: { problem?: { message: string; lines: string[] }; values?: FormBody; saved?: boolean } = {}) {
    const current = await getReminderPolicy(deps, planId);
    const body = reminderPolicyPage({
      chrome: adminChrome(req.principal, reply.generateCsrf()),
      plan: await planHeading(deps, planId),
      policy: current.policy,
      isDefault: current.isDefault,
      editable: !!req.resource && can(req.principal, 'plan.policy', req.resource),
      ...extra,
    });
    return reply.type('text/html; charset=utf-8').send(body);
  }

  r.get('/plans/:id/reminder-policy', {
    schema: { tags: ['pages'], summary: "The plan's reminder policy page (a form for those who may change it)", params: idParamsSchema, querystring: savedQuerySchema },
    config: { access: { action: 'plan.read', resource: onPlan } },
  }, async (req, reply) => page(req, reply, req.params.id, { saved: req.query.saved !== undefined }));

  r.post('/plans/:id/reminder-policy', {
    schema: { tags: ['pages'], summary: "Save the plan's reminder policy from the page's form", params: idParamsSchema, body: formBodySchema },
    config: { access: { action: 'plan.policy', resource: onPlan } },
  }, async (req, reply) => {
    try {
      await setReminderPolicy(deps, actorOf(req), req.params.id, policyFromForm(req.body, ESCALATION_ROWS));
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'invalid-input') throw err;
      reply.status(400);
      return page(req, reply, req.params.id, { problem: { message: errorText(err), lines: errorLines(err) }, values: req.body });
    }
    return reply.redirect(`/plans/${encodeURIComponent(req.params.id)}/reminder-policy?saved`, 303);
  });

  r.post('/plans/:id/reminder-policy/reset', {
    schema: { tags: ['pages'], summary: 'Go back to the default reminder policy, from the page', params: idParamsSchema, body: formBodySchema.optional() },
    config: { access: { action: 'plan.policy', resource: onPlan } },
  }, async (req, reply) => {
    await setReminderPolicy(deps, actorOf(req), req.params.id, null);
    return reply.redirect(`/plans/${encodeURIComponent(req.params.id)}/reminder-policy?saved`, 303);
  });
}
