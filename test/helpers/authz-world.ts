// One world for the tests that call every route as every kind of caller (the authorisation
// matrix, the hostile-input properties, scripts/fuzz.ts): the real Temporal dev server with a
// worker, a real SMTP server on 127.0.0.1, a migrated database, and the HTTP app in process.
//
// Organisations: a province, a commune under it, a sibling commune under the same province
// and a commune outside it. The province and the commune each have a plan (imported through
// the product's own confirmImport), a campaign and an ad-hoc deadline of a reporting agency
// (with a reply by email waiting in the review queue, naming it), dated from the real today (the dev server runs on the real clock). Personas: every role of
// the policy table in the commune and in the province, an agency user of the commune's other
// agency, people of the sibling and outside communes, a coordinator's API token, anonymous,
// an expired session, a revoked token and a token of another organisation, the holder of
// the commune agency's signed link for its fixture deadline, and an expired link.
//
// Vitest-free (scripts/fuzz.ts runs it too): callers assert.
import { randomBytes, randomUUID } from 'node:crypto';
import { Signer } from '@fastify/cookie';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { createActivities } from '../../activities';
import { ANONYMOUS, ROLES, type Grant, type LinkPrincipal, type Principal } from '../../src/auth/policy';
import { DEVELOPMENT_LINK_KEY } from '../../src/config';
import { signLink } from '../../src/stores/signed-link';
import { SESSION_COOKIE } from '../../src/api/openapi';
import { buildServer, DEVELOPMENT_AUTH } from '../../src/api/server';
import type { Db } from '../../src/db';
import { addDays, localDateOf, toIsoDate } from '../../src/domain/local-date';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { startCampaignWorkflow } from '../../src/services/campaigns';
import { confirmImport } from '../../src/services/confirm-import';
import { hashToken } from '../../src/services/principals';
import type { ServiceDeps } from '../../src/services/deps';
import { systemActor } from '../../src/services/audit';
import { requestAdhocReport } from '../../src/services/request-adhoc-report';
import type { ResourceKind } from '../../src/stores/access.store';
import type { DevServer } from '../../src/temporal/dev-server';
import { bundleWorkflows } from '../../src/worker';
import { createUser, grantToken } from './principals';
import { startTestDevServer } from './temporal';
import { createTestDb } from './test-db';

/** The world is set up as the product sets up its sample: by the system, recorded as such. */
const SETUP = systemActor('test set-up');

export type LocationName = 'commune' | 'province';

/** The things of one organisation that routes act on: one id per ResourceKind, and what bodies refer to. */
export interface Location {
  name: LocationName;
  organisation: { id: string; name: string; kind: 'province' | 'commune' };
  plan: string;
  campaign: string;
  /** The running year of the campaign's workflow (a results report names it). */
  campaignYear: number;
  deadline: string;
  /** The reporting agency the fixture deadline belongs to. */
  agency: string;
  agencyName: string;
  /** The coordinating office (Phòng VH-XH / Văn phòng): another agency of the same organisation. */
  coordinatorAgency: string;
  /** An API token of the organisation (the 'token' resource kind: revoking it). */
  token: string;
  /** A contact of the reporting agency. */
  contact: string;
  /** An account with two roles in the organisation (leader and auditor), none of the personas. */
  user: string;
  /** The account's auditor role (taking it leaves the leader role). */
  membership: string;
  /** A calendar feed of the plan (the 'calendar-feed' resource kind: revoking it). */
  calendarFeed: string;
  /** The token of another feed of the plan, never revoked: the public feed route reads it. */
  calendarFeedToken: string;
  /** A reply by email waiting in the organisation's review queue (an unknown sender), naming the fixture deadline. */
  reply: string;
}

/** How a persona proves who it is. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'session'; userId: string }
  | { kind: 'expired-session'; userId: string }
  | { kind: 'token'; token: string }
  | { kind: 'revoked-token'; token: string }
  /** An agency's signed link presented to the API (`authorization: Link <token>`). */
  | { kind: 'link'; token: string }
  | { kind: 'expired-link'; token: string };

export interface Persona {
  name: string;
  /** Who the policy table should see: built from the grants given here, not by the code under test. */
  principal: Principal;
  credential: Credential;
}

