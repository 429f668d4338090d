// The administration pages: plain forms posted to the same use cases as the JSON API
// (admin.routes.ts), with the same policy actions and resources. A saved form redirects
// (303) to its page, which says so; a refused one shows the form again with the service's
// reasons, in Vietnamese, and the values typed (never the password).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addContact, createAgency, getAgency, listAgencies, removeContact, updateAgency, updateContact } from '../../services/admin/agencies';
import { createOrganisation, getOrganisation, listOrganisations, organisationsFor, updateOrganisation } from '../../services/admin/organisations';
import { addMembership, createUser, getUser, listUsers, membershipChoices, removeMembership, setUserDisabled } from '../../services/admin/users';
import type { ServiceDeps } from '../../services/deps';
import { ServiceError } from '../../services/errors';
import { agenciesPage, agencyPage } from '../../web/admin/agencies-page';
import { adminChrome } from '../../web/admin/chrome';
import { createInput, echo, field, formBodySchema, rawField, updateInput, type FormBody } from '../../web/admin/form-input';
import type { FormProblem } from '../../web/admin/forms';
import { organisationPage, organisationsPage } from '../../web/admin/organisations-page';
import { newUserPage, userPage, usersPage } from '../../web/admin/users-page';
import { actorOf } from '../actor';
import { idParamsSchema, savedQuerySchema } from './params';
import { errorLines, errorText } from '../../web/ui/i18n';

const id = z.string().min(1).max(300);
const tags = ['pages'];
const onOrganisation = { kind: 'organisation', from: 'params', key: 'id' } as const;
const onAgency = { kind: 'agency', from: 'params', key: 'id' } as const;
// A contact and a role are checked where they live; the service also checks they belong to the agency or user of the path.
const onContact = { kind: 'contact', from: 'params', key: 'contactId' } as const;
const onUser = { kind: 'user', from: 'params', key: 'id' } as const;
const onMembership = { kind: 'membership', from: 'params', key: 'membershipId' } as const;

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
const chromeOf = (req: FastifyRequest, reply: FastifyReply) => adminChrome(req.principal, reply.generateCsrf());
const enc = encodeURIComponent;

/**
 * Runs a form's change and redirects to `to`; a refusal a person can fix (bad input, a
 * duplicate, the last role) shows the page again with its reasons instead.
 */
async function submit<T>(reply: FastifyReply, to: string | ((result: T) => string), change: () => Promise<T>, again: (problem: FormProblem) => Promise<string>) {
  let result: T;
  try {
    result = await change();
  } catch (err) {
    if (!(err instanceof ServiceError) || (err.code !== 'invalid-input' && err.code !== 'conflict' && err.code !== 'forbidden')) throw err;
    reply.status(err.code === 'invalid-input' ? 400 : err.code === 'conflict' ? 409 : 403);
    return html(reply, await again({ message: errorText(err), lines: errorLines(err) }));
  }
  return reply.redirect(typeof to === 'string' ? to : to(result), 303);
}

/**
 * The organisation form. Its head fields show the head of the office it was opened with, so
 * when another office is chosen they are left alone (the new office keeps its own head);
 * with no office before, they are the new office's head.
 */
function organisationInput(body: FormBody) {
  const input: Record<string, string | null> = updateInput(body, ['name', 'leadershipName', 'leadershipEmail', 'coordinatorAgencyId', 'coordinatorHeadName', 'coordinatorHeadEmail'], ['leadershipName', 'leadershipEmail', 'coordinatorAgencyId', 'coordinatorHeadName', 'coordinatorHeadEmail']);
  const was = field(body, 'coordinatorWas');
  const sameOffice = was === '' || field(body, 'coordinatorAgencyId') === was;
  const headTyped = field(body, 'coordinatorHeadName') !== '' || field(body, 'coordinatorHeadEmail') !== '';
  if (!sameOffice || (!input.coordinatorAgencyId && !headTyped)) {
    delete input.coordinatorHeadName;
    delete input.coordinatorHeadEmail;
  }
  return input;
}

