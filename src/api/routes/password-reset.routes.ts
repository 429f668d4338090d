// Password reset: POST /api/password-reset {email} for scripts, and for people the form at
// /password-reset, then the emailed link /password-reset/<token> (GET: the form, POST: the
// new password). Asking is rate-limited per address and per email (a mailbox must not be
// flooded) and always answered the same way, at once: the work for an address that has an
// account (store the link, queue its email, start the mail workflow) runs after the answer,
// so neither the answer nor its timing tells whether the account exists.
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps';
import { parseBody, ServiceError } from '../../services/errors';
import {
  MIN_PASSWORD_LENGTH,
  passwordResetRequestBodySchema,
  requestPasswordReset,
  RESET_REQUESTED,
  resetLinkAccount,
  resetPassword,
} from '../../services/password-reset';
import { untilText } from '../../services/sign-in';
import { newPasswordPage, requestResetPage, resetDonePage, resetLinkInvalidPage } from '../../web/accounts/password-reset-pages';
import { doorLimiter, setRetryAfter, TooManyAttemptsError, type DoorLimits } from '../sign-in-limits';
import { errorLines, errorText, tr } from '../../web/ui/i18n';

export const RESET_LIMITS: DoorLimits = {
  perAddress: { max: 20, windowMs: 15 * 60_000 },
  perEmail: { max: 3, windowMs: 15 * 60_000 },
};

const tokenParamsSchema = z.object({ token: z.string().min(1).max(200) });
const requestFormSchema = z.object({ email: z.string().max(320), _csrf: z.string().max(200).optional() });
const newPasswordFormSchema = z.object({ password: z.string().max(1000), confirm: z.string().max(1000), _csrf: z.string().max(200).optional() });

function tooMany(until: Date, who: 'address' | 'email'): TooManyAttemptsError {
  const t = untilText(until);
  return who === 'address'
    ? new TooManyAttemptsError(`Có quá nhiều yêu cầu đặt lại mật khẩu từ địa chỉ mạng này; hãy thử lại sau ${t.vi}.`, `Too many password reset requests from this network address; try again after ${t.en}.`, until)
    : new TooManyAttemptsError(
        `Đã gửi nhiều yêu cầu đặt lại mật khẩu cho địa chỉ email này; hãy kiểm tra hộp thư hoặc thử lại sau ${t.vi}.`,
        `Several resets were asked for this email address already: check the mailbox or try again after ${t.en}.`,
        until,
      );
}

function html(reply: FastifyReply, body: string) {
  return reply.type('text/html; charset=utf-8').send(body);
}

/** The link's pages hold the token: never kept by a cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export function registerPasswordResetRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  // A plugin context of its own: the rate limiter's counts belong to these routes.
  void app.register(async (scope) => {
    const limiter = await doorLimiter(scope, deps.clock, RESET_LIMITS, (until) => tooMany(until, 'address'));
    /** Counts the request, refuses it when limited, and starts the work without waiting for it. */
    const ask = async (req: FastifyRequest, reply: FastifyReply, email: string, log: FastifyBaseLogger) => {
      try {
        // Every request counts against its email: each one may send an email.
        const { emailLimitedUntil } = await limiter.check(req, { countEmail: true });
        if (emailLimitedUntil) throw tooMany(emailLimitedUntil, 'email');
      } catch (err) {
        if (err instanceof TooManyAttemptsError) setRetryAfter(reply, deps.clock(), err.retryAt);
        throw err;
      }
      void requestPasswordReset(deps, { email }, { ip: req.ip ?? null }).catch((err: unknown) => log.error({ err }, 'password reset: the email could not be queued'));
    };
    routes(scope, deps, ask);
  });
}

type Ask = (req: FastifyRequest, reply: FastifyReply, email: string, log: FastifyBaseLogger) => Promise<void>;

function routes(app: FastifyInstance, deps: ServiceDeps, ask: Ask): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/password-reset', {
    schema: { tags: ['session'], summary: 'Ask for a password reset link by email (the same answer whether or not the address has an account)', body: passwordResetRequestBodySchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    await ask(req, reply, req.body.email, req.log);
    return reply.status(202).send(RESET_REQUESTED);
  });

  r.get('/password-reset', {
    schema: { tags: ['pages'], summary: 'Forgot the password: the form that asks for a reset link' },
    config: { access: { action: 'public' } },
  }, async (_req, reply) => html(reply, requestResetPage({ csrfToken: reply.generateCsrf() })));

  r.post('/password-reset', {
    schema: { tags: ['pages'], summary: 'Ask for a reset link from the form', body: requestFormSchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    try {
      const { email } = parseBody(passwordResetRequestBodySchema, { email: req.body.email });
      await ask(req, reply, email, req.log);
      return html(reply, requestResetPage({ csrfToken: reply.generateCsrf(), done: tr(RESET_REQUESTED.message, RESET_REQUESTED.messageEn) }));
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const page = requestResetPage({ csrfToken: reply.generateCsrf(), error: errorText(err), details: errorLines(err), email: req.body.email });
      return html(reply.status(err.code === 'rate-limited' ? 429 : 400), page);
    }
  });

  r.get('/password-reset/:token', {
    schema: { tags: ['pages'], summary: 'The emailed link: the form for a new password', params: tokenParamsSchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    noStore(reply);
    try {
      const { email } = await resetLinkAccount(deps, req.params.token);
      return html(reply, newPasswordPage({ csrfToken: reply.generateCsrf(), email, minLength: MIN_PASSWORD_LENGTH }));
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      return html(reply.status(410), resetLinkInvalidPage(errorText(err)));
    }
  });

  r.post('/password-reset/:token', {
    schema: { tags: ['pages'], summary: 'Set the new password through the emailed link (works once; ends every session of the account)', params: tokenParamsSchema, body: newPasswordFormSchema },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    noStore(reply);
    try {
      await resetPassword(deps, req.params.token, req.body, { ip: req.ip ?? null });
      return html(reply, resetDonePage());
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      if (err.code !== 'invalid-input') return html(reply.status(410), resetLinkInvalidPage(errorText(err)));
      const { email } = await resetLinkAccount(deps, req.params.token);
      return html(reply.status(400), newPasswordPage({ csrfToken: reply.generateCsrf(), email, minLength: MIN_PASSWORD_LENGTH, error: errorText(err), details: errorLines(err) }));
    }
  });
}
