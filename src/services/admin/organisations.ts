// Organisations in their hierarchy (province > district > commune): an administrator lists
// the ones under theirs, creates one below theirs (a province's administrator a commune),
// renames it, sets its leadership and its coordinating office with that office's head. Who
// may do it on which organisation is the route's policy check ('admin.organisation', scope
// 'tree'); lists are filtered here by the same policy.
import { slug } from '../../ingest/draft';
import {
  createOrganisationBodySchema,
  KIND_RANK,
  ORGANISATION_KIND_NAMES_VI,
  updateOrganisationBodySchema,
  type OrganisationKind,
} from '../../schemas/admin.schemas';
import type { Principal } from '../../auth/policy';
import type { DbTx } from '../../db';
import { scopeFor } from '../access';
import { appendAudit, type Actor } from '../audit';
import type { ServiceDeps } from '../deps';
import { parseBody, ServiceError } from '../errors';
import { isUniqueViolation, nothingHere } from './scope';

export interface OrganisationView {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  parentName: string | null;
  leadershipName: string | null;
  leadershipEmail: string | null;
  coordinator: { id: string; name: string; headName: string | null; headEmail: string | null } | null;
  agencies: { id: string; name: string }[];
  /** Its plans, each with its reminder policy page. */
  plans: { id: string; number: string; title: string; ownPolicy: boolean }[];
}

const include = {
  parent: { select: { name: true } },
  agencies: { select: { id: true, name: true, headName: true, headEmail: true }, orderBy: { name: 'asc' as const } },
  plans: { select: { id: true, number: true, title: true, reminderPolicy: true }, orderBy: { issuedOn: 'desc' as const } },
};

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(deps: Pick<ServiceDeps, 'db'>, id: string) {
  return deps.db.organisation.findUnique({ where: { id }, include });
}

function view(o: OrganisationRow): OrganisationView {
  const coordinator = o.agencies.find((a) => a.id === o.coordinatorAgencyId) ?? null;
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    parentName: o.parent?.name ?? null,
    leadershipName: o.leadershipName,
    leadershipEmail: o.leadershipEmail,
    coordinator,
    agencies: o.agencies.map((a) => ({ id: a.id, name: a.name })),
    plans: o.plans.map((p) => ({ id: p.id, number: p.number, title: p.title, ownPolicy: p.reminderPolicy !== null })),
  };
}

