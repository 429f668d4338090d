// Hostile requests to every operation of /openapi.json, sent as a persona the policy table
// allows to perform it, and what every answer must be: 2xx, a redirect to a page of this
// site, or a 4xx with the error shape (an HTML page only where a page was asked for); never
// 5xx; every page shows what was typed as text, without bidi controls; after a 4xx every
// table holds as many rows as before; no prototype polluted.
// Shared by test/api/hostile-input.test.ts and scripts/fuzz.ts (vitest-free: callers assert).
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { Prisma } from '../../src/generated/prisma/client';
import { loadResources } from '../../src/services/access';
import type { AuthzWorld, Persona } from './authz-world';
import { CONTENT_TYPES, encodeText, hostileHeaders, hostileId, hostileQuery, mutate, mutation, RawJson, strangeBody, toJsonText } from './hostile-values';
import { expectedAnswer, fixtureId, isSafe, prepareRequest, type Operation } from './operations';

type Body = { kind: 'none' } | { kind: 'example' } | { kind: 'mutated'; mutation: Parameters<typeof mutate>[1] } | { kind: 'strange'; raw: RawJson };

export interface HostileRequest {
  persona: Persona;
  /** 'fixture', 'fresh' (a new copy of the fixture deadline) or a hostile id. */
  id: { kind: 'fixture' } | { kind: 'fresh' } | { kind: 'hostile'; value: string; raw: boolean };
  body: Body;
  contentType: string;
  query: string;
  headers: Record<string, string>;
}

export interface Violation {
  op: string;
  problem: string;
  request: string;
}

export interface FuzzSummary {
  seed: number;
  requests: number;
  /** Per operation, how many answers of each status. */
  statuses: Record<string, Record<number, number>>;
  violations: Violation[];
}

/** Kinds of things a change may use up, so some requests act on a fresh copy (AuthzWorld.freshCopy). */
const COPIED = new Set(['deadline', 'contact', 'membership', 'reply']);
/** Kinds a change may remove altogether: changes to them act on fresh copies only, so the fixture outlives the run. */
const REMOVABLE = new Set(['contact', 'membership']);

/** The personas the policy table lets perform the operation on the commune's fixture. */
export async function performers(world: AuthzWorld, op: Operation): Promise<Persona[]> {
  const location = world.locations.commune;
  const places = op.resource ? await loadResources(world.deps, op.resource.kind, fixtureId(op, location)) : null;
  const allowed = world.personas.filter((p) => expectedAnswer(p, op, places).allowed);
  if (!allowed.length) throw new Error(`${op.key}: no persona of the world may perform it; add one to test/helpers/authz-world.ts`);
  return allowed;
}

export function hostileRequests(op: Operation, personas: Persona[]): fc.Arbitrary<HostileRequest> {
  const inPath = op.resource?.from === 'params';
  const canCopy = inPath && !!op.resource && COPIED.has(op.resource.kind) && !isSafe(op.method);
  const bodies: fc.Arbitrary<Body> = isSafe(op.method)
    ? fc.oneof({ weight: 5, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: strangeBody.map((raw) => ({ kind: 'strange' as const, raw })) })
    : fc.oneof(
        { weight: 6, arbitrary: mutation.map((m) => ({ kind: 'mutated' as const, mutation: m })) },
        { weight: 2, arbitrary: strangeBody.map((raw) => ({ kind: 'strange' as const, raw })) },
        { weight: 1, arbitrary: fc.constant({ kind: 'example' as const }) },
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      );
  return fc.record({
    persona: fc.constantFrom(...personas),
    id: inPath
      ? fc.oneof(
          { weight: canCopy && REMOVABLE.has(op.resource!.kind) ? 0 : 4, arbitrary: fc.constant({ kind: 'fixture' as const }) },
          { weight: canCopy ? 1 : 0, arbitrary: fc.constant({ kind: 'fresh' as const }) },
          { weight: 2, arbitrary: fc.record({ kind: fc.constant('hostile' as const), value: hostileId, raw: fc.boolean() }) },
        )
      : fc.constant({ kind: 'fixture' as const }),
    body: bodies,
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
    query: fc.oneof(fc.constant(''), hostileQuery),
    headers: hostileHeaders,
  });
}

