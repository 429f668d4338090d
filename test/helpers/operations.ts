// Every operation of /openapi.json as a request the tests can send: the path filled from the
// world's fixtures by the operation's x-hbc-resource kind, a valid example body, and the
// answer the policy table (src/auth/policy.ts) expects for a persona. Nothing here lists
// which routes exist: a route added later is read from the document like the others, and
// only needs a fixture for a new resource kind or an example body the schema cannot give.
import { can, canSomewhere, POLICY, type Action, type Principal, type Resource } from '../../src/auth/policy';
import { SEE } from '../../src/api/access';
import { DEVELOPMENT_LINK_KEY } from '../../src/config';
import { formNonce } from '../../src/services/link-form-nonce';
import type { ResourceKind } from '../../src/stores/access.store';
import type { AuthzWorld, Location, Persona } from './authz-world';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export interface ResourceRef {
  kind: ResourceKind;
  from: 'params' | 'body' | 'query';
  key: string;
}

export interface Operation {
  /** "POST /api/deadlines/{id}/submission": the key of the example tables. */
  key: string;
  method: string;
  path: string;
  /** 'public', 'signed-in' or a policy action. */
  action: string;
  resource: ResourceRef | null;
  security: unknown[];
  pathParams: string[];
  /** The JSON schema of the body, when the route declares one. */
  bodySchema: JsonSchema | null;
  querySchema: Record<string, { schema: JsonSchema; required: boolean }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function readOperations(world: Pick<AuthzWorld, 'app'>): Promise<Operation[]> {
  const doc = (await world.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      if (!METHODS.includes(method)) continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: JsonSchema }[];
      const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema ?? null;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        action: String(op['x-hbc-action']),
        resource: (op['x-hbc-resource'] as ResourceRef | undefined) ?? null,
        security: (op.security ?? []) as unknown[],
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        bodySchema: body,
        querySchema: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, { schema: p.schema, required: !!p.required }])),
      });
    }
  }
  return ops;
}

/** One fixture id per resource kind (src/stores/access.store.ts): a new kind fails to compile here until it has one. */
export const FIXTURES: Record<ResourceKind, (l: Location) => string> = {
  deadline: (l) => l.deadline,
  plan: (l) => l.plan,
  campaign: (l) => l.campaign,
  organisation: (l) => l.organisation.id,
  agency: (l) => l.agency,
  token: (l) => l.token,
  contact: (l) => l.contact,
  user: (l) => l.user,
  membership: (l) => l.membership,
  'calendar-feed': (l) => l.calendarFeed,
  reply: (l) => l.reply,
};

/**
 * A path parameter that is not the operation's resource names something the resource
 * belongs to, or that the route's body resource acts on: read from the world, so it always
 * matches the thing the call acts on (a fixture or a fresh copy). Throws, naming what to add.
 */
async function otherParam(op: Operation, name: string, c: ExampleContext, resourceId: string | undefined): Promise<string> {
  const kind = op.resource?.kind;
  // The agency of a contact and the account of a role: the service checks the pair belongs together.
  if (kind === 'contact' && name === 'id') return (await c.world.db.contact.findUniqueOrThrow({ where: { id: resourceId! } })).agencyId;
  if (kind === 'membership' && name === 'id') return (await c.world.db.membership.findUniqueOrThrow({ where: { id: resourceId! } })).userId;
  // Giving a role: checked on the organisation of the body; the account is the location's own.
  if (kind === 'organisation' && op.resource?.from === 'body' && name === 'id' && op.path.includes('/users/{id}/')) return c.location.user;
  // An agency's signed link: a public page whose token is its own proof. Its form records a
  // report, so a POST gets the link of a fresh deadline; a GET reads the fixture's.
  if (op.action === 'public' && name === 'token' && op.path.startsWith('/bao-cao/')) {
    return c.world.agencyLinkToken(c.location.name, isSafe(op.method) ? undefined : await c.world.freshDeadline(c.location.name));
  }
  // A calendar feed's URL: a public file whose token is its own proof (a feed never revoked).
  if (op.action === 'public' && name === 'token' && op.path.startsWith('/lich/')) return c.location.calendarFeedToken;
  // The language switch: a language, not a thing of the world.
  if (op.action === 'public' && name === 'locale' && op.path.startsWith('/lang/')) return 'en';
  // The emailed password-reset link: a public page whose token is its own proof; a new one each call (it works once).
  if (op.action === 'public' && name === 'token') return c.world.resetLinkToken(c.location.name);
  throw new Error(`${op.key}: path parameter "${name}" is not the operation's x-hbc-resource; give the route a resource (config.access), or say in otherParam (test/helpers/operations.ts) what it names`);
}

