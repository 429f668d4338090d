// The administration API: organisations in their hierarchy, agencies with their head and
// contacts, users and their roles. Each route names its policy action and, where the thing
// is in the path or the body, the resource the policy checks (src/api/access.ts); users span
// organisations, so which of them an administrator may touch is decided by the service with
// the same policy. Every change is in the audit log under actorOf(request). The pages of
// the same use cases are in admin-pages.routes.ts, the reminder policy in policy.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contactBodySchema,
  createAgencyBodySchema,
  createOrganisationBodySchema,
  updateAgencyBodySchema,
  updateContactBodySchema,
  updateOrganisationBodySchema,
} from '../../schemas/admin.schemas';
import { addContact, createAgency, getAgency, listAgencies, removeContact, updateAgency, updateContact } from '../../services/admin/agencies';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../../services/admin/organisations';
import {
  addMembership,
  createUser,
  createUserBodySchema,
  getUser,
  listUsers,
  membershipBodySchema,
  removeMembership,
  setUserDisabled,
} from '../../services/admin/users';
import type { ServiceDeps } from '../../services/deps';
import { actorOf } from '../actor';
import { registerAdminPageRoutes } from './admin-pages.routes';
import { idParamsSchema } from './params';
import { registerPolicyRoutes } from './policy.routes';

const id = z.string().min(1).max(300);
const onOrganisation = { kind: 'organisation', from: 'params', key: 'id' } as const;
const onAgency = { kind: 'agency', from: 'params', key: 'id' } as const;
// A contact and a role are checked where they live; the service also checks they belong to the agency or user of the path.
const onContact = { kind: 'contact', from: 'params', key: 'contactId' } as const;
const onUser = { kind: 'user', from: 'params', key: 'id' } as const;
const onMembership = { kind: 'membership', from: 'params', key: 'membershipId' } as const;

