// A plan and an agency, each as a page and as JSON: what the plan asks and how far its
// agencies are; what the agency owes and its on-time record. The forms a page shows come
// from the policy (`can` on the plan); the API routes the forms post to check again.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../auth/policy';
import { allowedOn } from '../../services/access';
import { listCalendarFeeds } from '../../services/calendar-feeds';
import type { ServiceDeps } from '../../services/deps';
import { agencyView, planView } from '../../services/plan-view';
import { agencyPage } from '../../web/agency/agency-page';
import { planPage } from '../../web/plan/plan-page';
import { chromeFor } from '../chrome';
import { idParamsSchema } from './params';

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
const onPlan = { kind: 'plan', from: 'params', key: 'id' } as const;
const onAgency = { kind: 'agency', from: 'params', key: 'id' } as const;

export function registerPlanPageRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/plans/:id', {
    schema: { tags: ['plans'], summary: "A plan: obligations, campaigns, each period's progress and the deadlines the caller may see", params: idParamsSchema },
    config: { access: { action: 'plan.read', resource: onPlan } },
  }, async (req) => planView(deps, req.principal, req.params.id));

  r.get('/plans/:id', {
    schema: { tags: ['pages'], summary: "One plan: obligations, campaigns, progress per period, remind every non-reporter, request an ad-hoc report", params: idParamsSchema },
    config: { access: { action: 'plan.read', resource: onPlan } },
  }, async (req, reply) => {
    const view = await planView(deps, req.principal, req.params.id);
    const place = req.resource!;
    const actions = {
      remind: can(req.principal, 'deadline.remind', place),
      adhoc: can(req.principal, 'plan.adhoc', place),
      resultsDue: can(req.principal, 'campaign.results-due', place),
    };
    const canRemind = await allowedOn(deps, req.principal, 'deadline.remind', view.rows);
    const feeds = can(req.principal, 'calendar.feed', place) ? { kind: 'plan' as const, targetId: req.params.id, feeds: await listCalendarFeeds(deps, 'plan', req.params.id) } : undefined;
    return html(reply, planPage(view, actions, canRemind, deps.clock(), chromeFor(req, reply), feeds));
  });

  r.get('/api/agencies/:id', {
    schema: { tags: ['plans'], summary: "An agency: contacts, obligations, on-time record and the deadlines the caller may see", params: idParamsSchema },
    config: { access: { action: 'plan.read', resource: onAgency } },
  }, async (req) => agencyView(deps, req.principal, req.params.id));

  r.get('/agencies/:id', {
    schema: { tags: ['pages'], summary: 'One agency: contacts, obligations and on-time record', params: idParamsSchema },
    config: { access: { action: 'plan.read', resource: onAgency } },
  }, async (req, reply) => {
    const view = await agencyView(deps, req.principal, req.params.id);
    const canRemind = await allowedOn(deps, req.principal, 'deadline.remind', view.rows);
    const feeds = can(req.principal, 'calendar.feed', req.resource!) ? { kind: 'agency' as const, targetId: req.params.id, feeds: await listCalendarFeeds(deps, 'agency', req.params.id) } : undefined;
    return html(reply, agencyPage(view, canRemind, chromeFor(req, reply), feeds));
  });
}