export interface ExampleContext {
  world: AuthzWorld;
  location: Location;
  /** Unique per call, for bodies that must not repeat (an ad-hoc request's title). */
  n: number;
}

/**
 * Valid bodies the schema alone cannot give: ids and days of the world, a due rule the
 * calculus reads, a real user's password. Keyed by "METHOD path" as in /openapi.json.
 */
export const EXAMPLE_BODIES: Record<string, (c: ExampleContext) => unknown | Promise<unknown>> = {
  'POST /api/session': (c) => c.world.signInUser,
  'POST /sign-in': (c) => ({ ...c.world.signInUser, next: '/' }),
  'POST /api/deadlines/{id}/submission': () => ({ submittedBy: 'Văn thư Trạm Y tế', documentNumber: '15/BC-TYT', note: 'Gửi qua hệ thống' }),
  'POST /api/deadlines/{id}/remind': () => ({ requestedBy: 'Chuyên viên Phòng VH-XH' }),
  'POST /api/deadlines/{id}/return': (c) => ({ reason: 'Thiếu số liệu chỉ tiêu 4', newLastDay: c.world.daysFromToday(60), returnedBy: 'Chuyên viên đầu mối' }),
  'POST /deadlines/{id}/return': (c) => ({ reason: 'Thiếu số liệu chỉ tiêu 4', newLastDay: c.world.daysFromToday(60), returnedBy: 'Chuyên viên đầu mối' }),
  // The form behind an agency's link, with the nonce its page would carry (src/services/link-form-nonce.ts).
  'POST /bao-cao/{token}': (c) => ({
    submittedBy: 'Văn thư Trạm Y tế',
    documentNumber: `${c.n}/BC-TYT`,
    documentDate: c.world.today,
    link: 'https://example.com/bao-cao.pdf',
    nonce: formNonce([DEVELOPMENT_LINK_KEY], new Date()),
  }),
  // A reply by email assigned to a deadline of its organisation: a fresh one, so the fixture deadline stays open.
  'POST /api/replies/{id}/assignment': async (c) => ({ deadlineId: await c.world.freshDeadline(c.location.name) }),
  'POST /replies/{id}/assignment': async (c) => ({ deadlineId: await c.world.freshDeadline(c.location.name) }),
  'POST /api/deadlines/{id}/extension': (c) => ({ newLastDay: c.world.daysFromToday(75), reason: 'Chờ số liệu quý IV', grantedBy: 'Chủ tịch UBND' }),
  'POST /api/deadlines/{id}/waiver': () => ({ reason: 'Đơn vị sáp nhập', waivedBy: 'Chủ tịch UBND' }),
  'POST /api/plans/{id}/adhoc-requests': (c) => ({
    title: `Báo cáo đột xuất số ${c.n}`,
    agencyIds: [c.location.agency],
    lastDay: c.world.daysFromToday(40),
    requestedBy: 'Chuyên viên đầu mối',
  }),
  'POST /api/plans/{id}/reminders': (c) => ({ periodKey: c.world.today.slice(0, 4), requestedBy: 'Chuyên viên Phòng VH-XH' }),
  'POST /api/plans/{id}/rollup': () => ({ ruleText: 'trước ngày 20/11 hằng năm', recipient: 'Sở Nội vụ' }),
  'POST /api/campaigns/{id}/results': (c) => ({ year: c.location.campaignYear, submittedBy: 'Phòng Văn hóa – Xã hội', documentNumber: '30/BC-VHXH' }),
  // After the run's end (15/12) and after today, whatever today is.
  'POST /api/campaigns/{id}/results-due': (c) => ({ year: c.location.campaignYear, resultsDue: `${c.location.campaignYear + 1}-01-20`, reason: 'Chờ số liệu của các thôn' }),
  // Administration. Names stay as they are (other bodies and the world refer to them); heads and contacts change.
  'POST /api/admin/organisations': (c) => ({ name: `Xã Mới Lập ${c.n}`, kind: 'commune' }),
  'POST /admin/organisations': (c) => ({ name: `Xã Mới Lập ${c.n}`, kind: 'commune' }),
  'PATCH /api/admin/organisations/{id}': (c) => ({ leadershipName: 'Chủ tịch UBND', leadershipEmail: `chu-tich-${c.location.name}@example.com` }),
  'POST /admin/organisations/{id}': (c) => ({ name: c.location.organisation.name, leadershipName: 'Chủ tịch UBND', leadershipEmail: `chu-tich-${c.location.name}@example.com` }),
  'POST /api/admin/agencies': (c) => ({ name: `Đơn vị mới ${c.n}`, headName: 'Trưởng đơn vị', headEmail: `truong-${c.n}@example.com` }),
  'POST /admin/agencies': (c) => ({ name: `Đơn vị mới ${c.n}`, headName: 'Trưởng đơn vị', headEmail: `truong-${c.n}@example.com` }),
  'PATCH /api/admin/agencies/{id}': () => ({ headName: 'Trưởng trạm', headEmail: 'truong-tram@example.com' }),
  'POST /admin/agencies/{id}': (c) => ({ name: c.location.agencyName, headName: 'Trưởng trạm', headEmail: 'truong-tram@example.com' }),
  'POST /api/admin/agencies/{id}/contacts': (c) => ({ name: 'Văn thư', email: `van-thu-${c.n}@example.com` }),
  'POST /admin/agencies/{id}/contacts': (c) => ({ name: 'Văn thư', email: `van-thu-${c.n}@example.com` }),
  'PATCH /api/admin/agencies/{id}/contacts/{contactId}': () => ({ phone: '0203 123 456' }),
  'POST /admin/agencies/{id}/contacts/{contactId}': (c) => ({ name: 'Văn thư', email: `van-thu-${c.n}@example.com`, phone: '0203 123 456' }),
  'POST /api/admin/users': (c) => ({ email: `nguoi-dung-${c.n}@example.com`, name: 'Người dùng mới', password: 'mật khẩu đủ dài 2026', role: 'leader' }),
  'POST /admin/users': (c) => ({ email: `nguoi-dung-${c.n}@example.com`, name: 'Người dùng mới', password: 'mật khẩu đủ dài 2026', role: 'leader' }),
  'POST /api/admin/users/{id}/memberships': () => ({ role: 'coordinator' }),
  // Another role than the API's call gives the same account, or it would be a second grant (409).
  'POST /admin/users/{id}/memberships': () => ({ role: 'administrator' }),
  'POST /admin/tokens': (c) => ({ role: 'coordinator', name: `Tích hợp thử ${c.n}` }),
  'POST /plans/{id}/reminder-policy': () => ({
    reminderWorkingDaysBefore: '5, 1',
    sendHour: '8',
    sendMinute: '0',
    dueToday: 'on',
    overdue: 'on',
    escalation1Days: '3',
    escalation1Audience: ['coordinator', 'agency-head'],
    repeatEveryDays: '7',
    repeatCap: '3',
    quietDays: '',
  }),
  // An address with no account: answered like any other, and nothing is sent.
  'POST /api/password-reset': (c) => ({ email: `khong-co-tai-khoan-${c.n}@example.com` }),
  'POST /password-reset': (c) => ({ email: `khong-co-tai-khoan-${c.n}@example.com` }),
  'POST /api/imports/preview': () => ({ text: PLAN_TEXT }),
  'POST /api/imports': (c) => ({
    organisation: c.location.organisation,
    plan: { number: '40/KH-UBND', title: 'Kế hoạch truyền thông về bình đẳng giới', issuedOn: c.world.daysFromToday(-5), spanFrom: Number(c.world.today.slice(0, 4)), spanTo: Number(c.world.today.slice(0, 4)) + 1, coordinator: 'Phòng Văn hóa – Xã hội' },
    agencies: [
      { name: 'Phòng Văn hóa – Xã hội', contacts: [{ name: 'Chuyên viên', email: 'vhxh@import.example' }] },
      { name: 'Trường Tiểu học', contacts: [{ name: 'Hiệu trưởng', email: 'th@import.example' }] },
    ],
    obligations: [{ reporter: 'Trường Tiểu học', ruleText: 'trước ngày 10/12 hằng năm' }],
  }),
};

