// Users and their roles: an administrator creates an account with a first role (the
// password is one the administrator types, at least 12 characters, stored as argon2id),
// gives and takes roles (an agency user is bound to one agency of the organisation), and
// disables an account, which ends its sessions. A province's administrator manages the
// users of its communes ('admin.user', scope 'tree'); an account with roles elsewhere is
// shown only with the roles the administrator may see, and only someone who administers
// every one of its organisations may disable it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../../auth/policy';
import type { DbTx } from '../../db';
import { emailSchema, idSchema, languageSchema } from '../../schemas/admin.schemas';
import { appendAudit, type Actor } from '../audit';
import type { ServiceDeps } from '../deps';
import { parseBody, ServiceError } from '../errors';
import { endSessionsOf } from '../sessions';
import { hashPassword } from '../sign-in';
import { adminScope, inScope, isUniqueViolation, nothingHere, type AdminScope } from './scope';

export const MIN_PASSWORD_LENGTH = 12;

const membershipFields = {
  organisationId: idSchema,
  role: z.enum(ROLES, 'vai trò không hợp lệ / unknown role'),
  /** Only for the agency role: the agency of that organisation the user reports for. */
  agencyId: idSchema.optional(),
};

function agencyRule(b: { role: Role; agencyId?: string }, ctx: z.core.$RefinementCtx) {
  if (b.role === 'agency' && !b.agencyId) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'người dùng của đơn vị phải gắn với một đơn vị / an agency user needs an agency' });
  if (b.role !== 'agency' && b.agencyId) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'chỉ vai trò đơn vị báo cáo gắn với một đơn vị / only agency users are bound to an agency' });
}

export const membershipBodySchema = z.object(membershipFields).superRefine(agencyRule);
export type MembershipBody = z.infer<typeof membershipBodySchema>;

export const createUserBodySchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(2, 'ít nhất 2 ký tự / at least 2 characters').max(200),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự / at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(1000, 'mật khẩu quá dài / too long'),
    /** The language of the emails the user gets (a password reset, the leadership digest); Vietnamese when not given. */
    language: languageSchema.optional(),
    ...membershipFields,
  })
  .superRefine(agencyRule);
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export interface MembershipView {
  id: string;
  organisationId: string;
  organisationName: string;
  role: string;
  agencyId: string | null;
  agencyName: string | null;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  /** The language of the user's emails: 'vi' or 'en'. */
  language: string;
  /** The roles the reader may see (in the organisations it administers). */
  memberships: MembershipView[];
  /** Roles in organisations the reader does not administer: counted, not shown. */
  otherMemberships: number;
}

const include = { memberships: { include: { organisation: { select: { name: true } } }, orderBy: { createdAt: 'asc' as const } } };
type UserRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(db: DbTx, id: string) {
  return db.user.findUnique({ where: { id }, include });
}

async function view(db: DbTx, u: UserRow, scope: AdminScope): Promise<UserView> {
  const visible = u.memberships.filter((m) => inScope(scope, m.organisationId));
  const agencyIds = visible.map((m) => m.agencyId).filter((id): id is string => !!id);
  const agencies = new Map((await db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true } })).map((a) => [a.id, a.name]));
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: u.disabledAt !== null,
    language: u.language,
    memberships: visible.map((m) => ({
      id: m.id,
      organisationId: m.organisationId,
      organisationName: m.organisation.name,
      role: m.role,
      agencyId: m.agencyId,
      agencyName: m.agencyId ? (agencies.get(m.agencyId) ?? null) : null,
    })),
    otherMemberships: u.memberships.length - visible.length,
  };
}

/** The user, if the actor administers at least one of its organisations; otherwise not found (not revealed). */
async function managedUser(db: DbTx, scope: AdminScope, userId: string): Promise<UserRow> {
  const user = await loadRow(db, userId);
  if (!user || !(scope.everywhere || user.memberships.some((m) => inScope(scope, m.organisationId)))) throw nothingHere('user', userId);
  return user;
}

