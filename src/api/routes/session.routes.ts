// Signing in and out. JSON for scripts and the pages' own requests (POST /api/session,
// DELETE /api/session, GET /api/session: who am I, and the CSRF token), and a plain form
// for people (GET/POST /sign-in, POST /sign-out). Signing in always starts a new session
// (its id regenerated and the old row deleted: a session id planted before sign-in is worth
// nothing); signing out deletes the session row, so the cookie is anonymous from then on.
// Both sign-in doors count attempts per address and per email (../sign-in-limits) before
// any password is checked, and every refusal is logged with the email and the reason, never
// the password.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn, signInBodySchema, SignInRefusedError, untilText } from '../../services/sign-in';
import { signInPage } from '../../web/sign-in-page';
import { doorLimiter, setRetryAfter, type DoorLimits } from '../sign-in-limits';
import { errorText } from '../../web/ui/i18n';

/**
 * Per email as many failures as the lock allows, in the lock's time, so an address without
 * an account is refused like one with (src/services/sign-in.ts); per network address more
 * attempts, failed or not, since the clerks of a commune office share one.
 */
export const SIGN_IN_LIMITS: DoorLimits = {
  perAddress: { max: 30, windowMs: 60_000 },
  perEmail: { max: MAX_FAILED_SIGN_INS, windowMs: LOCKOUT_MS },
};

/** Only paths of this site may follow a sign-in (no open redirect to another host). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

async function startSession(req: FastifyRequest, userId: string): Promise<void> {
  await req.session.regenerate();
  req.session.userId = userId;
  await req.session.save();
}

/** Retry-After for a refusal that says until when; the refusal itself is logged, without the password. */
function noteRefusal(req: FastifyRequest, reply: FastifyReply, now: Date, email: string, err: unknown): void {
  if (!(err instanceof ServiceError)) return;
  const reason = err instanceof SignInRefusedError ? err.reason : err.code;
  req.log.warn({ signIn: { email: email.trim().toLowerCase().slice(0, 320), reason } }, 'sign-in refused');
  if (err instanceof SignInRefusedError && err.retryAt) setRetryAfter(reply, now, err.retryAt);
}

export function registerSessionRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  // A plugin context of its own: the rate limiter's counts belong to these routes.
  void app.register(async (scope) => {
    const limiter = await doorLimiter(scope, deps.clock, SIGN_IN_LIMITS, (until) => {
      const t = untilText(until);
      return new SignInRefusedError(
        'rate-limited',
        'rate-limited',
        `Có quá nhiều lần đăng nhập từ địa chỉ mạng này; hãy thử lại sau ${t.vi}.`,
        `Too many sign-in attempts from this network address; try again after ${t.en}.`,
        until,
      );
    });
    const attempt = async (req: FastifyRequest, reply: FastifyReply, body: { email: string; password: string }) => {
      try {
        // Only failures count against an email: a person who signs in often is never limited for it.
        const { emailLimitedUntil } = await limiter.check(req, { countEmail: false });
        const { userId } = await signIn(deps, body, { ip: req.ip ?? null, emailLimitedUntil });
        await startSession(req, userId);
      } catch (err) {
        if (err instanceof SignInRefusedError && (err.reason === 'wrong-password' || err.reason === 'unknown-email')) await limiter.countEmailFailure(req);
        noteRefusal(req, reply, deps.clock(), body.email, err);
        throw err;
      }
    };
    routes(scope, attempt);
  });
}

type Attempt = (req: FastifyRequest, reply: FastifyReply, body: { email: string; password: string }) => Promise<void>;

function routes(app: FastifyInstance, attempt: Attempt): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/session', {
    schema: { tags: ['session'], summary: 'Who is signed in, and the CSRF token for state-changing requests' },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    const p = req.principal;
    return {
      principal: p.kind === 'anonymous' ? null : { kind: p.kind, id: p.id, label: p.label, grants: p.kind === 'link' ? [] : p.grants },
      csrfToken: reply.generateCsrf(),
    };
  });

  typed.post('/api/session', {
    schema: { tags: ['session'], summary: 'Sign in with email and password (rate-limited; 10 wrong passwords lock the account for 15 minutes)', body: signInBodySchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    await attempt(req, reply, req.body);
    return reply.status(201).send({ signedIn: true });
  });

  typed.delete('/api/session', {
    schema: { tags: ['session'], summary: 'Sign out (the session is deleted)' },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    await req.session.destroy();
    return reply.status(204).send();
  });

  typed.get('/sign-in', {
    schema: { tags: ['pages'], summary: 'The sign-in page', querystring: z.object({ next: z.string().max(2000).optional() }) },
    config: { access: { action: 'public' } },
  }, async (req, reply) => page(reply, { csrfToken: reply.generateCsrf(), next: safeNext(req.query.next) }));

  typed.post('/sign-in', {
    schema: {
      tags: ['pages'],
      summary: 'Sign in from the form (rate-limited like POST /api/session)',
      body: z.object({ email: z.string().max(320), password: z.string().max(1000), next: z.string().max(2000).optional(), _csrf: z.string().max(200).optional() }),
    },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    try {
      await attempt(req, reply, req.body);
      return reply.redirect(safeNext(req.body.next), 303);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const status = { 'invalid-input': 400, forbidden: 403, 'rate-limited': 429 }[err.code as string] ?? 401;
      return page(reply.status(status), { csrfToken: reply.generateCsrf(), next: safeNext(req.body.next), error: errorText(err), email: req.body.email });
    }
  });

  typed.post('/sign-out', {
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
