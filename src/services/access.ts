// What the policy needs from the database, for the API's access check and for lists:
// where a thing lives, and which organisations and agencies a principal may list.
import type { Action, Principal, Resource } from '../auth/policy';
import { can, readScope } from '../auth/policy';
import { organisationPlaces, placesOf, resolveScope, type ResolvedScope, type ResourceKind } from '../stores/access.store';
import type { ServiceDeps } from './deps';

export type { ResourceKind, ResolvedScope } from '../stores/access.store';

/** Where the thing behind an id lives: none when there is no such thing, several for a user with roles in several organisations. */
export function loadResources(deps: Pick<ServiceDeps, 'db'>, kind: ResourceKind, id: string): Promise<Resource[]> {
  return placesOf(deps.db, kind, id);
}

/** The organisations and agencies a principal may list for an action (trees expanded). */
export function scopeFor(deps: Pick<ServiceDeps, 'db'>, principal: Principal, action: Action): Promise<ResolvedScope> {
  return resolveScope(deps.db, readScope(principal, action));
}

/** A Prisma filter on deadlines for a resolved scope: whole organisations, or single agencies. */
export function deadlinesIn(scope: ResolvedScope) {
  return {
    OR: [
      { obligation: { plan: { organisationId: { in: scope.organisationIds } } } },
      ...scope.agencies.map((a) => ({ obligation: { agencyId: a.agencyId, plan: { organisationId: a.organisationId } } })),
    ],
  };
}

/**
 * Whether the principal may perform `action` on each of many deadlines, from where they
 * live (their organisation, its ancestors, their agency), without a query per row: for the
 * buttons of a list. The route's own check stays the authority when a button is used.
 */
export async function allowedOn(
  deps: Pick<ServiceDeps, 'db'>,
  principal: Principal,
  action: Action,
  things: readonly { organisationId: string; agencyId: string }[],
): Promise<(thing: { organisationId: string; agencyId: string }) => boolean> {
  const organisations = [...new Set(things.map((t) => t.organisationId))];
  const places = await organisationPlaces(deps.db, organisations);
  return (t) => {
    const place = places.get(t.organisationId);
    return !!place && can(principal, action, { ...place, agencyId: t.agencyId });
  };
}