/** Rows per table; sessions only when signed in (a form page may open an anonymous one for its CSRF secret). */
async function rowCounts(world: AuthzWorld): Promise<Record<string, number>> {
  // Every model is a table of the same name (no @@map): the list is the client's, not a
  // catalog query, so this SQL runs on SQLite and PostgreSQL alike (quoted names, COUNT as bigint).
  const tables = Object.values(Prisma.ModelName).sort();
  const select = tables.map((t) => `(SELECT COUNT(*) FROM "${t}"${t === 'Session' ? ' WHERE "userId" IS NOT NULL' : ''}) AS "${t}"`).join(', ');
  const [row] = await world.db.$queryRawUnsafe<Record<string, number | bigint>[]>(`SELECT ${select}`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

function bodyText(body: unknown, contentType: string): string {
  if (contentType === 'application/x-www-form-urlencoded' && body && typeof body === 'object' && !(body instanceof RawJson)) {
    return Object.entries(body).map(([k, v]) => `${encodeText(k)}=${encodeText(typeof v === 'string' ? v : toJsonText(v))}`).join('&');
  }
  return toJsonText(body);
}

let counter = 0;

/** How long an answer may take: far beyond any real one, so only a request left hanging reaches it. */
export const ANSWER_CAP_MS = 30_000;

/** The answer, or an error saying none came (a request the server never answers is a finding too). */
export function answerWithin<T>(answer: Promise<T>, capMs = ANSWER_CAP_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${capMs / 1000} s`)), capMs);
  });
  return Promise.race([answer, cap]).finally(() => clearTimeout(timer));
}

/** Sends one hostile request and returns what is wrong with its answer. */
export async function sendHostile(world: AuthzWorld, op: Operation, r: HostileRequest): Promise<{ status: number; problems: string[]; request: string }> {
  const location = world.locations.commune;
  const copy = r.id.kind === 'fresh' ? ((await world.freshCopy(op.resource!.kind, 'commune')) ?? undefined) : undefined;
  const base = await prepareRequest(op, { world, location, n: ++counter }, copy);
  let url = base.url;
  if (r.id.kind === 'hostile') {
    const fixture = encodeURIComponent(fixtureId(op, location));
    const raw = r.id.raw && /^[\x21-\x7e]*$/.test(r.id.value);
    url = url.replace(fixture, raw ? r.id.value : encodeText(r.id.value));
  }
  const fixedQuery = new URLSearchParams(base.query).toString();
  const query = [fixedQuery, r.query].filter(Boolean).join('&');
  const body = r.body.kind === 'none' ? undefined : r.body.kind === 'example' ? base.body : r.body.kind === 'mutated' ? mutate(base.body ?? {}, r.body.mutation) : r.body.raw;
  const payload = body === undefined ? undefined : bodyText(body, r.contentType);
  const auth = await world.authenticate(r.persona);
  const headers: Record<string, string> = { accept: 'application/json', ...auth.headers, ...r.headers };
  if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
  const request = `${op.method} ${(url + (query ? `?${query}` : '')).slice(0, 200)} as ${r.persona.name}; headers ${JSON.stringify(r.headers).slice(0, 200)}; ${payload === undefined ? 'no body' : `${headers['content-type'] ?? 'no content type'}: ${payload.slice(0, 300)}${payload.length > 300 ? `... (${payload.length} chars)` : ''}`}`;

  const send = () => answerWithin(world.app.inject({ method: op.method as 'GET', url: url + (query ? `?${query}` : ''), headers, cookies: auth.cookies, remoteAddress: auth.remoteAddress, ...(payload === undefined ? {} : { payload }) }));
  let res: LightMyRequestResponse | undefined;
  const problems: string[] = [];
  // Rows written while an activity ran may be the worker's, not the request's: a refused
  // request changes nothing, so it is sent again once the worker is quiet (at most twice more).
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (world.activities.running > 0) await world.settle(100);
    const startedBefore = world.activities.started;
    const before = await rowCounts(world);
    try {
      res = await send();
    } catch (err) {
      // A hanging request keeps running; the next ones are still sent and judged.
      return { status: 0, problems: [`the request was not answered: ${(err as Error).message}`], request };
    }
    if (res.statusCode < 400 || res.statusCode >= 500) break;
    const after = await rowCounts(world);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    if (!changed.length) break;
    if (world.activities.started === startedBefore && world.activities.running === 0) {
      problems.push(`answered ${res.statusCode} but changed the row count of ${changed.map((t) => `${t} (${before[t]} -> ${after[t]})`).join(', ')}`);
      break;
    }
    await world.settle(200);
  }
  problems.push(...checkAnswer(res!, url).map((p) => (res!.statusCode >= 500 ? `${p}\n    logged: ${loggedError(world, res!)}` : p)));
  // A change runs on in the worker (notices, replanning): let it finish before the next request is measured.
  if (res!.statusCode < 400 && !isSafe(op.method)) await world.settle(150);
  if (Object.keys(Object.prototype).length || ({} as Record<string, unknown>).polluted !== undefined) {
    problems.push(`Object.prototype was polluted: ${Object.keys(Object.prototype).join(', ')}`);
    for (const k of Object.keys(Object.prototype)) delete (Object.prototype as Record<string, unknown>)[k];
  }
  return { status: res!.statusCode, problems, request };
}

/** The error the app logged for a 5xx answer (its message and the top of its stack). */
function loggedError(world: AuthzWorld, res: LightMyRequestResponse): string {
  const line = world.errorLog.find((l) => l.includes(String(res.headers['x-request-id'])));
  if (!line) return '(nothing logged)';
  const err = (JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string } }).err;
  return `${err?.type ?? ''}: ${err?.message ?? ''} ${(err?.stack ?? '').split('\n').slice(1, 4).join(' ')}`.slice(0, 600);
}

/** Markup the generated strings carry (SPECIAL_STRINGS), which a page must show as text. */
const ECHOED_MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** What is wrong with a page, whatever it shows: null when nothing. */
function pageProblem(body: string): string | null {
  if (!body.includes('<html')) return `is not one: ${body.slice(0, 200)}`;
  if (STACK.test(body)) return 'shows a stack trace';
  const markup = ECHOED_MARKUP.find((m) => body.includes(m));
  if (markup) return `shows what someone typed as markup: ${markup}`;
  if (BIDI_CONTROLS.test(body)) return 'carries bidirectional control characters (the renderer strips them from every text and attribute)';
  return null;
}

/** A stack frame ("    at f (src/a.ts:1:2)"), as a 5xx body or a page might leak one. */
const STACK = /\n\s+at [^\n]*:\d+:\d+|node:internal|\.ts:\d+:\d+/;

/** What is wrong with one answer, whatever was sent. */
export function checkAnswer(res: LightMyRequestResponse, url: string): string[] {
  const s = res.statusCode;
  const type = String(res.headers['content-type'] ?? '');
  if (s >= 500 || s < 200) return [`answered ${s}: ${res.body.slice(0, 300)}`];
  if (s >= 300 && s < 400) {
    const location = String(res.headers.location ?? '');
    return /^\/(?![/\\])/.test(location) ? [] : [`redirected off this site: ${location.slice(0, 200)}`];
  }
  if (type.startsWith('text/html')) {
    const page = pageProblem(res.body);
    if (page) return [`answered ${s} with a page that ${page}`];
  }
  if (s < 400) return [];
  if (type.startsWith('text/html')) return url.startsWith('/api/') ? [`the API answered ${s} with an HTML page`] : [];
  if (!type.startsWith('application/json')) return [`answered ${s} as ${type || 'no content type'}: ${res.body.slice(0, 200)}`];
  let body: Record<string, unknown>;
  try {
    body = res.json();
  } catch {
    return [`answered ${s} with JSON that does not parse: ${res.body.slice(0, 200)}`];
  }
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const shapeOk =
    typeof body.error === 'string' &&
    typeof body.message === 'string' && body.message.length > 0 &&
    typeof body.messageEn === 'string' && body.messageEn.length > 0 &&
    strings(body.details) && strings(body.detailsEn) &&
    typeof body.requestId === 'string' && body.requestId === res.headers['x-request-id'];
  if (!shapeOk) return [`answered ${s} without the error shape {error, message, messageEn, details, detailsEn, requestId}: ${res.body.slice(0, 300)}`];
  if (STACK.test(`${String(body.message)}\n${String(body.messageEn)}\n${(body.details as string[]).join('\n')}`)) return [`answered ${s} with a stack trace: ${res.body.slice(0, 300)}`];
  return [];
}

/**
 * `runs` hostile requests in total, spread evenly over the operations (each gets at least
 * one). Every violation is collected, none stops the run, so a fuzzing session reports all.
 */
export async function fuzz(world: AuthzWorld, ops: Operation[], opts: { runs: number; seed?: number; onOperation?: (op: Operation, done: number) => void }): Promise<FuzzSummary> {
  const seed = opts.seed ?? Date.now() % 2 ** 31;
  const perOperation = Math.max(1, Math.ceil(opts.runs / ops.length));
  const summary: FuzzSummary = { seed, requests: 0, statuses: {}, violations: [] };
  for (const op of ops) {
    const arb = hostileRequests(op, await performers(world, op));
    const statuses: Record<number, number> = (summary.statuses[op.key] = {});
    await fc.check(
      fc.asyncProperty(arb, async (r) => {
        const { status, problems, request } = await sendHostile(world, op, r);
        summary.requests += 1;
        statuses[status] = (statuses[status] ?? 0) + 1;
        for (const problem of problems) summary.violations.push({ op: op.key, problem, request });
        return true;
      }),
      { numRuns: perOperation, seed },
    );
    opts.onOperation?.(op, summary.requests);
  }
  return summary;
}