const PLAN_TEXT = [
  'ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM',
  'Số: 41/KH-UBND',
  'KẾ HOẠCH Thực hiện công tác bình đẳng giới năm 2026',
  'Các cơ quan, đơn vị báo cáo kết quả về UBND xã qua Phòng Văn hóa – Xã hội trước ngày 05/11 hằng năm.',
].join('\n');

/**
 * A valid instance of a JSON schema where the schema alone says enough (required fields,
 * lengths, formats, enums, minimums), or null when it cannot (a pattern, an unknown shape).
 */
export function exampleFromSchema(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) {
    const v = exampleFromSchema(alt);
    if (v !== null) return v;
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) {
        const v = exampleFromSchema(s.properties?.[name] ?? {});
        if (v === null) return null;
        out[name] = v;
      }
      return out;
    }
    case 'array': {
      const item = s.items ? exampleFromSchema(s.items) : null;
      if ((s.minItems ?? 0) === 0) return [];
      return item === null ? null : Array.from({ length: s.minItems! }, () => item);
    }
    case 'string':
      if (s.format === 'email') return 'nguoi-dung@example.com';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'uri') return 'https://example.com/bao-cao';
      if (s.format || s.pattern) return null;
      return 'Giá trị thử nghiệm'.padEnd(s.minLength ?? 0, '.');
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function setAt(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts.at(-1)!] = value;
}

