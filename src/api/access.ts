// Who may call a route is declared on the route (config.access) and decided here, by the one
// policy table (src/auth/policy.ts), for every route alike: handlers never check roles.
//
//   { action: 'public' }                         anyone (health, sign-in, the API document)
//   { action: 'signed-in' }                      any principal but anonymous (sign-out, own profile)
//   { action: A }                                allowed somewhere (a list; the service filters it)
//   { action: A, resource: { kind, from, key } } allowed on that thing (a deadline, a plan, ...)
//
// The answers: 401 for anonymous; 404 for a thing that does not exist or that the principal
// may not even see (its existence is not revealed); 403 for a thing it sees but may not
// change. A route without config.access is refused when it is registered, so none is
// forgotten.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, can, canSomewhere, type Action, type Principal, type Resource } from '../auth/policy';
import { loadResources, type ResourceKind } from '../services/access';
import type { ServiceDeps } from '../services/deps';
import { ServiceError } from '../services/errors';

export interface ResourceRef {
  kind: ResourceKind;
  /** Where the id is: a path parameter, a body field or a query field (dotted path). */
  from: 'params' | 'body' | 'query';
  key: string;
}

/** Where @fastify/swagger-ui serves the API browser. */
export const DOCS_PREFIX = '/docs';

export type RouteAccess = { action: 'public' } | { action: 'signed-in' } | { action: Action; resource?: ResourceRef };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Who is calling: set by the authentication hook, anonymous by default. */
    principal: Principal;
    /** The thing the route acts on, once access is granted (routes with a resource). */
    resource: Resource | null;
  }
}

/** The action that decides whether a principal may see a kind of thing at all (the authorisation test reads it too). */
export const SEE: Record<ResourceKind, Action> = {
  deadline: 'deadline.read',
  plan: 'plan.read',
  campaign: 'plan.read',
  organisation: 'plan.read',
  agency: 'plan.read',
  // An API token is seen only by those who manage tokens.
  token: 'admin.token',
  // A contact is part of its agency, seen with it.
  contact: 'plan.read',
  // Accounts and their roles are seen only by those who manage users.
  user: 'admin.user',
  membership: 'admin.user',
  // A calendar feed is seen only by those who manage feeds (its URL is a credential).
  'calendar-feed': 'calendar.feed',
  // A reply by email waiting for review is seen by those who read the organisation's queue.
  reply: 'reply.read',
};

function valueAt(source: unknown, dotted: string): string | undefined {
  let v: unknown = source;
  for (const part of dotted.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

const unauthenticated = () =>
  new ServiceError('unauthenticated', 'Hãy đăng nhập để tiếp tục.', 'Sign in first (a session cookie or a Bearer token).');
const forbidden = () => new ServiceError('forbidden', 'Tài khoản này không có quyền thực hiện thao tác này.', 'This account may not do this.');
const notFound = (kind: ResourceKind, id: string) => new ServiceError('not-found', 'Không tìm thấy nội dung này.', `No such ${kind}, or not yours to see.`, [id]);

export async function checkAccess(deps: ServiceDeps, req: FastifyRequest, access: RouteAccess): Promise<void> {
  const principal = req.principal ?? ANONYMOUS;
  if (access.action === 'public') return;
  if (principal.kind === 'anonymous') throw unauthenticated();
  if (access.action === 'signed-in') return;
  const action = access.action;
  if (!('resource' in access) || !access.resource) {
    if (!canSomewhere(principal, action)) throw forbidden();
    return;
  }
  const ref = access.resource;
  const id = valueAt(req[ref.from], ref.key);
  // A missing id in a body is a validation matter: the route's schema answers it as a 400.
  if (!id) return;
  // A thing lives in one place, a user in every organisation it has a role in: one allowed place suffices.
  const places = await loadResources(deps, ref.kind, id);
  const allowed = places.find((place) => can(principal, action, place));
  if (allowed) {
    req.resource = allowed;
    return;
  }
  // Not there, or not this principal's to see: the same answer, so ids cannot be probed.
  if (!places.some((place) => can(principal, SEE[ref.kind], place))) throw notFound(ref.kind, id);
  throw forbidden();
}

/**
 * Installs the check on every route of the app: routes must declare config.access (refused
 * at registration otherwise), and each request is checked after its body is parsed and
 * validated, before the handler runs.
 */
export function installAccess(app: FastifyInstance, deps: ServiceDeps): void {
  // Null until the onRequest hook sets it: Fastify wants reference-type decorations empty.
  app.decorateRequest('principal', null as never);
  app.decorateRequest('resource', null);
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    // The API browser's own pages and assets (@fastify/swagger-ui) are as public as the document.
    if (route.url.startsWith(DOCS_PREFIX)) {
      route.config = { ...route.config, access: { action: 'public' } };
      return;
    }
    throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access (src/api/access.ts)`);
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.principal ??= ANONYMOUS;
  });
  app.addHook('preHandler', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config.access;
    if (access) await checkAccess(deps, req, access);
  });
}
