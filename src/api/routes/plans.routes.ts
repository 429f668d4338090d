// A plan's ad-hoc requests and roll-up, and a campaign's results report and its day.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adhocRequestBodySchema } from '../../schemas/adhoc.schemas';
import { recordCampaignResultsBodySchema, setCampaignResultsDueBodySchema } from '../../schemas/campaign.schemas';
import { remindMissingBodySchema } from '../../schemas/plan-actions.schemas';
import { recordCampaignResults, setCampaignResultsDue } from '../../services/campaigns';
import { createRollUp, createRollUpBodySchema } from '../../services/create-rollup';
import type { ServiceDeps } from '../../services/deps';
import { remindMissing } from '../../services/remind-missing';
import { requestAdhocReport } from '../../services/request-adhoc-report';
import { actorOf } from '../actor';
import { idParamsSchema } from './params';

const onPlan = { kind: 'plan', from: 'params', key: 'id' } as const;

export function registerPlanRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/plans/:id/adhoc-requests', {
    schema: { tags: ['plans'], summary: 'Request an ad-hoc report (báo cáo đột xuất) from agencies of the plan', params: idParamsSchema, body: adhocRequestBodySchema },
    config: { access: { action: 'plan.adhoc', resource: onPlan } },
  }, async (req, reply) => reply.status(201).send(await requestAdhocReport(deps, actorOf(req), req.params.id, req.body)));

  r.post('/api/plans/:id/reminders', {
    schema: { tags: ['plans'], summary: 'Remind every agency of the plan that has not reported for a period (one reminder by hand each)', params: idParamsSchema, body: remindMissingBodySchema },
    config: { access: { action: 'deadline.remind', resource: onPlan } },
  }, async (req) => remindMissing(deps, actorOf(req), req.params.id, req.body));

  r.post('/api/plans/:id/rollup', {
    schema: { tags: ['plans'], summary: "The coordinator's own upward report on the plan's periods", params: idParamsSchema, body: createRollUpBodySchema },
    config: { access: { action: 'plan.rollup', resource: onPlan } },
  }, async (req, reply) => reply.status(201).send(await createRollUp(deps, actorOf(req), req.params.id, req.body)));

  r.post('/api/campaigns/:id/results', {
    schema: { tags: ['plans'], summary: "Record a campaign year's results report", params: idParamsSchema, body: recordCampaignResultsBodySchema },
    config: { access: { action: 'campaign.results', resource: { kind: 'campaign', from: 'params', key: 'id' } } },
  }, async (req, reply) => reply.status(201).send(await recordCampaignResults(deps, actorOf(req), req.params.id, req.body)));

  r.post('/api/campaigns/:id/results-due', {
    schema: { tags: ['plans'], summary: "Set the day this year's results report of a campaign is due (its reminders follow the new day)", params: idParamsSchema, body: setCampaignResultsDueBodySchema },
    config: { access: { action: 'campaign.results-due', resource: { kind: 'campaign', from: 'params', key: 'id' } } },
  }, async (req) => setCampaignResultsDue(deps, actorOf(req), req.params.id, req.body));
}
