// API tokens for integrations, managed by an organisation's administrators: each is scoped to
// one organisation and one role (an agency token to one agency of it), shown once when it is
// made (`hbc_` + 256 random bits), stored only as its SHA-256 (src/services/principals.ts
// reads it back), listed without it, and revoked rather than deleted, so the audit log's
// references stay meaningful. Every change is in the audit log.
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Principal, type Role } from '../auth/policy';
import { scopeFor } from './access';
import { appendAudit, type Actor } from './audit';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { hashToken } from './principals';

const optionalId = z
  .string()
  .trim()
  .max(300)
  .transform((v) => v || undefined)
  .optional();

export const createTokenBodySchema = z
  .object({
    organisationId: z.string().trim().min(1).max(200),
    role: z.enum(ROLES, { error: `phải là một trong ${ROLES.join(', ')} / must be one of ${ROLES.join(', ')}` }),
    /** For the agency role: the agency of that organisation the token acts for. */
    agencyId: optionalId,
    name: z.string().trim().min(1, { error: 'cần đặt tên cho mã / the token needs a name' }).max(200),
  })
  .superRefine((b, ctx) => {
    if (b.role === 'agency' && !b.agencyId) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'mã của đơn vị báo cáo cần chọn đơn vị / an agency token needs its agency' });
    }
    if (b.role !== 'agency' && b.agencyId) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'chỉ mã của đơn vị báo cáo gắn với một đơn vị / only an agency token is bound to an agency' });
    }
  });
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

/** What a list shows of a token: never the token or its hash. */
export interface TokenSummary {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const withNames = { organisation: { select: { name: true } } } as const;

type TokenRow = {
  id: string;
  name: string;
  organisationId: string;
  role: string;
  agencyId: string | null;
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  organisation: { name: string };
};

async function summaries(deps: Pick<ServiceDeps, 'db'>, rows: TokenRow[]): Promise<TokenSummary[]> {
  const agencyIds = [...new Set(rows.map((r) => r.agencyId).filter((a): a is string => !!a))];
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((c): c is string => !!c))];
  const agencies = new Map((await deps.db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  const creators = new Map((await deps.db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisationId: r.organisationId,
    organisationName: r.organisation.name,
    role: r.role as Role,
    agencyId: r.agencyId,
    agencyName: r.agencyId ? (agencies.get(r.agencyId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdById ? (creators.get(r.createdById) ?? null) : null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** The tokens of every organisation where the principal manages tokens, newest first. */
export async function listApiTokens(deps: Pick<ServiceDeps, 'db'>, principal: Principal): Promise<TokenSummary[]> {
  const scope = await scopeFor(deps, principal, 'admin.token');
  const rows = await deps.db.apiToken.findMany({ where: { organisationId: { in: scope.organisationIds } }, include: withNames, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return summaries(deps, rows);
}

/** Where the principal may make tokens, with each organisation's agencies (for the page's form). */
export async function tokenChoices(deps: Pick<ServiceDeps, 'db'>, principal: Principal) {
  const scope = await scopeFor(deps, principal, 'admin.token');
  return deps.db.organisation.findMany({
    where: { id: { in: scope.organisationIds } },
    select: { id: true, name: true, agencies: { select: { id: true, name: true }, orderBy: { name: 'asc' } } },
    orderBy: { name: 'asc' },
  });
}

/** Makes a token; the answer is the only place the token itself ever appears. */
export async function createApiToken(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, input: unknown): Promise<TokenSummary & { token: string }> {
  const body = parseBody(createTokenBodySchema, input);
  const organisation = await deps.db.organisation.findUnique({ where: { id: body.organisationId }, select: { id: true } });
  if (!organisation) throw new ServiceError('not-found', 'Không tìm thấy tổ chức này.', 'No such organisation.', [body.organisationId]);
  if (body.agencyId) {
    const agency = await deps.db.agency.findUnique({ where: { id: body.agencyId }, select: { organisationId: true } });
    if (agency?.organisationId !== body.organisationId) {
      throw new ServiceError('invalid-input', 'Dữ liệu không hợp lệ', 'Invalid input', ['agencyId: không phải đơn vị của tổ chức này'], { detailsEn: ['agencyId: not an agency of this organisation'] });
    }
  }
  const token = `hbc_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock();
  const row = await deps.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        id: randomUUID(),
        organisationId: body.organisationId,
        role: body.role,
        agencyId: body.agencyId ?? null,
        name: body.name,
        tokenHash: hashToken(token),
        createdById: actor.principal.kind === 'user' ? actor.principal.id : null,
        createdAt: now,
      },
      include: withNames,
    });
    await appendAudit(tx, now, actor, {
      action: 'admin.token.create',
      organisationId: body.organisationId,
      subjectType: 'apiToken',
      subjectId: created.id,
      after: { name: body.name, role: body.role, agencyId: body.agencyId ?? null },
    });
    return created;
  });
  const [summary] = await summaries(deps, [row]);
  return { ...summary!, token };
}

/** Revokes a token at once (its next request is refused); revoking it again changes nothing. */
export async function revokeApiToken(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, id: string): Promise<TokenSummary> {
  const now = deps.clock();
  const row = await deps.db.$transaction(async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, include: withNames });
    if (!before) throw new ServiceError('not-found', 'Không tìm thấy mã truy cập này.', 'No such API token.', [id]);
    if (before.revokedAt) return before;
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, include: withNames });
    await appendAudit(tx, now, actor, {
      action: 'admin.token.revoke',
      organisationId: before.organisationId,
      subjectType: 'apiToken',
      subjectId: id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return after;
  });
  return (await summaries(deps, [row]))[0]!;
}
