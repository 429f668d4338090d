// The visitor's language: Vietnamese unless the `hbc_lang` cookie says English. The cookie
// is a plain preference (no authority, SameSite=Lax, a year), set by GET /lang/:locale,
// the switch link every page's header carries. A GET link rather than a form: it works on
// every page without a CSRF token (the sign-in page, an agency's signed-link page, the
// not-found page) and choosing a language changes nothing but how pages read; the worst a
// forged link can do is switch someone's language, which the same link on any page undoes.
// Not from Accept-Language: the offices read Vietnamese whatever their browser was set to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isLocale, LOCALE_COOKIE, LOCALES, withLocale, type Locale } from '../web/ui/i18n';

const YEAR_SECONDS = 365 * 24 * 3600;

/** The locale a request asks for, from its cookie (parsed here too: the root's not-found handler has no cookie plugin). */
export function localeOf(req: FastifyRequest): Locale {
  const parsed = (req as { cookies?: Record<string, string | undefined> }).cookies?.[LOCALE_COOKIE];
  if (isLocale(parsed)) return parsed;
  const header = req.headers.cookie;
  const match = typeof header === 'string' ? new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`).exec(header) : null;
  return isLocale(match?.[1]) ? match[1] : 'vi';
}

/** A GET page's own path, for the switch to come back to; a form's answer goes back to the front page. */
export function pagePath(req: FastifyRequest): string | undefined {
  return req.method === 'GET' ? req.url : undefined;
}

/** Only paths of this site, without control characters (a browser drops a tab: "/\t/evil.com" is "//evil.com"). */
export function safeLocalPath(next: unknown): string {
  const plain = typeof next === 'string' && [...next].every((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f);
  return plain && /^\/(?![/\\])/.test(next) ? next : '/';
}

/**
 * Every handler (and every later hook) of a request runs in its locale: the last hook
 * before the handler enters the store, and the handler is called from inside it.
 * Entered at preHandler, not onRequest: reading a body leaves the async context.
 */
export function installLocale(app: FastifyInstance): void {
  app.addHook('preHandler', (req, _reply, done) => {
    withLocale(localeOf(req), done, pagePath(req));
  });
}

export function registerLocaleRoutes(app: FastifyInstance, opts: { secureCookies: boolean }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/lang/:locale', {
    schema: {
      tags: ['pages'],
      summary: 'Switch the pages to Vietnamese or English, then go back to `next` (a path of this site)',
      params: z.object({ locale: z.enum(LOCALES) }),
      querystring: z.object({ next: z.string().max(2000).optional() }),
    },
    config: { access: { action: 'public' } },
  }, async (req, reply) => {
    reply.setCookie(LOCALE_COOKIE, req.params.locale, { path: '/', sameSite: 'lax', httpOnly: true, secure: opts.secureCookies, maxAge: YEAR_SECONDS });
    return reply.redirect(safeLocalPath(req.query.next), 303);
  });
}