/** What a request carries to authenticate as a persona. */
export interface Auth {
  headers: Record<string, string>;
  cookies: Record<string, string>;
  /**
   * The persona's own network address (TEST-NET-1): each person calls from their own
   * computer, so the per-address limits of sign-in and password reset count each apart, as
   * in an office, and a matrix of forty sign-ins is not taken for a brute-force attempt.
   */
  remoteAddress: string;
}

/** Counts activities (every database write that is not a request's own happens in one). */
export interface ActivityMeter {
  started: number;
  running: number;
}

export interface AuthzWorld {
  app: FastifyInstance;
  db: Db;
  deps: ServiceDeps;
  locations: Record<LocationName, Location>;
  personas: Persona[];
  /** A user with no role, whose email and password sign-in routes are called with. */
  signInUser: { email: string; password: string };
  today: string;
  /** A local day `n` days from today, "YYYY-MM-DD". */
  daysFromToday(n: number): string;
  /** A new ad-hoc deadline of the location's reporting agency, with its workflow running: a copy of the fixture deadline. */
  freshDeadline(location: LocationName): Promise<string>;
  /**
   * A new thing of a kind that a change may use up (a deadline recorded, a contact or a role
   * removed), living where the location's fixture lives; null for kinds changed in place.
   */
  freshCopy(kind: ResourceKind, location: LocationName): Promise<string> | null;
  /** A signed link of the location's reporting agency for a deadline (the fixture's, or a fresh one's). */
  agencyLinkToken(location: LocationName, deadlineId?: string): string;
  /** A new, valid password-reset link token of the location's fixture account. */
  resetLinkToken(location: LocationName): Promise<string>;
  /** Headers and cookies for a request as this persona (a session persona gets a new session each time). */
  authenticate(persona: Persona): Promise<Auth>;
  activities: ActivityMeter;
  /** Waits until no activity has started for `quietMs` (after a change, its notices and steps run). */
  settle(quietMs?: number, capMs?: number): Promise<void>;
  /** Error lines the app logged (each 5xx logs one), for reports. */
  errorLog: string[];
  close(): Promise<void>;
}

const TASK_QUEUE = 'authz-world';
const SESSION_MS = 12 * 60 * 60_000;
const signer = new Signer(DEVELOPMENT_AUTH.sessionSecret);

