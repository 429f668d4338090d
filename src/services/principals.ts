// Who is calling: a signed-in user (from the session) or an integration (from an API token),
// with the grants the policy reads. Tokens are stored as SHA-256 hashes: the token itself is
// shown once when created and never again.
import { createHash } from 'node:crypto';
import { ANONYMOUS, ROLES, type Grant, type Principal, type Role } from '../auth/policy';
import type { ServiceDeps } from './deps';

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The principal of a signed-in user, or anonymous when the user is gone or disabled. */
export async function principalOfUser(deps: Pick<ServiceDeps, 'db'>, userId: string): Promise<Principal> {
  const user = await deps.db.user.findUnique({ where: { id: userId }, include: { memberships: true } });
  if (!user || user.disabledAt) return ANONYMOUS;
  const grants: Grant[] = user.memberships.filter((m) => isRole(m.role)).map((m) => ({ organisationId: m.organisationId, role: m.role as Role, agencyId: m.agencyId }));
  return { kind: 'user', id: user.id, label: user.email, grants };
}

/**
 * The principal of a Bearer token, or null when no live token has that hash (unknown or
 * revoked). Records the time it was last used.
 */
export async function principalOfToken(deps: Pick<ServiceDeps, 'db' | 'clock'>, token: string): Promise<Principal | null> {
  const row = await deps.db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt || !isRole(row.role)) return null;
  await deps.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: deps.clock() } });
  return { kind: 'token', id: row.id, label: row.name, grants: [{ organisationId: row.organisationId, role: row.role, agencyId: row.agencyId }] };
}
