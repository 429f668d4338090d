// The server-rendered pages. Each declares its policy action like the API does; an
// anonymous visitor is sent to the sign-in page (src/api/errors.ts), the header's links come
// from the policy (../chrome.ts), and a page shows only the actions the policy allows its
// visitor.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../auth/policy';
import type { MailCatcher } from '../../mail/mail-catcher';
import type { ServiceDeps } from '../../services/deps';
import { inboxFor } from '../../services/dev-inbox';
import { deadlineWithHistory, listDeadlinesFor } from '../../services/list-deadlines';
import { importPage } from '../../web/import-page';
import { dashboardPage, deadlinePage, inboxPage } from '../../web/pages';
import { chromeFor, installChrome } from '../chrome';
import { idParamsSchema } from './params';

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

export function registerPageRoutes(app: FastifyInstance, deps: ServiceDeps, opts: { catcher?: MailCatcher }): void {
  installChrome(app, { inbox: Boolean(opts.catcher) });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/', {
    schema: { tags: ['pages'], summary: "The coordinator's list of deadlines" },
    config: { access: { action: 'deadline.read' } },
  }, async (req, reply) => html(reply, dashboardPage(await listDeadlinesFor(deps, req.principal), chromeFor(req, reply))));

  r.get('/deadlines/:id', {
    schema: { tags: ['pages'], summary: 'One deadline: its dates, state, history, and the actions the visitor may take', params: idParamsSchema },
    config: { access: { action: 'deadline.read', resource: { kind: 'deadline', from: 'params', key: 'id' } } },
  }, async (req, reply) => {
    const { deadline, events, outbox, explained, explainedEn } = await deadlineWithHistory(deps, req.params.id);
    const resource = req.resource!;
    const actions = {
      submit: can(req.principal, 'deadline.submit', resource),
      remind: can(req.principal, 'deadline.remind', resource),
      extend: can(req.principal, 'deadline.extend', resource),
      waive: can(req.principal, 'deadline.waive', resource),
      links: can(req.principal, 'deadline.links', resource),
      return: can(req.principal, 'deadline.return', resource),
    };
    return html(reply, deadlinePage(deadline, events, actions, chromeFor(req, reply), { outbox, explained, explainedEn, urge: can(req.principal, 'deadline.urge', resource) }));
  });

  r.get('/imports/new', {
    schema: { tags: ['pages'], summary: 'Plan import: upload or paste a plan, correct the proposal, confirm' },
    config: { access: { action: 'plan.import' } },
  }, async (req, reply) => html(reply, importPage(chromeFor(req, reply))));

  r.get('/inbox', {
    schema: { tags: ['pages'], summary: 'The development inbox of the embedded SMTP catcher' },
    config: { access: { action: 'inbox.read' } },
  }, async (req, reply) => html(reply, inboxPage(opts.catcher ? await inboxFor(deps, req.principal, opts.catcher.messages()) : null, chromeFor(req, reply))));
}
