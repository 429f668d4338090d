// Who is calling, for every request: a Bearer API token, or the user of the session cookie
// (@fastify/session with its store in the app database; the cookie is signed, HttpOnly,
// SameSite=Lax, Secure behind HTTPS). Signing in starts a new session id (no fixation);
// signing out deletes the session row.
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../auth/policy';
import { linkPrincipal, type LinkSettings } from '../services/agency-links';
import type { ServiceDeps } from '../services/deps';
import { ServiceError } from '../services/errors';
import { principalOfToken, principalOfUser } from '../services/principals';
import { prismaSessionStore } from '../services/sessions';
import { SESSION_COOKIE } from './openapi';

declare module 'fastify' {
  interface Session {
    userId?: string;
  }
}

export interface AuthOptions {
  /** Signs the session cookie; at least 32 characters (src/config.ts refuses a default one in production). */
  sessionSecret: string;
  /** Secure cookies: true when the app is reached over HTTPS (HBC_PUBLIC_URL starts with https). */
  secureCookies: boolean;
  /**
   * The app sits behind one TLS-terminating proxy whose X-Forwarded-* headers are believed
   * (src/config.ts: HBC_TRUST_PROXY). Without it, a Secure cookie is never set on the
   * proxy's plain-HTTP requests.
   */
  trustProxy?: boolean;
  /** Verifies agencies' signed links presented as `authorization: Link <token>` (src/services/agency-links.ts). */
  links?: LinkSettings;
}

/** A session lasts a working day and a bit without activity. */
const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m ? m[1]! : null;
}

/** An agency's signed link presented to the API (`authorization: Link <token>`): the holder's principal, scoped by the policy table. */
function linkToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Link\s+(\S+)$/i.exec(header) : null;
  return m ? m[1]! : null;
}

export async function registerAuthentication(app: FastifyInstance, deps: ServiceDeps, opts: AuthOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: opts.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: prismaSessionStore(deps.db, deps.clock),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, path: '/', maxAge: SESSION_MAX_AGE_MS },
  });
  app.addHook('preValidation', async (req) => {
    const token = bearerToken(req);
    if (token) {
      const principal = await principalOfToken(deps, token);
      // A token that is wrong or revoked is refused outright, never read as anonymous.
      if (!principal) throw new ServiceError('unauthenticated', 'Mã truy cập (API token) không hợp lệ hoặc đã bị thu hồi.', 'The API token is unknown or revoked.');
      req.principal = principal;
      return;
    }
    const link = opts.links ? linkToken(req) : null;
    if (link) {
      const principal = await linkPrincipal(deps, opts.links!, link);
      // Like a revoked token: a link that does not hold is refused, never read as anonymous.
      if (!principal) throw new ServiceError('unauthenticated', 'Liên kết không hợp lệ, đã hết hạn hoặc đã bị thu hồi.', 'The signed link is invalid, expired or revoked.');
      req.principal = principal;
      return;
    }
    const userId = req.session?.userId;
    req.principal = userId ? await principalOfUser(deps, userId) : ANONYMOUS;
  });
}
