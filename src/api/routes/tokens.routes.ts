// API tokens, for an organisation's administrators (policy action 'admin.token'): JSON under
// /api/admin/tokens and the page /admin/tokens with its forms. Making a token is checked on
// the organisation it is for, revoking on the token's own organisation (resource 'token'),
// so an administrator of one commune neither sees nor touches another's tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canSomewhere, type Action } from '../../auth/policy';
import { createApiToken, createTokenBodySchema, listApiTokens, revokeApiToken, tokenChoices } from '../../services/api-tokens';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { tokensPage, type TokensPageData } from '../../web/accounts/tokens-page';
import type { NavLink } from '../../web/ui/layout';
import { actorOf } from '../actor';
import { idParamsSchema } from './params';
import { errorLines, errorText, tr } from '../../web/ui/i18n';

const onOrganisationInBody = { kind: 'organisation', from: 'body', key: 'organisationId' } as const;
const onToken = { kind: 'token', from: 'params', key: 'id' } as const;

const tokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const NAV: { href: string; label: [string, string]; action: Action }[] = [
  { href: '/', label: ['Danh sách hạn', 'Deadlines'], action: 'deadline.read' },
  { href: '/imports/new', label: ['Nhập kế hoạch', 'Import a plan'], action: 'plan.import' },
  { href: '/admin/tokens', label: ['Mã truy cập API', 'API tokens'], action: 'admin.token' },
];

function chromeOf(req: FastifyRequest, reply: FastifyReply): TokensPageData['chrome'] {
  const p = req.principal;
  const nav: NavLink[] = NAV.filter((l) => canSomewhere(p, l.action)).map(({ href, label }) => ({ href, label: tr(...label) }));
  return { user: p.kind === 'anonymous' ? undefined : p.label, nav, csrfToken: reply.generateCsrf() };
}

async function page(deps: ServiceDeps, req: FastifyRequest, reply: FastifyReply, extra: Pick<TokensPageData, 'created' | 'error'> = {}) {
  const [tokens, choices] = await Promise.all([listApiTokens(deps, req.principal), tokenChoices(deps, req.principal)]);
  return reply.type('text/html; charset=utf-8').send(tokensPage({ chrome: chromeOf(req, reply), tokens, choices, ...extra }));
}

export function registerTokenRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/tokens', {
    schema: { tags: ['admin'], summary: 'API tokens of the organisations the caller administers (never the tokens themselves)', response: { 200: z.object({ tokens: z.array(tokenSummarySchema) }) } },
    config: { access: { action: 'admin.token' } },
  }, async (req) => ({ tokens: await listApiTokens(deps, req.principal) }));

  r.post('/api/admin/tokens', {
    schema: {
      tags: ['admin'],
      summary: 'Make an API token for a role in an organisation (an agency token for one agency); the answer is the only time the token is shown',
      body: createTokenBodySchema,
      response: { 201: tokenSummarySchema.extend({ token: z.string() }) },
    },
    config: { access: { action: 'admin.token', resource: onOrganisationInBody } },
  }, async (req, reply) => reply.status(201).send(await createApiToken(deps, actorOf(req), req.body)));

  r.post('/api/admin/tokens/:id/revoke', {
    schema: { tags: ['admin'], summary: 'Revoke an API token (its next request is refused; revoking twice changes nothing)', params: idParamsSchema, response: { 200: tokenSummarySchema } },
    config: { access: { action: 'admin.token', resource: onToken } },
  }, async (req) => revokeApiToken(deps, actorOf(req), req.params.id));

  r.get('/admin/tokens', {
    schema: { tags: ['pages'], summary: 'The API tokens page: list, make, revoke' },
    config: { access: { action: 'admin.token' } },
  }, async (req, reply) => page(deps, req, reply));

  r.post('/admin/tokens', {
    schema: {
      tags: ['pages'],
      summary: 'Make an API token from the page (shown once on the answer)',
      body: z.object({
        organisationId: z.string().max(200),
        role: z.string().max(50),
        agencyId: z.string().max(300).optional(),
        name: z.string().max(1000),
        _csrf: z.string().max(200).optional(),
      }),
    },
    config: { access: { action: 'admin.token', resource: onOrganisationInBody } },
  }, async (req, reply) => {
    try {
      const made = await createApiToken(deps, actorOf(req), req.body);
      return await page(deps, req, reply.status(201), { created: { name: made.name, token: made.token } });
    } catch (err) {
      if (!(err instanceof ServiceError) || err.code !== 'invalid-input') throw err;
      return page(deps, req, reply.status(400), { error: { message: errorText(err), details: errorLines(err) } });
    }
  });

  r.post('/admin/tokens/:id/revoke', {
    schema: { tags: ['pages'], summary: 'Revoke an API token from the page', params: idParamsSchema, body: z.object({ _csrf: z.string().max(200).optional() }).optional() },
    config: { access: { action: 'admin.token', resource: onToken } },
  }, async (req, reply) => {
    await revokeApiToken(deps, actorOf(req), req.params.id);
    return reply.redirect('/admin/tokens', 303);
  });
}
