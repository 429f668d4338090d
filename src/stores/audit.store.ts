// The audit log: who (a user or an API token, never free text), what (a policy action), when,
// from which address, on what, before and after. Append-only: rows are never updated or
// deleted. Written inside the transaction of the change it records, so neither exists
// without the other.
import type { Principal } from '../auth/policy';
import type { DbTx } from '../db';

/**
 * The product itself, or an operator at the server's console (`hanbaocao admin ...`): neither
 * a user nor a token; recorded as "system" with what ran (the sample data's first reminder).
 */
export interface SystemPrincipal {
  kind: 'system';
  /** "system" when absent; "cli" for the console. */
  id?: string;
  /** What acted: "sample-data", "hanbaocao admin (root)". */
  label: string;
}

/** Who made a change and from where (the request's address). */
export interface Actor {
  principal: Principal | SystemPrincipal;
  ip: string | null;
}

export function systemActor(label: string): Actor {
  return { principal: { kind: 'system', label }, ip: null };
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
      actorType: p.kind,
      actorId: p.kind === 'anonymous' ? '' : p.kind === 'system' ? (p.id ?? 'system') : p.id,
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
