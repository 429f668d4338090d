// Agencies of an organisation with their head and contacts: list, create, rename, set the
// head, add, change and remove contacts. Administrators of the organisation (or above it)
// and its coordinator may ('admin.agency'); the route checks who may act on which agency.
// Emails read contacts and heads when they are sent (src/stores/deadline-context.ts), so a
// change here reaches the next email of every running deadline.
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/policy';
import type { DbTx } from '../../db';
import { slug } from '../../ingest/draft';
import { contactBodySchema, createAgencyBodySchema, updateAgencyBodySchema, updateContactBodySchema } from '../../schemas/admin.schemas';
import { scopeFor } from '../access';
import { appendAudit, type Actor } from '../audit';
import type { ServiceDeps } from '../deps';
import { parseBody, ServiceError } from '../errors';
import { isUniqueViolation, nothingHere } from './scope';

export interface ContactView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  /** The language of this contact's emails: 'vi' or 'en'. */
  language: string;
}

export interface AgencyView {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  headName: string | null;
  headEmail: string | null;
  /** This agency is its organisation's coordinating office. */
  coordinator: boolean;
  contacts: ContactView[];
}

const include = { organisation: { select: { name: true, coordinatorAgencyId: true } }, contacts: { orderBy: { name: 'asc' as const } } };

type AgencyRow = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

function loadRow(db: DbTx, id: string) {
  return db.agency.findUnique({ where: { id }, include });
}

function view(a: AgencyRow): AgencyView {
  return {
    id: a.id,
    organisationId: a.organisationId,
    organisationName: a.organisation.name,
    name: a.name,
    headName: a.headName,
    headEmail: a.headEmail,
    coordinator: a.organisation.coordinatorAgencyId === a.id,
    contacts: a.contacts.map((c) => ({ id: c.id, ...contactOf(c) })),
  };
}

const contactOf = (c: { name: string; email: string; phone: string | null; language: string }) => ({ name: c.name, email: c.email, phone: c.phone, language: c.language });
const headOf = (a: { name: string; headName: string | null; headEmail: string | null }) => ({ name: a.name, headName: a.headName, headEmail: a.headEmail });

const taken = (name: string) => new ServiceError('conflict', `Cơ quan này đã có đơn vị tên "${name}"`, 'This organisation already has an agency of that name', [`name: ${name}`]);

/** The agencies the principal may administer, by organisation then name; `organisationId` narrows to one. */
export async function listAgencies(deps: Pick<ServiceDeps, 'db'>, principal: Principal, organisationId?: string): Promise<AgencyView[]> {
  const scope = await scopeFor(deps, principal, 'admin.agency');
  const ids = organisationId ? scope.organisationIds.filter((id) => id === organisationId) : scope.organisationIds;
  const rows = await deps.db.agency.findMany({ where: { organisationId: { in: ids } }, include, orderBy: [{ organisation: { name: 'asc' } }, { name: 'asc' }] });
  return rows.map(view);
}

