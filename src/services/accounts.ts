// Accounts and organisations outside the web: how a real installation begins (the first
// organisations and administrator, from `hanbaocao admin`), the sample accounts `npm start`
// creates on embedded defaults, and the production check that refuses them. The CLI opens
// the app's database here (migrated first, as the app does at start).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '../auth/policy';
import type { Db } from '../db';
import { generatePrismaClient, migrateDatabase, prismaClientStale } from '../prisma-offline';
import type { SampleAccounts } from '../schemas/sample-data.schemas';
import { appendAudit, type Actor } from './audit';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { MIN_PASSWORD_LENGTH } from './password-reset';
import { hashPassword } from './sign-in';

type AccountDeps = Pick<ServiceDeps, 'db' | 'clock'>;

export const ORGANISATION_KINDS = ['province', 'commune', 'district'] as const;

export const createOrganisationBodySchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, { error: 'chỉ chữ thường không dấu, số, "." và "-" / lower-case letters, digits, "." and "-" only' }),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ORGANISATION_KINDS, { error: `phải là một trong ${ORGANISATION_KINDS.join(', ')} / must be one of ${ORGANISATION_KINDS.join(', ')}` }),
  parentId: z.string().trim().min(1).max(100).optional(),
});

export const createUserBodySchema = z.object({
  organisationId: z.string().trim().min(1).max(100),
  role: z.enum(ROLES, { error: `phải là một trong ${ROLES.join(', ')} / must be one of ${ROLES.join(', ')}` }),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email({ error: 'không phải địa chỉ email / not an email address' })),
  name: z.string().trim().max(200).optional(),
  agencyId: z.string().trim().min(1).max(300).optional(),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự / the password needs at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(200),
});

const notFound = (what: 'organisation' | 'agency', id: string) =>
  new ServiceError(
    'not-found',
    what === 'organisation' ? `Không có tổ chức "${id}".` : `Không có đơn vị "${id}" trong tổ chức này.`,
    what === 'organisation' ? `No organisation "${id}".` : `No agency "${id}" in this organisation.`,
    [id],
  );

export async function createOrganisation(deps: AccountDeps, actor: Actor, input: unknown): Promise<{ id: string }> {
  const body = parseBody(createOrganisationBodySchema, input);
  if (body.parentId && !(await deps.db.organisation.findUnique({ where: { id: body.parentId } }))) throw notFound('organisation', body.parentId);
  if (await deps.db.organisation.findUnique({ where: { id: body.id } })) {
    throw new ServiceError('conflict', `Đã có tổ chức "${body.id}".`, `Organisation "${body.id}" exists already.`, [body.id]);
  }
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    await tx.organisation.create({ data: { id: body.id, name: body.name, kind: body.kind, parentId: body.parentId ?? null, createdAt: now } });
    await appendAudit(tx, now, actor, { action: 'admin.organisation.create', organisationId: body.id, subjectType: 'organisation', subjectId: body.id, after: body });
  });
  return { id: body.id };
}

/** A new user with one role in one organisation (the first administrator of an installation). */
export async function createUserAccount(deps: AccountDeps, actor: Actor, input: unknown): Promise<{ id: string; email: string }> {
  const body = parseBody(createUserBodySchema, input);
  if (!(await deps.db.organisation.findUnique({ where: { id: body.organisationId } }))) throw notFound('organisation', body.organisationId);
  if (body.role === 'agency') {
    if (!body.agencyId) throw new ServiceError('invalid-input', 'Tài khoản đơn vị báo cáo cần chọn đơn vị.', 'An agency account needs its agency.', ['agencyId']);
    const agency = await deps.db.agency.findUnique({ where: { id: body.agencyId } });
    if (agency?.organisationId !== body.organisationId) throw notFound('agency', body.agencyId);
  } else if (body.agencyId) {
    throw new ServiceError('invalid-input', 'Chỉ tài khoản đơn vị báo cáo gắn với một đơn vị.', 'Only an agency account is bound to an agency.', ['agencyId']);
  }
  if (await deps.db.user.findUnique({ where: { email: body.email } })) {
    throw new ServiceError('conflict', `Đã có tài khoản ${body.email}.`, `An account for ${body.email} exists already.`, [body.email]);
  }
  const passwordHash = await hashPassword(body.password);
  const now = deps.clock();
  const id = randomUUID();
  await deps.db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        email: body.email,
        name: body.name || body.email,
        passwordHash,
        createdAt: now,
        memberships: { create: [{ id: randomUUID(), organisationId: body.organisationId, role: body.role, agencyId: body.agencyId ?? null, createdAt: now }] },
      },
    });
    await appendAudit(tx, now, actor, {
      action: 'admin.user.create',
      organisationId: body.organisationId,
      subjectType: 'user',
      subjectId: id,
      after: { email: body.email, name: body.name || body.email, role: body.role, agencyId: body.agencyId ?? null },
    });
  });
  return { id, email: body.email };
}

// ---- sample accounts (development only) ------------------------------------------------

/**
 * The sample's organisations beyond its commune (the province above it, a second commune),
 * each with its agencies. Idempotent: what exists is left as it is.
 */