/** An agency role names an agency of the organisation it is given in. */
async function checkAgency(db: DbTx, b: MembershipBody): Promise<void> {
  if (!b.agencyId) return;
  const agency = await db.agency.findUnique({ where: { id: b.agencyId }, select: { organisationId: true } });
  if (agency?.organisationId !== b.organisationId) {
    throw new ServiceError('invalid-input', 'Đơn vị không thuộc cơ quan đã chọn', 'The agency is not one of the chosen organisation', [`agencyId: ${b.agencyId}`]);
  }
}

async function checkOrganisation(db: DbTx, scope: AdminScope, organisationId: string): Promise<void> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
  if (!org || !inScope(scope, organisationId)) throw nothingHere('organisation', organisationId);
}

const membershipAudit = (m: { organisationId: string; role: string; agencyId: string | null }) => ({ organisationId: m.organisationId, role: m.role, agencyId: m.agencyId });

export async function listUsers(deps: Pick<ServiceDeps, 'db'>, actor: Actor): Promise<UserView[]> {
  const scope = await adminScope(deps, actor, 'admin.user');
  const where = scope.everywhere ? {} : { memberships: { some: { organisationId: { in: [...scope.organisationIds] } } } };
  const rows = await deps.db.user.findMany({ where, include, orderBy: [{ email: 'asc' }] });
  return Promise.all(rows.map((u) => view(deps.db, u, scope)));
}

export async function getUser(deps: Pick<ServiceDeps, 'db'>, actor: Actor, userId: string): Promise<UserView> {
  const scope = await adminScope(deps, actor, 'admin.user');
  return view(deps.db, await managedUser(deps.db, scope, userId), scope);
}

