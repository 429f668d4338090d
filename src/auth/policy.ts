// The one policy table: role x action x scope. Every route and page names the action it
// performs (src/api/access.ts) and this module alone decides; no handler compares role
// strings. Pure: no I/O. The authorisation test reads the same table to know every answer.
//
// Scopes:
//   'organisation'  the grant's own organisation
//   'tree'          the grant's organisation and every organisation below it (a province sees
//                   its communes: DOMAIN.md, one installation serves a province and its communes)
//   'agency'        the agency the grant is bound to, in the grant's organisation
//   'deadline'      one deadline of that agency (the holder of a signed link)
// Changing things is 'organisation' (or 'agency'): a province's people see their communes'
// deadlines read-only unless a grant in the commune itself allows more.

export const ROLES = ['administrator', 'coordinator', 'leader', 'agency', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Scope = 'organisation' | 'tree' | 'agency' | 'deadline';

/**
 * The holder of a signed link emailed to an agency (src/stores/signed-link.ts): no account
 * and no role anyone is given, a column of the table of its own, bound to one agency and
 * one deadline by the link itself.
 */
export const LINK_HOLDER = 'link-holder' as const;
type Holder = Role | typeof LINK_HOLDER;

/** Vietnamese names of the roles, for pages and emails. */
export const ROLE_NAMES_VI: Record<Role, string> = {
  administrator: 'Quản trị viên',
  coordinator: 'Cơ quan đầu mối',
  leader: 'Lãnh đạo',
  agency: 'Đơn vị báo cáo',
  auditor: 'Thanh tra, kiểm tra',
};

const READ_ALL: Partial<Record<Role, Scope>> = { administrator: 'tree', coordinator: 'tree', leader: 'tree', auditor: 'tree', agency: 'agency' };

/**
 * Every action a route or page performs, and who may perform it where. An action missing
 * from a role's row is refused. Keep this table the only place such decisions are made.
 */
export const POLICY = {
  // Deadlines and what changes them.
  // A link holder reads its agency's deadlines (the agency's page) and reports on its one deadline.
  'deadline.read': { ...READ_ALL, [LINK_HOLDER]: 'agency' },
  'deadline.submit': { coordinator: 'organisation', agency: 'agency', [LINK_HOLDER]: 'deadline' },
  // The coordinator withdraws a deadline's signed links, or sends its report back for completion.
  'deadline.links': { coordinator: 'organisation' },
  'deadline.return': { coordinator: 'organisation' },
  'deadline.extend': { coordinator: 'organisation' },
  'deadline.waive': { coordinator: 'organisation' },
  'deadline.remind': { coordinator: 'organisation' },
  // Plans: reading them, importing them, and the coordinator's requests on them.
  'plan.read': { administrator: 'tree', coordinator: 'tree', leader: 'tree', auditor: 'tree', agency: 'organisation' },
  'plan.import': { administrator: 'organisation', coordinator: 'organisation' },
  'plan.adhoc': { coordinator: 'organisation' },
  'plan.rollup': { coordinator: 'organisation' },
  'plan.policy': { administrator: 'organisation', coordinator: 'organisation' },
  'campaign.results': { coordinator: 'organisation' },
  'campaign.results-due': { coordinator: 'organisation' },
  // Exports (docs/exports.md): the coordinator makes and revokes calendar feeds of its plans
  // and agencies; the coordinator and the leader draft an urging letter to a late agency.
  'calendar.feed': { coordinator: 'organisation' },
  'deadline.urge': { coordinator: 'organisation', leader: 'organisation' },
  // Administration.
  'admin.organisation': { administrator: 'tree' },
  'admin.agency': { administrator: 'tree', coordinator: 'organisation' },
  'admin.user': { administrator: 'tree' },
  'admin.token': { administrator: 'organisation' },
  'audit.read': { administrator: 'tree', auditor: 'tree' },
  // Replies by email that were not recorded on their own (src/services/reply-queue.ts): the
  // organisation's coordinators and administrators decide, its auditors read.
  'reply.read': { administrator: 'organisation', coordinator: 'organisation', auditor: 'organisation' },
  'reply.decide': { administrator: 'organisation', coordinator: 'organisation' },
  // The development inbox of the embedded SMTP catcher (absent in production).
  'inbox.read': { administrator: 'organisation', coordinator: 'organisation' },
} as const satisfies Record<string, Partial<Record<Holder, Scope>>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** One role of a principal in one organisation (a membership, or an API token's scope). */
export interface Grant {
  organisationId: string;
  role: Role;
  /** For the agency role: the agency it acts for. */
  agencyId?: string | null;
}

/** What a verified signed link proves: one deadline of one agency (src/services/agency-links.ts). */
export interface LinkPrincipal {
  kind: 'link';
  /** The link's own id (its signature's digest), for the audit log. */
  id: string;
  /** "Liên kết của <agency>": what the audit log records. */
  label: string;
  organisationId: string;
  agencyId: string;
  deadlineId: string;
}

export type Principal =
  | { kind: 'anonymous' }
  | LinkPrincipal
  | {
      kind: 'user' | 'token';
      id: string;
      /** The user's email or the token's name: what the audit log records. */
      label: string;
      grants: Grant[];
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Where a thing lives: its organisation, that organisation's ancestors, and its agency if any. */
export interface Resource {
  organisationId: string;
  /** Parent, grandparent, ... of organisationId (a commune's province). */
  ancestorIds: readonly string[];
  agencyId?: string | null;
  /** For a deadline: its id (a link holder's scope is one deadline). */
  deadlineId?: string | null;
}

/** A grant as the table reads it: a role, or the link holder's column. */
type TableGrant = Omit<Grant, 'role'> & { role: Holder };

function grantsOf(p: Exclude<Principal, { kind: 'anonymous' }>): TableGrant[] {
  return p.kind === 'link' ? [{ organisationId: p.organisationId, role: LINK_HOLDER, agencyId: p.agencyId }] : p.grants;
}

function covers(grant: TableGrant, scope: Scope, resource: Resource, deadlineId?: string): boolean {
  switch (scope) {
    case 'organisation':
      return grant.organisationId === resource.organisationId;
    case 'tree':
      return grant.organisationId === resource.organisationId || resource.ancestorIds.includes(grant.organisationId);
    case 'agency':
      return grant.organisationId === resource.organisationId && !!grant.agencyId && grant.agencyId === resource.agencyId;
    case 'deadline':
      return covers(grant, 'agency', resource) && !!deadlineId && deadlineId === resource.deadlineId;
  }
}

/** Whether `principal` may perform `action` on `resource`. */
export function can(principal: Principal, action: Action, resource: Resource): boolean {
  if (principal.kind === 'anonymous') return false;
  const row: Partial<Record<Holder, Scope>> = POLICY[action];
  const deadlineId = principal.kind === 'link' ? principal.deadlineId : undefined;
  return grantsOf(principal).some((g) => {
    const scope = row[g.role];
    return scope !== undefined && covers(g, scope, resource, deadlineId);
  });
}

/** Whether some grant of the principal allows the action somewhere (to show a menu entry or a button). */
export function canSomewhere(principal: Principal, action: Action): boolean {
  if (principal.kind === 'anonymous') return false;
  const row: Partial<Record<Holder, Scope>> = POLICY[action];
  return grantsOf(principal).some((g) => row[g.role] !== undefined);
}

/**
 * What a list may show the principal for an action: whole organisations (with, for 'tree'
 * grants, every organisation below them) and single agencies. Services turn it into a query
 * filter; src/stores resolves the trees.
 */
export interface ReadScope {
  /** Organisations readable as a whole, without their descendants. */
  organisations: string[];
  /** Organisations readable with every organisation below them. */
  trees: string[];
  /** Agencies readable one by one (agency users). */
  agencies: { organisationId: string; agencyId: string }[];
}

export function readScope(principal: Principal, action: Action): ReadScope {
  const scope: ReadScope = { organisations: [], trees: [], agencies: [] };
  if (principal.kind === 'anonymous') return scope;
  const row: Partial<Record<Holder, Scope>> = POLICY[action];
  for (const g of grantsOf(principal)) {
    const s = row[g.role];
    if (s === 'organisation') scope.organisations.push(g.organisationId);
    if (s === 'tree') scope.trees.push(g.organisationId);
    // A list is never scoped to one deadline: a link holder's lists stay empty but for its agency's read.
    if (s === 'agency' && g.agencyId) scope.agencies.push({ organisationId: g.organisationId, agencyId: g.agencyId });
  }
  return scope;
}
