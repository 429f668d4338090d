// Where an administrator may act, for use cases whose subject spans organisations (a user
// with roles in several) or is chosen in the body: the organisations the policy gives the
// actor for an action, trees expanded. A system actor (an operator's command on the server)
// acts everywhere.
import type { Action } from '../../auth/policy';
import { scopeFor } from '../access';
import type { Actor } from '../audit';
import type { ServiceDeps } from '../deps';
import { ServiceError } from '../errors';

export type AdminScope = { everywhere: true } | { everywhere: false; organisationIds: ReadonlySet<string> };

export async function adminScope(deps: Pick<ServiceDeps, 'db'>, actor: Actor, action: Action): Promise<AdminScope> {
  if (actor.principal.kind === 'system') return { everywhere: true };
  const scope = await scopeFor(deps, actor.principal, action);
  return { everywhere: false, organisationIds: new Set(scope.organisationIds) };
}

export function inScope(scope: AdminScope, organisationId: string): boolean {
  return scope.everywhere || scope.organisationIds.has(organisationId);
}

/** A unique index refused the row (Prisma P2002): two people created the same thing at once. */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'P2002';
}

export const nothingHere = (what: string, id: string) => new ServiceError('not-found', 'Không tìm thấy nội dung này.', `No such ${what}, or not yours to see.`, [id]);
