// Health for process managers and load balancers, and the development inbox as JSON.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MailCatcher } from '../../mail/mail-catcher';
import type { ServiceDeps } from '../../services/deps';
import { inboxFor } from '../../services/dev-inbox';

export function registerSystemRoutes(app: FastifyInstance, deps: ServiceDeps, opts: { catcher?: MailCatcher }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/health', {
    schema: { tags: ['system'], summary: 'The web process answers' },
    config: { access: { action: 'public' } },
  }, async () => ({ ok: true }));

  r.get('/api/inbox', {
    schema: { tags: ['system'], summary: "The emails the embedded SMTP catcher received for people of the caller's organisations (development only)" },
    config: { access: { action: 'inbox.read' } },
  }, async (req) => ({ messages: await inboxFor(deps, req.principal, opts.catcher?.messages() ?? []) }));
}
