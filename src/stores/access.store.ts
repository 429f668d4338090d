// Where things live, for the policy (src/auth/policy.ts): the organisation a deadline, plan,
// campaign or agency belongs to, that organisation's ancestors, and the organisations below
// a tree grant. Organisation trees are shallow (province > commune), so walking parentId
// row by row is cheap; MAX_DEPTH guards a cycle an operator might create by hand.
import type { Resource, ReadScope } from '../auth/policy';
import type { DbTx } from '../db';

const MAX_DEPTH = 8;

export type ResourceKind = 'deadline' | 'plan' | 'campaign' | 'organisation' | 'agency' | 'token';

/** Parent, grandparent, ... of an organisation. */
export async function ancestorsOf(db: DbTx, organisationId: string): Promise<string[]> {
  const chain: string[] = [];
  let id: string | null = organisationId;
  for (let i = 0; i < MAX_DEPTH && id; i++) {
    const row: { parentId: string | null } | null = await db.organisation.findUnique({ where: { id }, select: { parentId: true } });
    id = row?.parentId ?? null;
    if (id && !chain.includes(id) && id !== organisationId) chain.push(id);
  }
  return chain;
}

async function resource(db: DbTx, organisationId: string | undefined, agencyId?: string | null): Promise<Resource | null> {
  if (!organisationId) return null;
  return { organisationId, ancestorIds: await ancestorsOf(db, organisationId), agencyId: agencyId ?? null };
}

/** The resource behind an id, or null when there is no such thing. */
export async function resourceOf(db: DbTx, kind: ResourceKind, id: string): Promise<Resource | null> {
  switch (kind) {
    case 'deadline': {
      const d = await db.deadline.findUnique({ where: { id }, select: { obligation: { select: { agencyId: true, plan: { select: { organisationId: true } } } } } });
      return resource(db, d?.obligation.plan.organisationId, d?.obligation.agencyId);
    }
    case 'plan':
      return resource(db, (await db.plan.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId);
    case 'campaign':
      return resource(db, (await db.campaign.findUnique({ where: { id }, select: { plan: { select: { organisationId: true } } } }))?.plan.organisationId);
    case 'organisation':
      return resource(db, (await db.organisation.findUnique({ where: { id }, select: { id: true } }))?.id);
    case 'agency': {
      const a = await db.agency.findUnique({ where: { id }, select: { organisationId: true } });
      return resource(db, a?.organisationId, id);
    }
    case 'token':
      return resource(db, (await db.apiToken.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId);
  }
}

/** Every organisation below the given ones (children, grandchildren, ...), and the given ones. */
export async function withDescendants(db: DbTx, roots: readonly string[]): Promise<string[]> {
  const found = new Set(roots);
  let frontier = [...roots];
  for (let i = 0; i < MAX_DEPTH && frontier.length; i++) {
    const children = await db.organisation.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !found.has(id));
    for (const id of frontier) found.add(id);
  }
  return [...found];
}

/** A read scope as plain lists: whole organisations (trees expanded) and single agencies. */
export interface ResolvedScope {
  organisationIds: string[];
  agencies: { organisationId: string; agencyId: string }[];
}

export async function resolveScope(db: DbTx, scope: ReadScope): Promise<ResolvedScope> {
  const trees = await withDescendants(db, scope.trees);
  return { organisationIds: [...new Set([...scope.organisations, ...trees])], agencies: scope.agencies };
}
