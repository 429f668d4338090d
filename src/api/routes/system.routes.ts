// Health for process managers and load balancers, and the development inbox as JSON.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MailCatcher } from '../../mail/mail-catcher';

export function registerSystemRoutes(app: FastifyInstance, opts: { catcher?: MailCatcher }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/health', {
    schema: { tags: ['system'], summary: 'The web process answers' },
    config: { access: { action: 'public' } },
  }, async () => ({ ok: true }));

  r.get('/api/inbox', {
    schema: { tags: ['system'], summary: 'Every email the embedded SMTP catcher received (development only)' },
    config: { access: { action: 'inbox.read' } },
  }, async () => ({ messages: opts.catcher?.messages() ?? [] }));
}