export async function getAgency(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<AgencyView> {
  const row = await loadRow(deps.db, id);
  if (!row) throw nothingHere('agency', id);
  return view(row);
}

async function freeId(db: DbTx, organisationId: string, name: string): Promise<string> {
  // The same ids an import derives (src/services/confirm-import.ts), numbered when taken.
  const base = `${organisationId}.${slug(name) || 'don-vi'}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await db.agency.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

async function guardUnique<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err) && name) throw taken(name);
    throw err;
  }
}

export async function createAgency(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, input: unknown): Promise<AgencyView> {
  const body = parseBody(createAgencyBodySchema, input);
  const id = await guardUnique(body.name, () =>
    deps.db.$transaction(async (tx) => {
      const org = await tx.organisation.findUnique({ where: { id: body.organisationId }, select: { id: true } });
      if (!org) throw nothingHere('organisation', body.organisationId);
      if (await tx.agency.findUnique({ where: { organisationId_name: { organisationId: org.id, name: body.name } } })) throw taken(body.name);
      const agency = await tx.agency.create({
        data: {
          id: await freeId(tx, org.id, body.name),
          organisationId: org.id,
          name: body.name,
          headName: body.headName ?? null,
          headEmail: body.headEmail ?? null,
          contacts: { create: body.contacts.map((c) => ({ id: randomUUID(), name: c.name, email: c.email, phone: c.phone ?? null, language: c.language ?? 'vi' })) },
        },
      });
      await appendAudit(tx, deps.clock(), actor, {
        action: 'admin.agency.create',
        organisationId: org.id,
        subjectType: 'agency',
        subjectId: agency.id,
        after: { ...headOf(agency), contacts: body.contacts.map((c) => contactOf({ ...c, phone: c.phone ?? null, language: c.language ?? 'vi' })) },
      });
      return agency.id;
    }),
  );
  return getAgency(deps, id);
}

export async function updateAgency(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, id: string, input: unknown): Promise<AgencyView> {
  const body = parseBody(updateAgencyBodySchema, input);
  await guardUnique(body.name, () =>
    deps.db.$transaction(async (tx) => {
      const before = await tx.agency.findUnique({ where: { id } });
      if (!before) throw nothingHere('agency', id);
      if (body.name && body.name !== before.name && (await tx.agency.findUnique({ where: { organisationId_name: { organisationId: before.organisationId, name: body.name } } }))) {
        throw taken(body.name);
      }
      const after = await tx.agency.update({ where: { id }, data: { name: body.name, headName: body.headName, headEmail: body.headEmail } });
      await appendAudit(tx, deps.clock(), actor, { action: 'admin.agency.update', organisationId: before.organisationId, subjectType: 'agency', subjectId: id, before: headOf(before), after: headOf(after) });
    }),
  );
  return getAgency(deps, id);
}

/** The contact, if it is one of this agency's (an id from another agency is not found). */
async function contactOfAgency(tx: DbTx, agencyId: string, contactId: string) {
  const contact = await tx.contact.findUnique({ where: { id: contactId }, include: { agency: { select: { organisationId: true } } } });
  if (!contact || contact.agencyId !== agencyId) throw nothingHere('contact', contactId);
  return contact;
}

export async function addContact(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, agencyId: string, input: unknown): Promise<ContactView> {
  const body = parseBody(contactBodySchema, input);
  return deps.db.$transaction(async (tx) => {
    const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { organisationId: true } });
    if (!agency) throw nothingHere('agency', agencyId);
    const contact = await tx.contact.create({ data: { id: randomUUID(), agencyId, name: body.name, email: body.email, phone: body.phone ?? null, language: body.language ?? 'vi' } });
    await appendAudit(tx, deps.clock(), actor, { action: 'admin.agency.contact.add', organisationId: agency.organisationId, subjectType: 'contact', subjectId: contact.id, after: { agencyId, ...contactOf(contact) } });
    return { id: contact.id, ...contactOf(contact) };
  });
}

export async function updateContact(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, agencyId: string, contactId: string, input: unknown): Promise<ContactView> {
  const body = parseBody(updateContactBodySchema, input);
  return deps.db.$transaction(async (tx) => {
    const before = await contactOfAgency(tx, agencyId, contactId);
    const after = await tx.contact.update({ where: { id: contactId }, data: { name: body.name, email: body.email, phone: body.phone, language: body.language } });
    await appendAudit(tx, deps.clock(), actor, {
      action: 'admin.agency.contact.update',
      organisationId: before.agency.organisationId,
      subjectType: 'contact',
      subjectId: contactId,
      before: { agencyId, ...contactOf(before) },
      after: { agencyId, ...contactOf(after) },
    });
    return { id: after.id, ...contactOf(after) };
  });
}

export async function removeContact(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, agencyId: string, contactId: string): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const before = await contactOfAgency(tx, agencyId, contactId);
    await tx.contact.delete({ where: { id: contactId } });
    await appendAudit(tx, deps.clock(), actor, { action: 'admin.agency.contact.remove', organisationId: before.agency.organisationId, subjectType: 'contact', subjectId: contactId, before: { agencyId, ...contactOf(before) } });
  });
}
