// The authorisation matrix: every operation of /openapi.json called by every persona of
// the world (every role of the policy table in a province and in a commune under it, people
// of a sibling commune and of a commune outside the province, tokens, anonymous, an expired
// session, a revoked token), each answer checked against the policy table itself. Routes
// are read from the document, so a route added later is covered without an edit here.
//
// One world for every call, on the real Temporal dev server with a worker, so an allowed
// change really happens. Denials run before the allowed calls of each operation, and an
// allowed change of a deadline acts on its own fresh copy, so no earlier call hides a later
// answer; elsewhere a 409 is accepted only after an allowed call of the same operation on
// the same thing succeeded (a campaign's results recorded twice).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, type Principal, type Resource } from '../../src/auth/policy';
import { loadResources } from '../../src/services/access';
import { startAuthzWorld, type AuthzWorld, type LocationName } from '../helpers/authz-world';
import { expectedAnswer, fixtureId, isSafe, prepareRequest, readOperations, REFUSED_BY_RULE, type Expected, type Operation } from '../helpers/operations';

const ERROR_CODE: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' };

interface Call {
  op: string;
  location: LocationName | '-';
  persona: string;
  expected: string;
  status: number;
  problem: string | null;
}

function describeExpected(e: Expected): string {
  return e.allowed ? 'allowed' : String(e.status);
}

