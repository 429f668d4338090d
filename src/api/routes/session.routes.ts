// Signing in and out. JSON for scripts and the pages' own requests (POST /api/session,
// DELETE /api/session, GET /api/session: who am I, and the CSRF token), and a plain form
// for people (GET/POST /sign-in, POST /sign-out). Signing in always starts a new session
// (its id regenerated: a fixed session id planted before sign-in is worth nothing).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { signIn, signInBodySchema } from '../../services/sign-in';
import { signInPage } from '../../web/sign-in-page';

/** Only paths of this site may follow a sign-in (no open redirect to another host). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

async function startSession(req: FastifyRequest, userId: string): Promise<void> {
  await req.session.regenerate();
  req.session.userId = userId;
  await req.session.save();
}

export function registerSessionRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/session', {
    schema: { tags: ['session'], summary: 'Who is signed in, and the CSRF token for state-changing requests' },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    const p = req.principal;
    return {
      principal: p.kind === 'anonymous' ? null : { kind: p.kind, id: p.id, label: p.label, grants: p.grants },
      csrfToken: reply.generateCsrf(),
    };
  });

  r.post('/api/session', {
    schema: { tags: ['session'], summary: 'Sign in with email and password', body: signInBodySchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    const { userId } = await signIn(deps, req.body);
    await startSession(req, userId);
    return reply.status(201).send({ signedIn: true });
  });

  r.delete('/api/session', {
    schema: { tags: ['session'], summary: 'Sign out' },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    await req.session.destroy();
    return reply.status(204).send();
  });

  r.get('/sign-in', {
    schema: { tags: ['pages'], summary: 'The sign-in page', querystring: z.object({ next: z.string().max(2000).optional() }) },
    config: { access: { action: 'public' } },
  }, async (req, reply) => page(reply, { csrfToken: reply.generateCsrf(), next: safeNext(req.query.next) }));

  r.post('/sign-in', {
    schema: {
      tags: ['pages'],
      summary: 'Sign in from the form',
      body: z.object({ email: z.string().max(320), password: z.string().max(1000), next: z.string().max(2000).optional(), _csrf: z.string().max(200).optional() }),
    },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    try {
      const { userId } = await signIn(deps, req.body);
      await startSession(req, userId);
      return reply.redirect(safeNext(req.body.next), 303);
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code === 'rate-limited') throw err;
      return page(reply.status(err.code === 'invalid-input' ? 400 : 401), { csrfToken: reply.generateCsrf(), next: safeNext(req.body.next), error: err.messageVi, email: req.body.email });
    }
  });

  r.post('/sign-out', {
    schema: { tags: ['pages'], summary: 'Sign out from a page' },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    await req.session.destroy();
    return reply.redirect('/sign-in', 303);
  });
}

function page(reply: FastifyReply, opts: Parameters<typeof signInPage>[0]) {
  return reply.type('text/html; charset=utf-8').send(signInPage(opts));
}