export interface PreparedRequest {
  method: string;
  url: string;
  /** undefined: no body. */
  body: unknown;
  query: Record<string, string>;
}

/**
 * The request for an operation against a location's fixtures. `resourceId` replaces the
 * fixture (a fresh copy). Throws, naming what to add, when the operation cannot be filled.
 */
export async function prepareRequest(op: Operation, c: ExampleContext, resourceId?: string): Promise<PreparedRequest> {
  const id = op.resource ? (resourceId ?? fixtureId(op, c.location)) : undefined;
  const params: Record<string, string> = {};
  for (const name of op.pathParams) {
    if (op.resource?.from === 'params' && op.resource.key === name) params[name] = id!;
    else params[name] = await otherParam(op, name, c, id);
  }
  const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!));
  const example = EXAMPLE_BODIES[op.key];
  let body: unknown = example ? await example(c) : undefined;
  if (body === undefined && op.bodySchema) {
    body = exampleFromSchema(op.bodySchema);
    if (body === null) throw new Error(`${op.key}: its body schema does not say enough for a valid example; add one to EXAMPLE_BODIES in test/helpers/operations.ts`);
  }
  if (op.resource?.from === 'body') {
    if (!body || typeof body !== 'object') throw new Error(`${op.key}: the resource is in the body (${op.resource.key}) but there is no example body; add one to EXAMPLE_BODIES`);
    body = structuredClone(body);
    setAt(body as Record<string, unknown>, op.resource.key, id);
  }
  const query: Record<string, string> = {};
  for (const [name, q] of Object.entries(op.querySchema)) {
    if (!q.required) continue;
    const v = exampleFromSchema(q.schema);
    if (v === null) throw new Error(`${op.key}: required query parameter "${name}" needs an example`);
    query[name] = String(v);
  }
  if (op.resource?.from === 'query') query[op.resource.key] = id!;
  return { method: op.method, url, body, query };
}