/** What is wrong with an answer, or null. `changedBefore`: an allowed change of this operation already succeeded on the same thing. */
function judge(e: Expected, res: LightMyRequestResponse, changedBefore: boolean, refusedByRule?: { status: number; why: string }): string | null {
  if (res.statusCode >= 500) return `server error ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (e.allowed && refusedByRule) {
    return res.statusCode === refusedByRule.status ? null : `allowed, and expected the product's own refusal ${refusedByRule.status} (${refusedByRule.why}), answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  }
  if (e.allowed) {
    if (res.statusCode >= 200 && res.statusCode < 300) return null;
    // A form that signs in or out answers with a redirect to a page of this site (a refusal never
    // does: these requests ask for JSON, so a page refuses with 401/403/404 like the API).
    if (res.statusCode === 303 && /^\/(?![/\\])/.test(String(res.headers.location))) return null;
    if (res.statusCode === 409 && changedBefore) return null;
    const hint = res.statusCode === 400 ? ' (is the example body in test/helpers/operations.ts still valid?)' : '';
    return `allowed by the policy table but answered ${res.statusCode}${hint}: ${res.body.slice(0, 300)}`;
  }
  if (res.statusCode !== e.status) return `expected ${e.status}, answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  const body = res.json() as Record<string, unknown>;
  if (body.error !== ERROR_CODE[e.status]) return `answered ${res.statusCode} with error "${String(body.error)}" instead of "${ERROR_CODE[e.status]}"`;
  if (!body.message || !body.messageEn || !body.requestId) return `answer without its bilingual message or request id: ${res.body.slice(0, 300)}`;
  return null;
}

describe('authorisation: every operation of /openapi.json as every persona, against the policy table', () => {
  let world: AuthzWorld;
  let ops: Operation[];
  const calls: Call[] = [];
  let fixturesBefore: unknown;

  const fixtureState = () =>
    Promise.all(
      (['commune', 'province'] as const).map(async (l) => {
        const id = world.locations[l].deadline;
        const d = await world.db.deadline.findUniqueOrThrow({ where: { id }, include: { submissions: true } });
        const manual = await world.db.deadlineEvent.count({ where: { deadlineId: id, type: { in: ['reminder-requested', 'extended', 'waived', 'submitted'] } } });
        return { id, status: d.status, lastDay: d.lastDay, revision: d.revision, submissions: d.submissions.length, manual };
      }),
    );

  /** The fixture deadlines and where they live: a list or page must name them only to those who may read them. */
  let deadlines: { id: string; resource: Resource }[];
  let seenInLists = 0;
  function leak(principal: Principal, body: string): string | null {
    for (const d of deadlines) {
      if (!body.includes(d.id)) continue;
      if (!can(principal, 'deadline.read', d.resource)) return `names deadline ${d.id}, which the policy table does not let this persona read`;
      seenInLists += 1;
    }
    return null;
  }

  beforeAll(async () => {
    world = await startAuthzWorld();
    ops = await readOperations(world);
    fixturesBefore = await fixtureState();
    deadlines = await Promise.all(Object.values(world.locations).map(async (l) => ({ id: l.deadline, resource: (await loadResources(world.deps, 'deadline', l.deadline))[0]! })));
  }, 240_000);

  afterAll(async () => {
    await world?.close();
  });

  it('can call every operation: a known action, a fixture for its resource kind, a valid body where one is needed', async () => {
    expect(ops.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let n = 0;
    for (const op of ops) {
      if (op.action !== 'public' && op.action !== 'signed-in' && !(ACTIONS as string[]).includes(op.action)) problems.push(`${op.key}: unknown action ${op.action}`);
      for (const location of Object.values(world.locations)) {
        try {
          await prepareRequest(op, { world, location, n: ++n });
        } catch (err) {
          problems.push((err as Error).message);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers 2xx only where the table allows, 401 to anonymous, expired and revoked, 404 where the thing is not theirs to see, 403 where it is seen but not theirs to change; never 5xx; no list names what the caller may not read', async () => {
    let n = 0;
    for (const op of ops) {
      const locations: LocationName[] = op.resource ? ['commune', 'province'] : ['commune'];
      for (const name of locations) {
        const location = world.locations[name];
        const places: Resource[] | null = op.resource ? await loadResources(world.deps, op.resource.kind, fixtureId(op, location)) : null;
        const plan = world.personas.map((persona) => ({ persona, expected: expectedAnswer(persona, op, places) }));
        // Refusals first: none of them may change anything, and the allowed calls then start from the fixture as it was.
        plan.sort((a, b) => Number(a.expected.allowed) - Number(b.expected.allowed));
        let changed = false;
        for (const plotted of plan) {
          const { persona } = plotted;
          let { expected } = plotted;
          let copy: string | undefined;
          if (expected.allowed && !isSafe(op.method) && op.resource) {
            copy = (await world.freshCopy(op.resource.kind, name)) ?? undefined;
            if (copy) {
              // The copy must live where the fixture lives, or the expectation would not hold for
              // it; only a deadline's own id differs, which a signed link's holder is bound to,
              // so that persona's answer is read from the table for the copy itself.
              const copyPlaces = await loadResources(world.deps, op.resource.kind, copy);
              const where = (rs: Resource[] | null) => rs?.map(({ deadlineId: _, ...r }) => r);
              expect(where(copyPlaces)).toEqual(where(places));
              expected = expectedAnswer(persona, op, copyPlaces);
            }
          }
          const req = await prepareRequest(op, { world, location, n: ++n }, copy);
          const auth = await world.authenticate(persona);
          const res = await world.app.inject({
            method: req.method as 'GET',
            url: req.url,
            query: req.query,
            headers: { accept: 'application/json', ...auth.headers },
            cookies: auth.cookies,
            remoteAddress: auth.remoteAddress,
            ...(req.body === undefined ? {} : { payload: req.body as object }),
          });
          const problem = judge(expected, res, changed, REFUSED_BY_RULE[`${op.key} @${name}`]) ?? (op.resource ? null : leak(persona.principal, res.body));
          // A form's success is a redirect (303) to the saved page.
          if (expected.allowed && res.statusCode < 400 && !isSafe(op.method) && !copy) changed = true;
          calls.push({ op: op.key, location: op.resource ? name : '-', persona: persona.name, expected: describeExpected(expected), status: res.statusCode, problem });
        }
      }
    }
    const wrong = calls.filter((c) => c.problem).map((c) => `${c.op} [${c.location}] as ${c.persona}: ${c.problem}`);
    expect(wrong).toEqual([]);

    // The matrix is not vacuous: every operation and persona was called, and every answer kind occurred.
    expect(new Set(calls.map((c) => c.op))).toEqual(new Set(ops.map((o) => o.key)));
    expect(new Set(calls.map((c) => c.persona))).toEqual(new Set(world.personas.map((p) => p.name)));
    expect(new Set(calls.map((c) => c.expected))).toEqual(new Set(['allowed', '401', '403', '404']));
    // and the lists do name the fixture deadlines to those who may read them, so the leak check above can fail.
    expect(seenInLists).toBeGreaterThan(0);
  }, 1_500_000); // every route × about 20 personas × two places: 450 s on a loaded 2-core machine before the exports and replies added theirs

  it('left the fixture deadlines as they were: every change the table refused changed nothing', async () => {
    expect(calls.length).toBeGreaterThan(0);
    expect(await fixtureState()).toEqual(fixturesBefore);
  });
});
