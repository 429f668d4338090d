// The one policy table: role x action x scope. Every route and page names the action it
// performs (src/api/access.ts) and this module alone decides; no handler compares role
// strings. Pure: no I/O. The authorisation test reads the same table to know every answer.
//
// Scopes:
//   'organisation'  the grant's own organisation
//   'tree'          the grant's organisation and every organisation below it (a province sees
//                   its communes: DOMAIN.md, one installation serves a province and its communes)
//   'agency'        the agency the grant is bound to, in the grant's organisation
// Changing things is 'organisation' (or 'agency'): a province's people see their communes'
// deadlines read-only unless a grant in the commune itself allows more.

export const ROLES = ['administrator', 'coordinator', 'leader', 'agency', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Scope = 'organisation' | 'tree' | 'agency';

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
  'deadline.read': READ_ALL,
  'deadline.submit': { coordinator: 'organisation', agency: 'agency' },
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
  // Administration.
  'admin.organisation': { administrator: 'tree' },
  'admin.agency': { administrator: 'tree', coordinator: 'organisation' },
  'admin.user': { administrator: 'tree' },
  'admin.token': { administrator: 'organisation' },
  'audit.read': { administrator: 'tree', auditor: 'tree' },
  // The development inbox of the embedded SMTP catcher (absent in production).
  'inbox.read': { administrator: 'organisation', coordinator: 'organisation' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** One role of a principal in one organisation (a membership, or an API token's scope). */
export interface Grant {
  organisationId: string;
  role: Role;
  /** For the agency role: the agency it acts for. */
  agencyId?: string | null;
}

export type Principal =
  | { kind: 'anonymous' }
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
}

function covers(grant: Grant, scope: Scope, resource: Resource): boolean {
  switch (scope) {
    case 'organisation':
      return grant.organisationId === resource.organisationId;
    case 'tree':
      return grant.organisationId === resource.organisationId || resource.ancestorIds.includes(grant.organisationId);
    case 'agency':
      return grant.organisationId === resource.organisationId && !!grant.agencyId && grant.agencyId === resource.agencyId;
  }
}

/** Whether `principal` may perform `action` on `resource`. */
export function can(principal: Principal, action: Action, resource: Resource): boolean {
  if (principal.kind === 'anonymous') return false;
  const row: Partial<Record<Role, Scope>> = POLICY[action];
  return principal.grants.some((g) => {
    const scope = row[g.role];
    return scope !== undefined && covers(g, scope, resource);
  });
}

/** Whether some grant of the principal allows the action somewhere (to show a menu entry or a button). */
export function canSomewhere(principal: Principal, action: Action): boolean {
  if (principal.kind === 'anonymous') return false;
  const row: Partial<Record<Role, Scope>> = POLICY[action];
  return principal.grants.some((g) => row[g.role] !== undefined);
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
  const row: Partial<Record<Role, Scope>> = POLICY[action];
  for (const g of principal.grants) {
    const s = row[g.role];
    if (s === 'organisation') scope.organisations.push(g.organisationId);
    if (s === 'tree') scope.trees.push(g.organisationId);
    if (s === 'agency' && g.agencyId) scope.agencies.push({ organisationId: g.organisationId, agencyId: g.agencyId });
  }
  return scope;
}
