// People and integrations for tests that go through the HTTP API: an API token with one
// role in one organisation (no CSRF dance needed), or a user with memberships.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/policy';
import type { Actor } from '../../src/services/audit';
import type { Db } from '../../src/db';
import { hashToken } from '../../src/services/principals';
import { hashPassword } from '../../src/services/sign-in';

/** A live API token for a role in an organisation; send it as `authorization: Bearer <token>`. */
export async function grantToken(db: Db, grant: { organisationId: string; role: Role; agencyId?: string }): Promise<string> {
  const token = `hbc_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({
    data: { id: randomUUID(), organisationId: grant.organisationId, role: grant.role, agencyId: grant.agencyId ?? null, name: `test ${grant.role}`, tokenHash: hashToken(token) },
  });
  return token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A user with the given memberships and password. */
export async function createUser(db: Db, u: { email: string; password: string; grants: { organisationId: string; role: Role; agencyId?: string }[] }): Promise<string> {
  const id = randomUUID();
  await db.user.create({
    data: {
      id,
      email: u.email.toLowerCase(),
      name: u.email,
      passwordHash: await hashPassword(u.password),
      memberships: { create: u.grants.map((g) => ({ id: randomUUID(), organisationId: g.organisationId, role: g.role, agencyId: g.agencyId ?? null })) },
    },
  });
  return id;
}

/** Who changes something when a test calls a use case directly: a user with these grants, from a documentation address. */
export function actorWith(grants: { organisationId: string; role: Role; agencyId?: string }[], who = { id: 'test-user', label: 'tester@test.example' }): Actor {
  return { principal: { kind: 'user', ...who, grants }, ip: '192.0.2.1' };
}