export function fixtureId(op: Operation, location: Location): string {
  const kind = op.resource!.kind;
  const fixture = (FIXTURES as Partial<Record<string, (l: Location) => string>>)[kind];
  if (!fixture) throw new Error(`${op.key}: no fixture for resource kind "${kind}"; add one to FIXTURES in test/helpers/operations.ts (and the world)`);
  return fixture(location);
}

/**
 * Operations the policy allows at a location but the product refuses there for a reason of
 * its own, after the access check: the matrix then expects exactly that status from those
 * allowed (the refused personas still get 401/403/404, so the access check is still tested).
 */
export const REFUSED_BY_RULE: Record<string, { status: number; why: string }> = {
  'POST /api/admin/organisations @commune': { status: 400, why: 'a commune is the lowest level: nothing is created under it' },
  'POST /admin/organisations @commune': { status: 400, why: 'a commune is the lowest level: nothing is created under it' },
  // The fixture deadlines (and their fresh copies) are open: there is no recorded report to send back.
  ...Object.fromEntries(
    ['POST /api/deadlines/{id}/return', 'POST /deadlines/{id}/return'].flatMap((op) =>
      ['commune', 'province'].map((l) => [`${op} @${l}`, { status: 409, why: 'only a recorded report can be sent back, and the fixture deadline is open' }]),
    ),
  ),
  // The fixture deadlines are not due yet: an urging letter is drafted only for an overdue one.
  ...Object.fromEntries(
    ['commune', 'province'].map((l) => [`GET /api/deadlines/{id}/urging-letter.docx @${l}`, { status: 409, why: 'the fixture deadline is not overdue: no agency is urged before its last day' }]),
  ),
};

/** What the policy table says a persona gets: allowed, or the refusal's status. */
export type Expected = { allowed: true } | { allowed: false; status: 401 | 403 | 404 };

const isAction = (a: string): a is Action => Object.hasOwn(POLICY, a);

/** `places`: where the operation's resource lives (src/services/access.ts loadResources), null without one. */
export function expectedAnswer(persona: Persona, op: Operation, places: Resource[] | null): Expected {
  // A token that is unknown or revoked is refused outright, before any route (src/api/authentication.ts).
  if (persona.credential.kind === 'revoked-token' || persona.credential.kind === 'expired-link') return { allowed: false, status: 401 };
  if (op.action === 'public') return { allowed: true };
  const p: Principal = persona.principal;
  if (p.kind === 'anonymous') return { allowed: false, status: 401 };
  if (op.action === 'signed-in') return { allowed: true };
  if (!isAction(op.action)) throw new Error(`${op.key}: x-hbc-action "${op.action}" is not in the policy table`);
  if (!op.resource) return canSomewhere(p, op.action) ? { allowed: true } : { allowed: false, status: 403 };
  if (!places?.length) throw new Error(`${op.key}: the fixture ${op.resource.kind} does not exist`);
  const action = op.action;
  if (places.some((r) => can(p, action, r))) return { allowed: true };
  const see = SEE[op.resource.kind];
  return { allowed: false, status: places.some((r) => can(p, see, r)) ? 403 : 404 };
}

/** Whether the method changes state (a change needs a fresh copy of what it acts on). */
export const isSafe = (method: string) => method === 'GET' || method === 'HEAD';