export async function createUser(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, input: unknown): Promise<UserView> {
  const body = parseBody(createUserBodySchema, input, { vi: 'Thông tin tài khoản chưa hợp lệ', en: 'The account is not valid' });
  const scope = await adminScope(deps, actor, 'admin.user');
  // Hashing takes a while (argon2id): done before the transaction holds the database.
  const passwordHash = await hashPassword(body.password);
  const exists = () => new ServiceError('conflict', `Đã có tài khoản với email ${body.email}`, 'An account with this email already exists', [`email: ${body.email}`]);
  try {
    const id = await deps.db.$transaction(async (tx) => {
      await checkOrganisation(tx, scope, body.organisationId);
      await checkAgency(tx, body);
      if (await tx.user.findUnique({ where: { email: body.email }, select: { id: true } })) throw exists();
      const user = await tx.user.create({
        data: {
          id: randomUUID(),
          email: body.email,
          name: body.name,
          passwordHash,
          language: body.language ?? 'vi',
          memberships: { create: { id: randomUUID(), organisationId: body.organisationId, role: body.role, agencyId: body.agencyId ?? null } },
        },
      });
      // Never the password, nor its hash.
      await appendAudit(tx, deps.clock(), actor, {
        action: 'admin.user.create',
        organisationId: body.organisationId,
        subjectType: 'user',
        subjectId: user.id,
        after: { email: user.email, name: user.name, memberships: [membershipAudit({ ...body, agencyId: body.agencyId ?? null })] },
      });
      return user.id;
    });
    return getUser(deps, actor, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw exists();
    throw err;
  }
}

export async function addMembership(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, userId: string, input: unknown): Promise<UserView> {
  const body = parseBody(membershipBodySchema, input);
  const scope = await adminScope(deps, actor, 'admin.user');
  const duplicate = () => new ServiceError('conflict', 'Người dùng đã có vai trò này ở cơ quan này', 'The user already has this role in this organisation', [`role: ${body.role}`]);
  try {
    await deps.db.$transaction(async (tx) => {
      const user = await managedUser(tx, scope, userId);
      await checkOrganisation(tx, scope, body.organisationId);
      await checkAgency(tx, body);
      if (user.memberships.some((m) => m.organisationId === body.organisationId && m.role === body.role)) throw duplicate();
      const m = await tx.membership.create({ data: { id: randomUUID(), userId, organisationId: body.organisationId, role: body.role, agencyId: body.agencyId ?? null } });
      await appendAudit(tx, deps.clock(), actor, { action: 'admin.user.membership.add', organisationId: m.organisationId, subjectType: 'user', subjectId: userId, after: { email: user.email, membership: membershipAudit(m) } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
  return getUser(deps, actor, userId);
}

export async function removeMembership(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, userId: string, membershipId: string): Promise<UserView> {
  const scope = await adminScope(deps, actor, 'admin.user');
  await deps.db.$transaction(async (tx) => {
    const user = await managedUser(tx, scope, userId);
    const m = user.memberships.find((x) => x.id === membershipId);
    if (!m || !inScope(scope, m.organisationId)) throw nothingHere('membership', membershipId);
    if (user.memberships.length === 1) {
      // A user without any role would be invisible to every administrator, yet able to sign in.
      throw new ServiceError('conflict', 'Đây là vai trò cuối cùng của tài khoản; hãy khóa tài khoản thay vì thu hồi vai trò', 'This is the last role of the account: disable the account instead');
    }
    await tx.membership.delete({ where: { id: m.id } });
    await appendAudit(tx, deps.clock(), actor, { action: 'admin.user.membership.remove', organisationId: m.organisationId, subjectType: 'user', subjectId: userId, before: { email: user.email, membership: membershipAudit(m) } });
  });
  return getUser(deps, actor, userId);
}

/**
 * Disables (or enables again) an account. Disabling ends every session at once; a session
 * that survived a failure here is refused anyway, since a disabled user's principal is
 * anonymous (src/services/principals.ts). One audit row per organisation of the account, so
 * each organisation's auditors see it.
 */
export async function setUserDisabled(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, userId: string, disabled: boolean): Promise<UserView> {
  const scope = await adminScope(deps, actor, 'admin.user');
  if (disabled && actor.principal.kind === 'user' && actor.principal.id === userId) {
    throw new ServiceError('conflict', 'Không thể tự khóa tài khoản của chính mình', 'You cannot disable your own account');
  }
  await deps.db.$transaction(async (tx) => {
    const user = await managedUser(tx, scope, userId);
    if (!user.memberships.every((m) => inScope(scope, m.organisationId))) {
      throw new ServiceError('forbidden', 'Tài khoản này còn có vai trò ở cơ quan khác mà bạn không quản trị', 'The account also has roles in organisations you do not administer');
    }
    if ((user.disabledAt !== null) === disabled) return;
    const at = deps.clock();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? at : null } });
    for (const organisationId of new Set(user.memberships.map((m) => m.organisationId))) {
      await appendAudit(tx, at, actor, {
        action: disabled ? 'admin.user.disable' : 'admin.user.enable',
        organisationId,
        subjectType: 'user',
        subjectId: userId,
        before: { email: user.email, disabled: user.disabledAt !== null },
        after: { email: user.email, disabled },
      });
    }
  });
  if (disabled) await endSessionsOf(deps.db, userId);
  return getUser(deps, actor, userId);
}

/** What the role forms offer: the organisations the actor administers users of, and their agencies. */
export async function membershipChoices(deps: Pick<ServiceDeps, 'db'>, actor: Actor): Promise<{ organisations: { id: string; name: string }[]; agencies: { id: string; name: string; organisationId: string }[] }> {
  const scope = await adminScope(deps, actor, 'admin.user');
  const where = scope.everywhere ? {} : { id: { in: [...scope.organisationIds] } };
  const organisations = await deps.db.organisation.findMany({ where, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  const agencies = await deps.db.agency.findMany({ where: { organisationId: { in: organisations.map((o) => o.id) } }, select: { id: true, name: true, organisationId: true }, orderBy: { name: 'asc' } });
  return { organisations, agencies };
}