/** The organisations the principal administers (its own and, for a tree grant, those below), by name. */
export async function listOrganisations(deps: Pick<ServiceDeps, 'db'>, principal: Principal): Promise<OrganisationView[]> {
  const scope = await scopeFor(deps, principal, 'admin.organisation');
  const rows = await deps.db.organisation.findMany({ where: { id: { in: scope.organisationIds } }, include, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map(view);
}

export async function getOrganisation(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<OrganisationView> {
  const row = await loadRow(deps, id);
  if (!row) throw nothingHere('organisation', id);
  return view(row);
}

/** A readable id from the name, made unique with a number (ids never change once rows point at them). */
async function freeId(db: DbTx, name: string): Promise<string> {
  const base = slug(name, 60) || 'co-quan';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await db.organisation.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

export async function createOrganisation(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, input: unknown): Promise<OrganisationView> {
  const body = parseBody(createOrganisationBodySchema, input);
  const parent = await deps.db.organisation.findUnique({ where: { id: body.parentId } });
  if (!parent) throw nothingHere('organisation', body.parentId);
  const parentRank = KIND_RANK[parent.kind as OrganisationKind] ?? Number.POSITIVE_INFINITY;
  if (KIND_RANK[body.kind] <= parentRank) {
    const vi = (k: string) => ORGANISATION_KIND_NAMES_VI[k as OrganisationKind]?.toLowerCase() ?? k;
    throw new ServiceError(
      'invalid-input',
      'Cấp của cơ quan phải thấp hơn cơ quan cấp trên',
      'The new organisation must be of a lower level than its parent',
      [`kind: cấp ${vi(body.kind)} không thể trực thuộc cấp ${vi(parent.kind)}`],
      { detailsEn: [`kind: a ${body.kind} cannot be under a ${parent.kind}`] },
    );
  }
  const same = await deps.db.organisation.findFirst({ where: { parentId: parent.id, name: body.name }, select: { id: true } });
  if (same) throw new ServiceError('conflict', `Đã có cơ quan "${body.name}" trực thuộc ${parent.name}`, 'An organisation with this name already exists under this parent', [same.id]);
  try {
    const id = await deps.db.$transaction(async (tx) => {
      const created = await tx.organisation.create({ data: { id: await freeId(tx, body.name), name: body.name, kind: body.kind, parentId: parent.id } });
      await appendAudit(tx, deps.clock(), actor, {
        action: 'admin.organisation.create',
        organisationId: created.id,
        subjectType: 'organisation',
        subjectId: created.id,
        after: { name: created.name, kind: created.kind, parentId: created.parentId },
      });
      return created.id;
    });
    return getOrganisation(deps, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw new ServiceError('conflict', 'Cơ quan vừa được tạo bởi người khác; hãy tải lại trang', 'The organisation was created at the same moment by someone else');
    throw err;
  }
}

export async function updateOrganisation(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, id: string, input: unknown): Promise<OrganisationView> {
  const body = parseBody(updateOrganisationBodySchema, input);
  await deps.db.$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({ where: { id } });
    if (!before) throw nothingHere('organisation', id);
    const coordinatorId = body.coordinatorAgencyId === undefined ? before.coordinatorAgencyId : body.coordinatorAgencyId;
    if (body.coordinatorAgencyId) {
      const agency = await tx.agency.findUnique({ where: { id: body.coordinatorAgencyId }, select: { organisationId: true } });
      if (agency?.organisationId !== id) {
        throw new ServiceError('invalid-input', 'Cơ quan đầu mối phải là một đơn vị của chính cơ quan này', 'The coordinating office must be an agency of this organisation', [
          `coordinatorAgencyId: ${body.coordinatorAgencyId}`,
        ]);
      }
    }
    const headChange = body.coordinatorHeadName !== undefined || body.coordinatorHeadEmail !== undefined;
    if (headChange && !coordinatorId) {
      throw new ServiceError('invalid-input', 'Hãy chọn cơ quan đầu mối trước khi đặt lãnh đạo của cơ quan đó', 'Choose the coordinating office before setting its head', ['coordinatorAgencyId: required']);
    }
    const after = await tx.organisation.update({
      where: { id },
      data: { name: body.name, leadershipName: body.leadershipName, leadershipEmail: body.leadershipEmail, coordinatorAgencyId: body.coordinatorAgencyId },
    });
    const pick = (o: typeof before) => ({ name: o.name, leadershipName: o.leadershipName, leadershipEmail: o.leadershipEmail, coordinatorAgencyId: o.coordinatorAgencyId });
    const change = { before: pick(before) as Record<string, unknown>, after: pick(after) as Record<string, unknown> };
    if (headChange) {
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: coordinatorId! } });
      const updated = await tx.agency.update({ where: { id: agency.id }, data: { headName: body.coordinatorHeadName, headEmail: body.coordinatorHeadEmail } });
      change.before.coordinatorHead = { name: agency.headName, email: agency.headEmail };
      change.after.coordinatorHead = { name: updated.headName, email: updated.headEmail };
    }
    await appendAudit(tx, deps.clock(), actor, { action: 'admin.organisation.update', organisationId: id, subjectType: 'organisation', subjectId: id, ...change });
  });
  return getOrganisation(deps, id);
}

/** The organisations where the principal may perform an administration action, by name (for a form's select). */
export async function organisationsFor(deps: Pick<ServiceDeps, 'db'>, principal: Principal, action: 'admin.agency' | 'admin.user' | 'admin.organisation'): Promise<{ id: string; name: string }[]> {
  const scope = await scopeFor(deps, principal, action);
  return deps.db.organisation.findMany({ where: { id: { in: scope.organisationIds } }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}
