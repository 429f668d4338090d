// The audit log: who (a user or an API token, never free text), what (a policy action), when,
// from which address, on what, before and after. Append-only: rows are never updated or
// deleted. Written inside the transaction of the change it records, so neither exists
// without the other.
import type { Principal } from '../auth/policy';
import type { DbTx } from '../db';

/** An operator at the server's console (`hanbaocao admin ...`): neither a user nor a token. */
export interface SystemPrincipal {
  kind: 'system';
  id: string;
  label: string;
}

/** Who made a change and from where (the request's address). */
export interface Actor {
  principal: Principal | SystemPrincipal;
  ip: string | null;
}

export interface AuditEntry {
  /** A policy action ("deadline.extend") or a finer name under one ("admin.user.create"). */
  action: string;
  organisationId: string | null;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(db: DbTx, at: Date, actor: Actor, entry: AuditEntry): Promise<void> {
  const p = actor.principal;
  await db.auditEvent.create({
    data: {
      at,
      actorType: p.kind === 'anonymous' ? 'anonymous' : p.kind,
      actorId: p.kind === 'anonymous' ? '' : p.id,
      actorLabel: p.kind === 'anonymous' ? '' : p.label,
      ip: actor.ip,
      action: entry.action,
      organisationId: entry.organisationId,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    },
  });
}
