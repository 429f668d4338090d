// HTTP: the JSON API under /api and the server-rendered pages, one file of routes per
// resource (./routes). Every route declares its zod schemas (validation and the OpenAPI
// document at /openapi.json are the same objects) and its policy action (./access); who is
// calling comes from a session cookie or a Bearer token (./authentication); state-changing
// requests made with a session cookie carry a CSRF token; errors go through one table
// (./errors).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { MailCatcher } from '../mail/mail-catcher';
import type { ParsePool } from '../parse-pool/parse-pool';
import type { ServiceDeps } from '../services/deps';
import { DEVELOPMENT_LINK_KEY, DEVELOPMENT_SESSION_SECRET } from '../config';
import type { LinkSettings } from '../services/agency-links';
import { installAccess } from './access';
import { registerAuthentication, type AuthOptions } from './authentication';
import { errorHandler, notFoundHandler, REQUEST_ID_HEADER } from './errors';
import { installLocale, registerLocaleRoutes } from './locale';
import { registerOpenApi, SESSION_COOKIE, validatorCompiler } from './openapi';
import { registerAdminRoutes } from './routes/admin.routes';
import { registerAgencyLinkRoutes } from './routes/agency-links.routes';
import { registerAuditRoutes } from './routes/audit.routes';
import { registerBoardRoutes } from './routes/board.routes';
import { registerDeadlineRoutes } from './routes/deadlines.routes';
import { registerDeadlineReturnRoutes } from './routes/deadline-return.routes';
import { registerExportRoutes } from './routes/exports.routes';
import { registerImportRoutes } from './routes/imports.routes';
import { registerPageRoutes } from './routes/pages.routes';
import { registerPlanPageRoutes } from './routes/plan-pages.routes';
import { registerPasswordResetRoutes } from './routes/password-reset.routes';
import { registerPlanRoutes } from './routes/plans.routes';
import { registerReplyRoutes } from './routes/replies.routes';
import { registerSessionRoutes } from './routes/session.routes';
import { registerSystemRoutes } from './routes/system.routes';
import { registerTokenRoutes } from './routes/tokens.routes';
import { registerSecurityHeaders } from './security-headers';

/** Fastify's logger options (pino's, plus `stream`, `serializers`). */
export type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/**
 * One JSON line per request and per 5xx (with the error and its stack), through Fastify's
 * own logger (pino). What a request carries that a log must not: credentials (redacted if
 * anything ever logs the headers), bodies (never logged: Fastify does not, and the errors
 * keep their own messages), query strings (a link's token may sit there, so only the path
 * is written).
 */
const LOGGER_DEFAULTS: LoggerOptions = {
  level: 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
  serializers: {
    req: (req: FastifyRequest) => ({ method: req.method, url: withoutSecrets(req.url), host: req.host, remoteAddress: req.ip }),
  },
};

/**
 * The path of a request as a log may keep it: no query string, and no secret a path
 * carries (a password reset link's token).
 */
export function withoutSecrets(url: string): string {
  return url
    .split('?')[0]!
    .replace(/^\/password-reset\/[^/]+/, '/password-reset/[redacted]')
    .replace(/^\/bao-cao\/[^/]+/, '/bao-cao/[redacted]');
}

/** For tests and tools that build a server without configuration: never accepted in production (src/config.ts). */
export const DEVELOPMENT_AUTH: AuthOptions = { sessionSecret: DEVELOPMENT_SESSION_SECRET, secureCookies: false };

export interface ServerOptions {
  catcher?: MailCatcher;
  /** false for silence, or pino options merged over the defaults (tests pass a `stream`). Default: info to stdout. */
  logger?: boolean | LoggerOptions;
  auth?: AuthOptions;
  /** The agencies' signed links: keys, where attached files go, their size cap. Default: DEVELOPMENT_LINKS. */
  links?: LinkSettings;
  /** Where uploads are read (tests pass one with a short time cap); default: the app's own pool. */
  parsePool?: ParsePool;
}

/** For tests and tools without configuration: the development key, which production refuses (src/config.ts). */
export const DEVELOPMENT_LINKS: LinkSettings = { keys: [DEVELOPMENT_LINK_KEY], dataDir: path.resolve('.data'), maxFileBytes: 20 * 1024 * 1024 };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function buildServer(deps: ServiceDeps, opts: ServerOptions = {}): FastifyInstance {
  const logger = opts.logger === false ? false : { ...LOGGER_DEFAULTS, ...(typeof opts.logger === 'object' ? opts.logger : {}) };
  const auth = opts.auth ?? DEVELOPMENT_AUTH;
  const app = Fastify({
    logger,
    // Behind a TLS-terminating proxy: its X-Forwarded-For and -Proto give the client's address
    // (rate limits) and https (Secure cookies). One hop only, so a client cannot add its own.
    trustProxy: auth.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    // Our own ids, unique across restarts, so a line found by the id in an answer is that request's.
    genReqId: () => randomUUID(),
    frameworkErrors: errorHandler,
    // An agency's signed link is a path parameter of a few hundred characters (its claims name readable ids).
    routerOptions: { maxParamLength: 700 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  installAccess(app, deps);
  installLocale(app);
  registerSecurityHeaders(app, { https: auth.secureCookies });

  // Plugins load in order: the API document sees every route registered after it.
  registerOpenApi(app);
  void app.register(fastifyFormbody);
  void app.register(async (scope) => {
    await registerAuthentication(scope, deps, { ...auth, links: opts.links ?? DEVELOPMENT_LINKS });
    await scope.register(fastifyCsrf, { sessionPlugin: '@fastify/session', getToken: (req) => csrfTokenOf(req) });
    // A request that rides on a session cookie must prove it comes from our own pages; a
    // Bearer token or a request without a session cannot be forged across sites. Only a
    // token that authenticated counts: any other Authorization header leaves the cookie in
    // charge. Nor can a request whose cookie names a session that expired or never existed:
    // it carries no one's authority and no CSRF secret, so it is anonymous and the policy
    // answers it (401).
    scope.addHook('preValidation', async (req, reply) => {
      const dead = !req.session.userId && !(req.session as { _csrf?: string })._csrf;
      // The signed links' pages carry their credential in the path; the session confers nothing there.
      if (req.routeOptions.config.signedLink) return;
      if (SAFE_METHODS.has(req.method) || req.principal.kind === 'token' || req.principal.kind === 'link' || !req.cookies[SESSION_COOKIE] || dead) return;
      await new Promise<void>((resolve, reject) => scope.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())));
    });
    registerSystemRoutes(scope, deps, opts);
    registerLocaleRoutes(scope, { secureCookies: auth.secureCookies });
    registerSessionRoutes(scope, deps);
    registerPasswordResetRoutes(scope, deps);
    registerTokenRoutes(scope, deps);
    registerDeadlineRoutes(scope, deps);
    registerPlanRoutes(scope, deps);
    registerImportRoutes(scope, deps, { parsePool: opts.parsePool });
    registerPageRoutes(scope, deps, opts);
    registerAdminRoutes(scope, deps);
    registerAuditRoutes(scope, deps);
    registerAgencyLinkRoutes(scope, deps, opts.links ?? DEVELOPMENT_LINKS);
    registerDeadlineReturnRoutes(scope, deps);
    registerReplyRoutes(scope, deps);
    registerBoardRoutes(scope, deps);
    registerPlanPageRoutes(scope, deps);
    registerExportRoutes(scope, deps);
  });
  return app;
}

function csrfTokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = req.body as { _csrf?: unknown } | undefined;
  return typeof body?._csrf === 'string' ? body._csrf : undefined;
}