export function registerAdminPageRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- organisations ----------------------------------------------------------------------
  const organisationsView = async (req: FastifyRequest, reply: FastifyReply, extra: { problem?: FormProblem; values?: Record<string, string>; saved?: boolean } = {}) =>
    organisationsPage({ chrome: chromeOf(req, reply), organisations: await listOrganisations(deps, req.principal), ...extra });

  r.get('/admin/organisations', {
    schema: { tags, summary: 'Organisations the visitor administers, and a form to create one below them', querystring: savedQuerySchema },
    config: { access: { action: 'admin.organisation' } },
  }, async (req, reply) => html(reply, await organisationsView(req, reply, { saved: req.query.saved !== undefined })));

  r.post('/admin/organisations', {
    schema: { tags, summary: 'Create an organisation from the form', body: formBodySchema },
    config: { access: { action: 'admin.organisation', resource: { kind: 'organisation', from: 'body', key: 'parentId' } } },
  }, async (req, reply) =>
    submit(reply, '/admin/organisations?saved', () => createOrganisation(deps, actorOf(req), createInput(req.body, ['parentId', 'name', 'kind'])), (problem) =>
      organisationsView(req, reply, { problem, values: echo(req.body) })));

  const organisationView = async (req: FastifyRequest, reply: FastifyReply, orgId: string, extra: { problem?: FormProblem; values?: Record<string, string>; saved?: boolean } = {}) =>
    organisationPage({ chrome: chromeOf(req, reply), organisation: await getOrganisation(deps, orgId), ...extra });

  r.get('/admin/organisations/:id', {
    schema: { tags, summary: 'One organisation: name, leadership, coordinating office and its head', params: idParamsSchema, querystring: savedQuerySchema },
    config: { access: { action: 'admin.organisation', resource: onOrganisation } },
  }, async (req, reply) => html(reply, await organisationView(req, reply, req.params.id, { saved: req.query.saved !== undefined })));

  r.post('/admin/organisations/:id', {
    schema: { tags, summary: "Save an organisation's name, leadership, coordinating office and its head from the form", params: idParamsSchema, body: formBodySchema },
    config: { access: { action: 'admin.organisation', resource: onOrganisation } },
  }, async (req, reply) =>
    submit(reply, `/admin/organisations/${enc(req.params.id)}?saved`, () => updateOrganisation(deps, actorOf(req), req.params.id, organisationInput(req.body)), (problem) =>
      organisationView(req, reply, req.params.id, { problem, values: echo(req.body) })));

  // ---- agencies and contacts --------------------------------------------------------------
  const agenciesView = async (req: FastifyRequest, reply: FastifyReply, organisationId: string | undefined, extra: { problem?: FormProblem; values?: Record<string, string> } = {}) =>
    agenciesPage({
      chrome: chromeOf(req, reply),
      agencies: await listAgencies(deps, req.principal, organisationId),
      organisations: await organisationsFor(deps, req.principal, 'admin.agency'),
      organisationId,
      ...extra,
    });

  r.get('/admin/agencies', {
    schema: { tags, summary: 'Agencies the visitor administers, and a form to add one', querystring: z.object({ organisationId: id.optional() }) },
    config: { access: { action: 'admin.agency' } },
  }, async (req, reply) => html(reply, await agenciesView(req, reply, req.query.organisationId)));

  r.post('/admin/agencies', {
    schema: { tags, summary: 'Add an agency from the form', body: formBodySchema },
    config: { access: { action: 'admin.agency', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) =>
    submit(
      reply,
      (agency) => `/admin/agencies/${enc(agency.id)}?saved`,
      () => createAgency(deps, actorOf(req), createInput(req.body, ['organisationId', 'name', 'headName', 'headEmail'])),
      (problem) => agenciesView(req, reply, field(req.body, 'organisationId') || undefined, { problem, values: echo(req.body) }),
    ));

  const agencyView = async (req: FastifyRequest, reply: FastifyReply, agencyId: string, extra: { problem?: FormProblem; values?: Record<string, string>; saved?: boolean } = {}) =>
    agencyPage({ chrome: chromeOf(req, reply), agency: await getAgency(deps, agencyId), ...extra });

  r.get('/admin/agencies/:id', {
    schema: { tags, summary: 'One agency: its name, head and contacts', params: idParamsSchema, querystring: savedQuerySchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req, reply) => html(reply, await agencyView(req, reply, req.params.id, { saved: req.query.saved !== undefined })));

  r.post('/admin/agencies/:id', {
    schema: { tags, summary: "Save an agency's name and head from the form", params: idParamsSchema, body: formBodySchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req, reply) =>
    submit(reply, `/admin/agencies/${enc(req.params.id)}?saved`, () => updateAgency(deps, actorOf(req), req.params.id, updateInput(req.body, ['name', 'headName', 'headEmail'], ['headName', 'headEmail'])), (problem) =>
      agencyView(req, reply, req.params.id, { problem, values: echo(req.body) })));

  r.post('/admin/agencies/:id/contacts', {
    schema: { tags, summary: 'Add a contact from the form', params: idParamsSchema, body: formBodySchema },
    config: { access: { action: 'admin.agency', resource: onAgency } },
  }, async (req, reply) =>
    submit(reply, `/admin/agencies/${enc(req.params.id)}?saved`, () => addContact(deps, actorOf(req), req.params.id, createInput(req.body, ['name', 'email', 'phone', 'language'])), (problem) =>
      agencyView(req, reply, req.params.id, { problem })));

  const contactParams = z.object({ id, contactId: id });

  r.post('/admin/agencies/:id/contacts/:contactId', {
    schema: { tags, summary: 'Save a contact from the form', params: contactParams, body: formBodySchema },
    config: { access: { action: 'admin.agency', resource: onContact } },
  }, async (req, reply) =>
    submit(reply, `/admin/agencies/${enc(req.params.id)}?saved`, () => updateContact(deps, actorOf(req), req.params.id, req.params.contactId, { ...updateInput(req.body, ['name', 'email', 'phone'], ['phone']), ...createInput(req.body, ['language']) }), (problem) =>
      agencyView(req, reply, req.params.id, { problem })));

  r.post('/admin/agencies/:id/contacts/:contactId/delete', {
    schema: { tags, summary: 'Remove a contact, from the page', params: contactParams, body: formBodySchema.optional() },
    config: { access: { action: 'admin.agency', resource: onContact } },
  }, async (req, reply) => {
    await removeContact(deps, actorOf(req), req.params.id, req.params.contactId);
    return reply.redirect(`/admin/agencies/${enc(req.params.id)}?saved`, 303);
  });

  // ---- users and roles --------------------------------------------------------------------
  r.get('/admin/users', {
    schema: { tags, summary: 'Users the visitor administers', querystring: savedQuerySchema },
    config: { access: { action: 'admin.user' } },
  }, async (req, reply) => html(reply, usersPage({ chrome: chromeOf(req, reply), users: await listUsers(deps, actorOf(req)), saved: req.query.saved !== undefined })));

  const newUserView = async (req: FastifyRequest, reply: FastifyReply, extra: { problem?: FormProblem; values?: Record<string, string> } = {}) =>
    newUserPage({ chrome: chromeOf(req, reply), choices: await membershipChoices(deps, actorOf(req)), ...extra });

  r.get('/admin/users/new', {
    schema: { tags, summary: 'The form to create a user: email, name, password, organisationId, role, agencyId' },
    config: { access: { action: 'admin.user' } },
  }, async (req, reply) => html(reply, await newUserView(req, reply)));

  r.post('/admin/users', {
    schema: { tags, summary: 'Create a user from the form (redirects to /admin/users; the form again with its problems otherwise)', body: formBodySchema },
    config: { access: { action: 'admin.user', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) => {
    const input = { ...createInput(req.body, ['email', 'name', 'language', 'organisationId', 'role', 'agencyId']), password: rawField(req.body, 'password') };
    return submit(reply, '/admin/users', () => createUser(deps, actorOf(req), input), (problem) => newUserView(req, reply, { problem, values: echo(req.body) }));
  });

  const userView = async (req: FastifyRequest, reply: FastifyReply, userId: string, extra: { problem?: FormProblem; values?: Record<string, string>; saved?: boolean } = {}) =>
    userPage({ chrome: chromeOf(req, reply), user: await getUser(deps, actorOf(req), userId), choices: await membershipChoices(deps, actorOf(req)), ...extra });

  r.get('/admin/users/:id', {
    schema: { tags, summary: "One user: roles to give and take, disable or enable", params: idParamsSchema, querystring: savedQuerySchema },
    config: { access: { action: 'admin.user', resource: onUser } },
  }, async (req, reply) => html(reply, await userView(req, reply, req.params.id, { saved: req.query.saved !== undefined })));

  r.post('/admin/users/:id/memberships', {
    schema: { tags, summary: 'Give a role from the form', params: idParamsSchema, body: formBodySchema },
    config: { access: { action: 'admin.user', resource: { kind: 'organisation', from: 'body', key: 'organisationId' } } },
  }, async (req, reply) =>
    submit(reply, `/admin/users/${enc(req.params.id)}?saved`, () => addMembership(deps, actorOf(req), req.params.id, createInput(req.body, ['organisationId', 'role', 'agencyId'])), (problem) =>
      userView(req, reply, req.params.id, { problem, values: echo(req.body) })));

  r.post('/admin/users/:id/memberships/:membershipId/delete', {
    schema: { tags, summary: 'Take a role, from the page', params: z.object({ id, membershipId: id }), body: formBodySchema.optional() },
    config: { access: { action: 'admin.user', resource: onMembership } },
  }, async (req, reply) =>
    submit(reply, `/admin/users/${enc(req.params.id)}?saved`, () => removeMembership(deps, actorOf(req), req.params.id, req.params.membershipId), (problem) =>
      userView(req, reply, req.params.id, { problem })));

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    r.post(`/admin/users/:id/${path}`, {
      schema: { tags, summary: disabled ? 'Disable a user, from the page (ends every session)' : 'Enable a user again, from the page', params: idParamsSchema, body: formBodySchema.optional() },
      config: { access: { action: 'admin.user', resource: onUser } },
    }, async (req, reply) =>
      submit(reply, `/admin/users/${enc(req.params.id)}?saved`, () => setUserDisabled(deps, actorOf(req), req.params.id, disabled), (problem) => userView(req, reply, req.params.id, { problem })));
  }
}