export async function ensureSampleOrganisations(deps: Pick<ServiceDeps, 'db'>, accounts: SampleAccounts): Promise<void> {
  for (const { agencies, ...org } of accounts.organisations) {
    if (await deps.db.organisation.findUnique({ where: { id: org.id } })) continue;
    await deps.db.organisation.create({
      data: { ...org, agencies: { create: agencies.map(({ contacts, ...a }) => ({ ...a, contacts: { create: contacts } })) } },
    });
  }
}

/**
 * One account per role in each sample organisation, all with the one sample password and
 * marked `sample` (a production start refuses a database that has any). Places the sample
 * commune under its province. Idempotent: an existing address is left as it is.
 */
export async function ensureSampleUsers(deps: Pick<ServiceDeps, 'db'>, accounts: SampleAccounts, commune: { id: string; parentId?: string }): Promise<void> {
  if (commune.parentId) await deps.db.organisation.updateMany({ where: { id: commune.id, parentId: null }, data: { parentId: commune.parentId } });
  const existing = new Set((await deps.db.user.findMany({ where: { email: { in: accounts.users.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email));
  const missing = accounts.users.filter((u) => !existing.has(u.email));
  if (!missing.length) return;
  const passwordHash = await hashPassword(accounts.password);
  await deps.db.$transaction(async (tx) => {
    for (const u of missing) {
      await tx.user.create({
        data: {
          id: randomUUID(),
          email: u.email,
          name: u.name,
          passwordHash,
          sample: true,
          memberships: { create: [{ id: randomUUID(), organisationId: u.organisationId, role: u.role, agencyId: u.agencyId ?? null }] },
        },
      });
    }
  });
}

/** How to sign in with the sample accounts, one line per organisation, for `npm start` to print. */
export function sampleSignInLines(accounts: SampleAccounts, names: Record<string, string>, publicUrl: string): string[] {
  const byOrg = new Map<string, string[]>();
  for (const u of accounts.users) byOrg.set(u.organisationId, [...(byOrg.get(u.organisationId) ?? []), `${u.email} (${u.role})`]);
  return [
    `sign in:     ${publicUrl}/sign-in, password of every sample account: ${accounts.password}`,
    ...[...byOrg].map(([org, users]) => `  ${names[org] ?? org}: ${users.join(', ')}`),
  ];
}

/** What a production start refuses in the database: sample accounts (their password is public). */
export async function sampleAccountProblems(deps: Pick<ServiceDeps, 'db'>): Promise<string[]> {
  const sample = await deps.db.user.findMany({ where: { sample: true }, select: { email: true }, orderBy: { email: 'asc' } });
  if (!sample.length) return [];
  const some = sample.slice(0, 3).map((u) => u.email).join(', ') + (sample.length > 3 ? ', ...' : '');
  return [
    `Cơ sở dữ liệu có ${sample.length} tài khoản mẫu (${some}) với mật khẩu công khai: hãy xóa bằng \`npx hanbaocao admin delete-sample-users\`, hoặc dùng cơ sở dữ liệu của môi trường production (DATABASE_URL, HBC_DATA_DIR) ` +
      `/ the database holds ${sample.length} sample accounts (${some}) whose password is public: delete them with \`npx hanbaocao admin delete-sample-users\`, or point DATABASE_URL / HBC_DATA_DIR at the production database`,
  ];
}

/** Deletes every sample account with what hangs on it (memberships, sessions, reset links). Returns how many. */
export async function deleteSampleUsers(deps: AccountDeps, actor: Actor): Promise<number> {
  const now = deps.clock();
  return deps.db.$transaction(async (tx) => {
    const users = await tx.user.findMany({ where: { sample: true }, select: { id: true, email: true } });
    const ids = users.map((u) => u.id);
    await tx.membership.deleteMany({ where: { userId: { in: ids } } });
    await tx.passwordReset.deleteMany({ where: { userId: { in: ids } } });
    await tx.session.deleteMany({ where: { userId: { in: ids } } });
    await tx.user.deleteMany({ where: { id: { in: ids } } });
    for (const u of users) {
      await appendAudit(tx, now, actor, { action: 'admin.user.delete', organisationId: null, subjectType: 'user', subjectId: u.id, before: { email: u.email, sample: true } });
    }
    return users.length;
  });
}

// ---- the CLI's database --------------------------------------------------------------

/**
 * Runs `fn` on the app's database, migrated first (generating the Prisma client when it is
 * stale), as `npm start` opens it: `hanbaocao admin` works before the app ever started.
 */
export async function withAppDatabase<T>(databaseUrl: string, fn: (deps: AccountDeps) => Promise<T>): Promise<T> {
  if (prismaClientStale()) await generatePrismaClient(databaseUrl);
  await migrateDatabase(databaseUrl);
  // Imported here: src/db.ts needs the client generated just above.
  const { createDb } = await import('../db');
  const db: Db = createDb(databaseUrl);
  try {
    return await fn({ db, clock: () => new Date() });
  } finally {
    await db.$disconnect();
  }
}

