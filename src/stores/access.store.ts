// Where things live, for the policy (src/auth/policy.ts): the organisation a deadline, plan,
// campaign, agency, contact, token or role belongs to, that organisation's ancestors, and the
// organisations below a tree grant. A user lives in every organisation it has a role in. Organisation trees are shallow (province > commune), so walking parentId
// row by row is cheap; MAX_DEPTH guards a cycle an operator might create by hand.
import type { Resource, ReadScope } from '../auth/policy';
import type { DbTx } from '../db';
import * as Prisma from '../generated/prisma/internal/prismaNamespace';

const MAX_DEPTH = 8;

export type ResourceKind = 'deadline' | 'plan' | 'campaign' | 'organisation' | 'agency' | 'token' | 'contact' | 'membership' | 'user' | 'calendar-feed' | 'reply';

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

/**
 * The place of each given organisation that exists, as placesOf(db, 'organisation', id) gives
 * it, with the tree read one level per query for all of them: a board page's rows name up to
 * fifty communes, and reading each one's ancestors row by row took hundreds of queries.
 */
export async function organisationPlaces(db: DbTx, ids: readonly string[]): Promise<Map<string, Resource>> {
  const parentOf = new Map<string, string | null>();
  let frontier = [...new Set(ids)];
  for (let i = 0; i <= MAX_DEPTH && frontier.length; i++) {
    const rows = await db.organisation.findMany({ where: { id: { in: frontier } }, select: { id: true, parentId: true } });
    for (const r of rows) parentOf.set(r.id, r.parentId);
    frontier = [...new Set(rows.flatMap((r) => (r.parentId && !parentOf.has(r.parentId) ? [r.parentId] : [])))];
  }
  const places = new Map<string, Resource>();
  for (const id of new Set(ids)) {
    if (!parentOf.has(id)) continue;
    // The same walk as ancestorsOf: at most MAX_DEPTH steps, repeats and the organisation itself left out.
    const chain: string[] = [];
    let up = parentOf.get(id) ?? null;
    for (let i = 0; i < MAX_DEPTH && up; i++) {
      if (up !== id && !chain.includes(up)) chain.push(up);
      up = parentOf.get(up) ?? null;
    }
    places.set(id, { organisationId: id, ancestorIds: chain, agencyId: null });
  }
  return places;
}

async function resource(db: DbTx, organisationId: string | undefined, agencyId?: string | null): Promise<Resource | null> {
  if (!organisationId) return null;
  return { organisationId, ancestorIds: await ancestorsOf(db, organisationId), agencyId: agencyId ?? null };
}

/**
 * The places a thing lives, none when there is no such thing: one for most kinds, one per
 * role for a user (an administrator may manage a user it shares any organisation with; the
 * service then limits what it shows and changes to those organisations).
 */
export async function placesOf(db: DbTx, kind: ResourceKind, id: string): Promise<Resource[]> {
  if (kind === 'user') {
    const roles = await db.membership.findMany({ where: { userId: id }, select: { organisationId: true, agencyId: true }, orderBy: { createdAt: 'asc' } });
    return Promise.all(roles.map(async (m) => (await resource(db, m.organisationId, m.agencyId))!));
  }
  const one = await resourceOf(db, kind, id);
  return one ? [one] : [];
}

/** The resource behind an id of a kind that lives in one place, or null when there is no such thing. */
async function resourceOf(db: DbTx, kind: Exclude<ResourceKind, 'user'>, id: string): Promise<Resource | null> {
  switch (kind) {
    case 'deadline': {
      const d = await db.deadline.findUnique({ where: { id }, select: { obligation: { select: { agencyId: true, plan: { select: { organisationId: true } } } } } });
      const place = await resource(db, d?.obligation.plan.organisationId, d?.obligation.agencyId);
      // A link holder's scope is one deadline (src/auth/policy.ts): the deadline names itself.
      return place && { ...place, deadlineId: id };
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
    case 'contact': {
      const c = await db.contact.findUnique({ where: { id }, select: { agencyId: true, agency: { select: { organisationId: true } } } });
      return resource(db, c?.agency.organisationId, c?.agencyId);
    }
    case 'calendar-feed': {
      const f = await db.calendarFeed.findUnique({ where: { id }, select: { organisationId: true, kind: true, targetId: true } });
      return resource(db, f?.organisationId, f?.kind === 'agency' ? f.targetId : null);
    }
    case 'reply':
      // A reply nothing traces to an organisation lives nowhere: no one's to see (the operator's log).
      return resource(db, (await db.inboundReply.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId ?? undefined);
    case 'membership': {
      const m = await db.membership.findUnique({ where: { id }, select: { organisationId: true, agencyId: true } });
      return resource(db, m?.organisationId, m?.agencyId);
    }
  }
}

/** Between the ids string_agg joins: a control character no id contains. */
const ID_SEPARATOR = '\u001f';

/**
 * Every organisation below the given ones (children, grandchildren, ...), and the given ones.
 * One recursive query (SQLite and PostgreSQL alike): a province's 3,300 communes used to take
 * a second round trip with 3,300 bound ids on every board request (docs/PERFORMANCE.md).
 * UNION, not UNION ALL, drops repeats, so a cycle ends too; MAX_DEPTH bounds it anyway.
 */
export async function withDescendants(db: DbTx, roots: readonly string[]): Promise<string[]> {
  if (!roots.length) return [];
  // One row with every id (string_agg: SQLite 3.44+ and PostgreSQL), not 3,300 rows to map one by one.
  const rows = await db.$queryRaw<{ ids: string | null }[]>`
    WITH RECURSIVE tree(id, depth) AS (
      SELECT o.id, 0 FROM "Organisation" o WHERE o.id IN (${Prisma.join(roots)})
      UNION SELECT c.id, t.depth + 1 FROM "Organisation" c JOIN tree t ON c."parentId" = t.id WHERE t.depth < ${MAX_DEPTH}
    )
    SELECT string_agg(id, ${ID_SEPARATOR}) AS ids FROM tree`;
  // The roots come first and stay even when no such organisation exists, as before.
  return [...new Set([...roots, ...(rows[0]?.ids?.split(ID_SEPARATOR) ?? [])])];
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