export function registerAdminRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  // ---- organisations ----------------------------------------------------------------------
  r.get('/api/admin/organisations', {
    schema: { tags, summary: 'Organisations the caller administers (its own and those below it)' },
    config: { access: { action: 'admin.organisation' } },
  }, async (req) => ({ organisations: await listOrganisations(deps, req.principal) }));

  r.post('/api/admin/organisations', {
    schema: { tags, summary: 'Create an organisation under one the caller administers (a commune under its province)', body: createOrganisationBodySchema },
    config: { access: { action: 'admin.organisation', resource: { kind: 'organisation', from: 'body', key: 'parentId' } } },
  }, async (req, reply) => reply.status(201).send(await createOrganisation(deps, actorOf(req), req.body)));

  r.get('/api/admin/organisations/:id', {
    schema: { tags, summary: 'One organisation: leadership, coordinating office and its head, agencies', params: idParamsSchema },
    config: { access: { action: 'admin.organisation', resource: onOrganisation } },
  }, async (req) => getOrganisation(deps, req.params.id));

  r.patch('/api/admin/organisations/:id', {
    schema: { tags, summary: 'Rename an organisation, set its leadership, its coordinating office and that office\'s head (null clears)', params: idParamsSchema, body: updateOrganisationBodySchema },
    config: { access: { action: 'admin.organisation', resource: onOrganisation } },
  }, async (req) => updateOrganisation(deps, actorOf(req), req.params.id, req.body));

  // ---- agencies and contacts --------------------------------------------------------------
  r.get('/api/admin/agencies', {
    schema: { tags, summary: 'Agencies the caller administers, with head and contacts', querystring: z.object({ organisationId: id.optional() }) },
    config: { access: { action: 'admin.agency' } },
  }, async (req) => ({ agencies: await listAgencies(deps, req.principal, req.query.organisationId) }));

  r.post('/api/admin/agencies', {
    schema: { tags, summary: 'Create an agency of an organisation, with its head and contacts', body: createAgencyBodySchema },
    config: { access: { action: 'admin.agency', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) => reply.status(201).send(await createAgency(deps, actorOf(req), req.body)));

  r.get('/api/admin/agencies/:id', {
    schema: { tags, summary: 'One agency with its head and contacts', params: idParamsSchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req) => getAgency(deps, req.params.id));

  r.patch('/api/admin/agencies/:id', {
    schema: { tags, summary: 'Rename an agency or set its head (null clears)', params: idParamsSchema, body: updateAgencyBodySchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req) => updateAgency(deps, actorOf(req), req.params.id, req.body));

  const contactParams = z.object({ id, contactId: id });

  r.post('/api/admin/agencies/:id/contacts', {
    schema: { tags, summary: 'Add a contact to an agency (reminders go to it from the next email)', params: idParamsSchema, body: contactBodySchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req, reply) => reply.status(201).send(await addContact(deps, actorOf(req), req.params.id, req.body)));

  r.patch('/api/admin/agencies/:id/contacts/:contactId', {
    schema: { tags, summary: "Change a contact's name, email, phone or email language (the next email goes to the new address, in its language)", params: contactParams, body: updateContactBodySchema },
    config: { access: { action: 'admin.agency', resource: onContact } },
  }, async (req) => updateContact(deps, actorOf(req), req.params.id, req.params.contactId, req.body));

  r.delete('/api/admin/agencies/:id/contacts/:contactId', {
    schema: { tags, summary: 'Remove a contact from an agency', params: contactParams },
    config: { access: { action: 'admin.agency', resource: onContact } },
  }, async (req, reply) => {
    await removeContact(deps, actorOf(req), req.params.id, req.params.contactId);
    return reply.status(204).send();
  });

  // ---- users and roles --------------------------------------------------------------------
  r.get('/api/admin/users', {
    schema: { tags, summary: 'Users with a role in an organisation the caller administers (only those roles are shown)' },
    config: { access: { action: 'admin.user' } },
  }, async (req) => ({ users: await listUsers(deps, actorOf(req)) }));

  r.post('/api/admin/users', {
    schema: { tags, summary: 'Create a user with a first role (password of at least 12 characters, stored as argon2id)', body: createUserBodySchema },
    config: { access: { action: 'admin.user', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) => reply.status(201).send(await createUser(deps, actorOf(req), req.body)));

  r.get('/api/admin/users/:id', {
    schema: { tags, summary: 'One user and the roles the caller may see', params: idParamsSchema },
    config: { access: { action: 'admin.user', resource: onUser } },
  }, async (req) => getUser(deps, actorOf(req), req.params.id));

  r.post('/api/admin/users/:id/memberships', {
    schema: { tags, summary: 'Give a user a role in an organisation (an agency user: bound to one of its agencies)', params: idParamsSchema, body: membershipBodySchema },
    config: { access: { action: 'admin.user', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) => reply.status(201).send(await addMembership(deps, actorOf(req), req.params.id, req.body)));

  r.delete('/api/admin/users/:id/memberships/:membershipId', {
    schema: { tags, summary: "Take a role from a user (not the last one: disable the account instead)", params: z.object({ id, membershipId: id }) },
    config: { access: { action: 'admin.user', resource: onMembership } },
  }, async (req) => removeMembership(deps, actorOf(req), req.params.id, req.params.membershipId));

  r.post('/api/admin/users/:id/disable', {
    schema: { tags, summary: 'Disable a user: every session ends at once', params: idParamsSchema },
    config: { access: { action: 'admin.user', resource: onUser } },
  }, async (req) => setUserDisabled(deps, actorOf(req), req.params.id, true));

  r.post('/api/admin/users/:id/enable', {
    schema: { tags, summary: 'Enable a disabled user again', params: idParamsSchema },
    config: { access: { action: 'admin.user', resource: onUser } },
  }, async (req) => setUserDisabled(deps, actorOf(req), req.params.id, false));

  registerPolicyRoutes(app, deps);
  registerAdminPageRoutes(app, deps);
}
