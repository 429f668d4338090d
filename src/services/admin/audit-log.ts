// Reading the audit log: administrators and auditors of an organisation read its rows, and
// a province's also its communes' (policy action 'audit.read', scope 'tree'). Newest first,
// paged by id (rows are only ever appended, so a page never shifts under its reader). The
// export walks the same filter in batches, so a year of rows never sits in memory at once.
import type { Principal } from '../../auth/policy';
import { ignoringCase, type Db } from '../../db';
import { addDays, parseIsoDate, startOfLocalDay } from '../../domain/local-date';
import { auditQuerySchema, type AuditQuery } from '../../schemas/audit.schemas';
import { scopeFor } from '../access';
import type { ServiceDeps } from '../deps';
import { parseBody, ServiceError } from '../errors';

export interface AuditRow {
  id: number;
  /** UTC instant, ISO. */
  at: string;
  actorType: string;
  actorId: string;
  actorLabel: string;
  ip: string | null;
  action: string;
  organisationId: string | null;
  organisationName: string | null;
  subjectType: string;
  subjectId: string;
  /** The JSON recorded before and after the change, as stored (null: nothing). */
  before: string | null;
  after: string | null;
}

export interface AuditPage {
  events: AuditRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
  /** The organisations the reader may filter by (its scope), by name. */
  organisations: { id: string; name: string }[];
}

type AuditWhere = NonNullable<Parameters<Db['auditEvent']['findMany']>[0]>['where'];

interface Filter {
  where: AuditWhere;
  names: Map<string, string>;
}

async function filterFor(deps: Pick<ServiceDeps, 'db'>, principal: Principal, q: AuditQuery): Promise<Filter> {
  const scope = await scopeFor(deps, principal, 'audit.read');
  const organisations = await deps.db.organisation.findMany({ where: { id: { in: scope.organisationIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  if (q.organisationId && !names.has(q.organisationId)) {
    // Not there, or not the reader's to see: the same answer (src/api/access.ts).
    throw new ServiceError('not-found', 'Không tìm thấy cơ quan này.', 'No such organisation, or not yours to see.', [q.organisationId]);
  }
  const at = {
    ...(q.from ? { gte: startOfLocalDay(parseIsoDate(q.from)) } : {}),
    ...(q.to ? { lt: startOfLocalDay(addDays(parseIsoDate(q.to), 1)) } : {}),
  };
  const where: AuditWhere = {
    organisationId: { in: q.organisationId ? [q.organisationId] : [...names.keys()] },
    // Case ignored on both databases (ignoringCase): an email typed in capitals matches.
    // SQLite folds ASCII only, so a token's Vietnamese name is matched as written there.
    ...(q.actor ? { OR: [{ actorId: q.actor }, { actorLabel: { contains: q.actor, ...ignoringCase(deps.db) } }] } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.subject ? { subjectId: q.subject } : {}),
    ...(q.from || q.to ? { at } : {}),
  };
  return { where, names };
}

function toRow(names: Map<string, string>, e: Awaited<ReturnType<Db['auditEvent']['findMany']>>[number]): AuditRow {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    ip: e.ip,
    action: e.action,
    organisationId: e.organisationId,
    organisationName: e.organisationId ? (names.get(e.organisationId) ?? null) : null,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before,
    after: e.after,
  };
}

export async function listAudit(deps: Pick<ServiceDeps, 'db'>, principal: Principal, input: unknown): Promise<AuditPage> {
  const q = parseBody(auditQuerySchema, input, { vi: 'Bộ lọc nhật ký không hợp lệ', en: 'Invalid audit log filter' });
  const { where, names } = await filterFor(deps, principal, q);
  const rows = await deps.db.auditEvent.findMany({
    where: q.before ? { AND: [where!, { id: { lt: q.before } }] } : where,
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const more = rows.length > q.limit;
  const events = rows.slice(0, q.limit).map((e) => toRow(names, e));
  return { events, nextBefore: more ? events[events.length - 1]!.id : null, organisations: [...names].map(([id, name]) => ({ id, name })) };
}

const EXPORT_BATCH = 500;

/**
 * Every row the filter selects, newest first (the same order as the page), read in batches.
 * The filter is checked before the first row, so a refusal is an ordinary error answer.
 */
export async function auditRowsForExport(deps: Pick<ServiceDeps, 'db'>, principal: Principal, input: unknown): Promise<AsyncIterable<AuditRow>> {
  const q = parseBody(auditQuerySchema, input, { vi: 'Bộ lọc nhật ký không hợp lệ', en: 'Invalid audit log filter' });
  const { where, names } = await filterFor(deps, principal, q);
  return (async function* rows() {
    let before = q.before;
    for (;;) {
      const batch = await deps.db.auditEvent.findMany({
        where: before ? { AND: [where!, { id: { lt: before } }] } : where,
        orderBy: { id: 'desc' },
        take: EXPORT_BATCH,
      });
      for (const e of batch) yield toRow(names, e);
      if (batch.length < EXPORT_BATCH) return;
      before = batch[batch.length - 1]!.id;
    }
  })();
}