/** Wraps every activity so the world knows when the worker touches the database. */
function metered<T extends Record<string, unknown>>(activities: T, meter: ActivityMeter): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        meter.started += 1;
        meter.running += 1;
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          meter.running -= 1;
        }
      },
    ]),
  ) as T;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, capMs = 60_000): Promise<T> {
  const until = Date.now() + capMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error(`authz world: gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The plan each of the two organisations issues: the product's own import shape. */
function planOf(org: Location['organisation'], names: { coordinator: string; reporter: string }, issuedOn: string, year: number) {
  const slug = org.id;
  return {
    organisation: org,
    plan: { number: '12/KH-UBND', title: `Kế hoạch thử nghiệm phân quyền của ${org.name}`, issuedOn, spanFrom: year, spanTo: year + 1, coordinator: names.coordinator },
    agencies: [
      { name: names.coordinator, headName: 'Trưởng phòng', headEmail: `truongphong@${slug}.example`, contacts: [{ name: 'Chuyên viên', email: `dau-moi@${slug}.example` }] },
      { name: names.reporter, headName: 'Thủ trưởng', headEmail: `thutruong@${slug}.example`, contacts: [{ name: 'Văn thư', email: `van-thu@${slug}.example` }] },
    ],
    obligations: [{ reporter: names.reporter, ruleText: 'trước ngày 05/11 hằng năm' }],
    campaigns: [{ name: 'Tháng hành động vì bình đẳng giới', start: '11-15', end: '12-15', organiser: names.coordinator }],
  };
}

export async function startAuthzWorld(): Promise<AuthzWorld> {
  const [server, catcher, bundle]: [DevServer, MailCatcher, Awaited<ReturnType<typeof bundleWorkflows>>] = await Promise.all([
    startTestDevServer(null),
    startMailCatcher({ port: 0 }),
    bundleWorkflows(),
  ]);
  const testDb = createTestDb();
  const db = testDb.db;
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const meter: ActivityMeter = { started: 0, running: 0 };
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: bundle,
    activities: metered(
      createActivities({
        db,
        mailer: nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, ignoreTLS: true }),
        clock: () => new Date(),
        publicUrl: 'http://hbc.test',
        mailFrom: 'Hạn báo cáo <hbc@test.example>',
        temporal: { client, taskQueue: TASK_QUEUE, searchAttributes: true },
      }),
      meter,
    ),
  });
  const running = worker.run();
  const deps: ServiceDeps = { db, temporal: client, taskQueue: TASK_QUEUE, clock: () => new Date(), searchAttributes: true };
  const errorLog: string[] = [];
  const app = buildServer(deps, { catcher, logger: { level: 'error', stream: { write: (line: string) => void errorLog.push(line) } } });

  const todayDate = localDateOf(new Date());
  const daysFromToday = (n: number) => toIsoDate(addDays(todayDate, n));

  // Organisations first, so the imports keep their place in the tree.
  const province = { id: 'tinh-thu', name: 'UBND tỉnh Thử Nghiệm', kind: 'province' as const };
  const commune = { id: 'xa-thu', name: 'UBND xã Thử Nghiệm', kind: 'commune' as const };
  await db.organisation.create({ data: province });
  await db.organisation.create({ data: { ...commune, parentId: province.id } });
  await db.organisation.create({ data: { id: 'xa-ben', name: 'UBND xã Bên Cạnh', kind: 'commune', parentId: province.id } });
  await db.organisation.create({ data: { id: 'xa-ngoai', name: 'UBND xã Ngoài Tỉnh', kind: 'commune' } });

  let copies = 0;
  async function adhocDeadline(planId: string, agencyId: string, title: string): Promise<string> {
    const { deadlineIds } = await requestAdhocReport(deps, SETUP, planId, { title, agencyIds: [agencyId], lastDay: daysFromToday(45), requestedBy: 'Chuyên viên đầu mối' });
    return deadlineIds[0]!;
  }

  async function location(name: LocationName, org: Location['organisation'], names: { coordinator: string; reporter: string }): Promise<Location> {
    const { planId } = await confirmImport(deps, SETUP, planOf(org, names, daysFromToday(-10), todayDate.year));
    const agencies = await db.agency.findMany({ where: { organisationId: org.id } });
    const agency = agencies.find((a) => a.name === names.reporter)!.id;
    const coordinatorAgency = agencies.find((a) => a.name === names.coordinator)!.id;
    const campaign = (await db.campaign.findFirstOrThrow({ where: { planId } })).id;
    const run = await waitFor(`the campaign run of ${org.id}`, () => db.campaignRun.findFirst({ where: { campaignId: campaign }, orderBy: { year: 'asc' } }));
    const deadline = await adhocDeadline(planId, agency, 'Báo cáo đột xuất tình hình thực hiện');
    const token = randomUUID();
    await db.apiToken.create({ data: { id: token, organisationId: org.id, role: 'coordinator', name: `fixture of ${org.id}`, tokenHash: hashToken(`hbc_fixture_${token}`) } });
    const contact = await newContact(agency);
    const { user, membership } = await twoRoles(org.id, `fixture-${name}`);
    const feed = async (token: string) => {
      const id = randomUUID();
      await db.calendarFeed.create({ data: { id, organisationId: org.id, kind: 'plan', targetId: planId, tokenHash: hashToken(token), createdAt: new Date() } });
      return id;
    };
    const calendarFeed = await feed(`cal_fixture_${randomUUID()}`);
    const calendarFeedToken = `cal_${randomBytes(32).toString('base64url')}`;
    await feed(calendarFeedToken);
    const reply = await pendingReply(org.id, deadline);
    return { name, organisation: org, plan: planId, campaign, campaignYear: run.year, deadline, agency, agencyName: names.reporter, coordinatorAgency, token, contact, user, membership, calendarFeed, calendarFeedToken, reply };
  }
  /** The same campaign under another name, with its workflow running and this year's run open. */
  async function campaignCopy(campaignId: string): Promise<string> {
    const { id: _, runs: __, ...fixture } = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { runs: true } });
    const id = `${campaignId}.copy-${++copies}`;
    await db.campaign.create({ data: { ...fixture, id, name: `${fixture.name} (bản sao ${copies})` } });
    await startCampaignWorkflow(deps, id);
    await waitFor(`the campaign run of ${id}`, () => db.campaignRun.findFirst({ where: { campaignId: id } }));
    return id;
  }
  /** A reply by email in the organisation's review queue, as the intake leaves one from an unknown sender. */
  async function pendingReply(organisationId: string, deadlineId: string): Promise<string> {
    const id = randomUUID();
    await db.inboundReply.create({
      data: { id, messageId: `<${id}@authz.test.example>`, receivedAt: new Date(), organisationId, deadlineId, fromAddress: 'la@authz.test.example', subject: 'Re: nhắc hạn', note: 'Gửi báo cáo', status: 'pending', reason: 'unknown-sender' },
    });
    return id;
  }
  async function newContact(agencyId: string): Promise<string> {
    const id = randomUUID();
    await db.contact.create({ data: { id, agencyId, name: `Liên hệ ${++copies}`, email: `lien-he-${copies}@authz.test.example` } });
    return id;
  }
  /** An account with a leader and an auditor role in the organisation: the auditor role can be taken. */
  async function twoRoles(organisationId: string, name: string): Promise<{ user: string; membership: string }> {
    const user = await createUser(db, { email: `${name}@authz.test.example`, password: 'mật khẩu của tài khoản mẫu', grants: [{ organisationId, role: 'leader' }] });
    const membership = randomUUID();
    await db.membership.create({ data: { id: membership, userId: user, organisationId, role: 'auditor' } });
    return { user, membership };
  }
  const locations: Record<LocationName, Location> = {
    commune: await location('commune', commune, { coordinator: 'Phòng Văn hóa – Xã hội', reporter: 'Trạm Y tế xã' }),
    province: await location('province', province, { coordinator: 'Sở Lao động – Thương binh và Xã hội', reporter: 'Sở Y tế' }),
  };

  const personas: Persona[] = [];
  const password = 'mật khẩu thử nghiệm đủ dài';
  async function user(name: string, grants: Grant[]): Promise<string> {
    const id = await createUser(db, { email: `${name}@authz.test.example`, password, grants: grants.map((g) => ({ ...g, agencyId: g.agencyId ?? undefined })) });
    personas.push({ name, principal: { kind: 'user', id, label: `${name}@authz.test.example`, grants }, credential: { kind: 'session', userId: id } });
    return id;
  }
  async function token(name: string, grant: Grant, revoked = false): Promise<void> {
    const secret = await grantToken(db, { organisationId: grant.organisationId, role: grant.role, agencyId: grant.agencyId ?? undefined });
    if (revoked) await db.apiToken.update({ where: { tokenHash: hashToken(secret) }, data: { revokedAt: new Date() } });
    personas.push({
      name,
      principal: revoked ? ANONYMOUS : { kind: 'token', id: name, label: name, grants: [grant] },
      credential: revoked ? { kind: 'revoked-token', token: secret } : { kind: 'token', token: secret },
    });
  }

  for (const loc of Object.values(locations)) {
    for (const role of ROLES) {
      await user(`${loc.name}-${role}`, [{ organisationId: loc.organisation.id, role, agencyId: role === 'agency' ? loc.agency : null }]);
    }
  }
  await user('commune-agency-of-another-agency', [{ organisationId: commune.id, role: 'agency', agencyId: locations.commune.coordinatorAgency }]);
  await user('sibling-commune-administrator', [{ organisationId: 'xa-ben', role: 'administrator' }]);
  await user('sibling-commune-coordinator', [{ organisationId: 'xa-ben', role: 'coordinator' }]);
  await user('outside-commune-coordinator', [{ organisationId: 'xa-ngoai', role: 'coordinator' }]);
  await token('commune-coordinator-token', { organisationId: commune.id, role: 'coordinator' });
  await token('token-of-another-organisation', { organisationId: 'xa-ngoai', role: 'administrator' });
  await token('revoked-token', { organisationId: commune.id, role: 'administrator' }, true);
  // The holder of the commune's reporting agency's signed link for its fixture deadline, and a link that expired.
  const link = (loc: Location, deadlineId: string, expiresAt: Date) =>
    signLink([DEVELOPMENT_LINK_KEY], { agencyId: loc.agency, deadlineId, issuedAt: new Date(), expiresAt });
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
  const linkHolder: LinkPrincipal = {
    kind: 'link',
    id: 'commune-link-holder',
    label: `Liên kết của ${locations.commune.agencyName}`,
    organisationId: commune.id,
    agencyId: locations.commune.agency,
    deadlineId: locations.commune.deadline,
  };
  personas.push({ name: 'commune-link-holder', principal: linkHolder, credential: { kind: 'link', token: link(locations.commune, locations.commune.deadline, inAMonth()) } });
  personas.push({ name: 'expired-link', principal: ANONYMOUS, credential: { kind: 'expired-link', token: link(locations.commune, locations.commune.deadline, new Date(Date.now() - 60_000)) } });
  personas.push({ name: 'anonymous', principal: ANONYMOUS, credential: { kind: 'none' } });
  const expiredUser = personas.find((p) => p.name === 'commune-coordinator')!.credential as { userId: string };
  personas.push({ name: 'expired-session', principal: ANONYMOUS, credential: { kind: 'expired-session', userId: expiredUser.userId } });
  const signInUser = { email: 'dang-nhap@authz.test.example', password };
  await createUser(db, { email: signInUser.email, password, grants: [] });

  /** A session row as @fastify/session's store keeps it (src/stores/session.store.ts), and its signed cookie. */
  async function session(userId: string): Promise<{ id: string; cookie: string }> {
    const id = randomUUID().replaceAll('-', '');
    const expiresAt = new Date(Date.now() + SESSION_MS);
    const data = { cookie: { originalMaxAge: SESSION_MS, expires: expiresAt.toISOString(), httpOnly: true, secure: false, sameSite: 'lax', path: '/' }, userId };
    await db.session.create({ data: { id, data: JSON.stringify(data), userId, expiresAt } });
    return { id, cookie: signer.sign(id) };
  }

  async function authenticate(persona: Persona): Promise<Auth> {
    return { ...(await credentials(persona)), remoteAddress: `192.0.2.${personas.indexOf(persona) + 1}` };
  }
  async function credentials(persona: Persona): Promise<Omit<Auth, 'remoteAddress'>> {
    const c = persona.credential;
    switch (c.kind) {
      case 'none':
        return { headers: {}, cookies: {} };
      case 'token':
      case 'revoked-token':
        return { headers: { authorization: `Bearer ${c.token}` }, cookies: {} };
      case 'link':
      case 'expired-link':
        return { headers: { authorization: `Link ${c.token}` }, cookies: {} };
      case 'session':
      case 'expired-session': {
        const s = await session(c.userId);
        const cookies = { [SESSION_COOKIE]: s.cookie };
        // The CSRF token a page of this session would carry (GET /api/session stores its secret in the session).
        const me = await app.inject({ method: 'GET', url: '/api/session', cookies });
        const csrf = (me.json() as { csrfToken: string }).csrfToken;
        // Expired: the row outlived its expiry since the page was loaded; cookie and token are what the browser still holds.
        if (c.kind === 'expired-session') await db.session.update({ where: { id: s.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
        return { headers: { 'x-csrf-token': csrf }, cookies };
      }
    }
  }

  async function settle(quietMs = 300, capMs = 60_000): Promise<void> {
    const until = Date.now() + capMs;
    let seen = meter.started;
    let quietSince = Date.now();
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      if (meter.running > 0 || meter.started !== seen) {
        seen = meter.started;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) return;
    }
  }

  return {
    app,
    db,
    deps,
    locations,
    personas,
    signInUser,
    today: daysFromToday(0),
    daysFromToday,
    freshDeadline: (name) => adhocDeadline(locations[name].plan, locations[name].agency, `Bản sao hạn báo cáo số ${++copies}`),
    freshCopy(kind, name) {
      const l = locations[name];
      if (kind === 'deadline') return adhocDeadline(l.plan, l.agency, `Bản sao hạn báo cáo số ${++copies}`);
      if (kind === 'contact') return newContact(l.agency);
      if (kind === 'membership') return twoRoles(l.organisation.id, `copy-${++copies}`).then((r) => r.membership);
      if (kind === 'campaign') return campaignCopy(l.campaign);
      if (kind === 'reply') return pendingReply(l.organisation.id, l.deadline);
      return null;
    },
    agencyLinkToken(name, deadlineId) {
      return link(locations[name], deadlineId ?? locations[name].deadline, inAMonth());
    },
    async resetLinkToken(name) {
      const token = `reset-${randomUUID()}`;
      const now = new Date();
      await db.passwordReset.create({ data: { id: randomUUID(), userId: locations[name].user, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + 60 * 60_000), createdAt: now } });
      return token;
    },
    authenticate,
    activities: meter,
    settle,
    errorLog,
    async close() {
      await app.close();
      worker.shutdown();
      await running.catch(() => undefined);
      await workerConnection.close();
      await client.connection.close();
      await server.stop();
      await catcher.close();
      await testDb.cleanup();
    },
  };
}
