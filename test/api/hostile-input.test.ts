// Hostile input, property-based: for every operation of /openapi.json, generated bodies,
// query strings and headers (wrong types, huge and strange strings, bidi controls and NUL,
// deep nesting, prototype-pollution keys, ids that climb out of their path, injection text,
// wrong content types, absurd numbers, impossible days), sent as a persona the policy table
// allows to perform it. Every answer is 2xx, a redirect within the site, or a 4xx with the
// bilingual error shape; never 5xx; pages show what was typed as text; a refused request
// leaves every table as it was.
// `npm run fuzz` runs the same properties many more times (scripts/fuzz.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthzWorld, type AuthzWorld } from '../helpers/authz-world';
import { answerWithin, checkAnswer, fuzz } from '../helpers/hostile-input';
import { readOperations, type Operation } from '../helpers/operations';

/** Requests in total in the normal test command, spread over the operations. */
const HOSTILE_RUNS = 1_000;

describe('hostile input to every operation of /openapi.json', () => {
  let world: AuthzWorld;
  let ops: Operation[];

  beforeAll(async () => {
    world = await startAuthzWorld();
    ops = await readOperations(world);
  }, 240_000);

  afterAll(async () => {
    await world?.close();
  });

  // What the properties found, kept as named cases (each failed before its fix).
  describe('findings', () => {
    const asCoordinator = async () => (await world.authenticate(world.personas.find((p) => p.name === 'commune-coordinator-token')!)).headers;

    it('takes roll-ups to two recipients whose names differ only in case or punctuation as two obligations (their ids once collided: 500)', async () => {
      const url = `/api/plans/${world.locations.commune.plan}/rollup`;
      const headers = await asCoordinator();
      const ruleText = 'trước ngày 25/11 hằng năm';
      const answers = [];
      for (const recipient of ['Sở Nội vụ', 'Sở nội vụ', 'Sở Nội vụ.']) answers.push(await world.app.inject({ method: 'POST', url, headers, payload: { ruleText, recipient } }));
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => a.json().obligationId)).size).toBe(3);
    });

    it('imports agencies, campaigns and plans whose names differ only in case or accents (their ids once collided: 500)', async () => {
      const headers = await asCoordinator();
      const org = world.locations.commune.organisation;
      const draft = (number: string) => ({
        organisation: org,
        plan: { number, title: 'Kế hoạch tên gần giống nhau', issuedOn: world.daysFromToday(-3), spanFrom: Number(world.today.slice(0, 4)), spanTo: Number(world.today.slice(0, 4)) },
        agencies: [{ name: 'Trạm Y tế Thôn' }, { name: 'Trạm y tế thôn' }, { name: '\u202E\u202E' }],
        obligations: [{ reporter: 'Trạm Y tế Thôn', ruleText: 'trước ngày 10/12 hằng năm' }, { reporter: 'Trạm y tế thôn', ruleText: 'trước ngày 10/12 hằng năm' }],
        campaigns: [{ name: 'Tháng hành động', start: '11-15', end: '12-15' }, { name: 'Tháng Hành Động', start: '11-15', end: '12-15' }],
      });
      const first = await world.app.inject({ method: 'POST', url: '/api/imports', headers, payload: draft('77/KH-UBND') });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().created).toMatchObject({ agencies: 3, obligations: 2, campaigns: 2, plan: true });
      const second = await world.app.inject({ method: 'POST', url: '/api/imports', headers, payload: { ...draft('77/KH-UBNĐ'), agencies: [{ name: 'TRẠM Y TẾ THÔN' }, { name: '😀😀' }], obligations: [], campaigns: [] } });
      expect(second.statusCode, second.body).toBe(201);
      expect(second.json().created).toMatchObject({ agencies: 2, plan: true });
      // Importing the first again finds every row by its natural key and derives nothing new.
      const again = await world.app.inject({ method: 'POST', url: '/api/imports', headers, payload: draft('77/KH-UBND') });
      expect([again.statusCode, again.json().planId, again.json().created]).toEqual([201, first.json().planId, { agencies: 0, obligations: 0, campaigns: 0, plan: false }]);
    });

    it('refuses an extension or an ad-hoc request dated beyond the longest plan span (a last day in 2200 left the workflow failing and the request unanswered)', async () => {
      const headers = await asCoordinator();
      const { commune } = world.locations;
      const farAway = `${Number(world.today.slice(0, 4)) + 51}-06-30`;
      const answers = [];
      for (const newLastDay of ['2200-12-31', farAway]) {
        const url = `/api/deadlines/${await world.freshDeadline('commune')}/extension`;
        answers.push(await answerWithin(world.app.inject({ method: 'POST', url, headers, payload: { newLastDay, reason: 'Chờ số liệu', grantedBy: 'Chủ tịch UBND' } })));
      }
      const adhoc = { title: 'Báo cáo đột xuất xa xôi', agencyIds: [commune.agency], lastDay: '2200-12-31', requestedBy: 'Chuyên viên' };
      answers.push(await answerWithin(world.app.inject({ method: 'POST', url: `/api/plans/${commune.plan}/adhoc-requests`, headers, payload: adhoc })));
      expect(answers.map((a) => [a.statusCode, a.json().details])).toEqual([
        [400, [expect.stringMatching(/^newLastDay: /)]],
        [400, [expect.stringMatching(/^newLastDay: /)]],
        [400, [expect.stringMatching(/^lastDay: /)]],
      ]);
      // Fifty years ahead is still a day the calculus plans for: the longest plan runs that long.
      const url = `/api/deadlines/${await world.freshDeadline('commune')}/extension`;
      const inSpan = await answerWithin(world.app.inject({ method: 'POST', url, headers, payload: { newLastDay: world.daysFromToday(49 * 365), reason: 'Chờ số liệu', grantedBy: 'Chủ tịch UBND' } }));
      expect(inSpan.statusCode, inSpan.body).toBe(200);
    });

    it('refuses a report recorded as received on a day still to come (year 9999 was recorded, late, and closed the deadline)', async () => {
      const headers = await asCoordinator();
      const tomorrow = `${world.daysFromToday(1)}T02:00:00Z`;
      const answers = [];
      for (const submittedAt of ['9999-12-31T23:59:59.999+23:59', tomorrow]) {
        const url = `/api/deadlines/${await world.freshDeadline('commune')}/submission`;
        answers.push(await answerWithin(world.app.inject({ method: 'POST', url, headers, payload: { submittedBy: 'Văn thư', submittedAt } })));
      }
      expect(answers.map((a) => [a.statusCode, a.json().details])).toEqual([
        [400, [expect.stringMatching(/^submittedAt: /)]],
        [400, [expect.stringMatching(/^submittedAt: /)]],
      ]);
      // Earlier today is when a clerk records most reports.
      const url = `/api/deadlines/${await world.freshDeadline('commune')}/submission`;
      const today = await answerWithin(world.app.inject({ method: 'POST', url, headers, payload: { submittedBy: 'Văn thư', submittedAt: new Date().toISOString() } }));
      expect(today.statusCode, today.body).toBe(201);
    });

    it('bounds the lists and texts of a request: 40,000 agency ids were a 500, 20,000 agencies held the database for a minute, a rule of 600 KB was stored', async () => {
      const headers = await asCoordinator();
      const { commune } = world.locations;
      const many = Array.from({ length: 40_000 }, (_, i) => `a${i}`);
      const adhoc = await answerWithin(world.app.inject({ method: 'POST', url: `/api/plans/${commune.plan}/adhoc-requests`, headers, payload: { title: 'Báo cáo đột xuất', agencyIds: many, lastDay: world.daysFromToday(30), requestedBy: 'Chuyên viên' } }));
      const plan = { number: '92/KH-UBND', title: 'Kế hoạch rất dài', issuedOn: world.daysFromToday(-1), spanFrom: Number(world.today.slice(0, 4)), spanTo: Number(world.today.slice(0, 4)) };
      const agencies = Array.from({ length: 20_000 }, (_, i) => ({ name: `Đơn vị số ${i}` }));
      const big = await answerWithin(world.app.inject({ method: 'POST', url: '/api/imports', headers, payload: { organisation: commune.organisation, plan, agencies } }));
      const longRule = { reporter: 'Đơn vị A', ruleText: `trước ngày 05/11 hằng năm ${'x '.repeat(300_000)}` };
      const rule = await answerWithin(world.app.inject({ method: 'POST', url: '/api/imports', headers, payload: { organisation: commune.organisation, plan, agencies: [{ name: 'Đơn vị A' }], obligations: [longRule] } }));
      expect([adhoc, big, rule].map((a) => [a.statusCode, a.json().details])).toEqual([
        [400, [expect.stringMatching(/^agencyIds: /)]],
        [400, [expect.stringMatching(/^agencies: /)]],
        [400, [expect.stringMatching(/^obligations\.0\.ruleText: /)]],
      ]);
      expect(await world.db.plan.count({ where: { number: '92/KH-UBND' } })).toBe(0);
    });

    it('refuses text with a lone UTF-16 surrogate, which the database driver cannot take (sign-in answered 500, a report note would have failed its activity for ever)', async () => {
      const headers = { ...(await asCoordinator()), 'content-type': 'application/json' };
      const lone = '\\ud800';
      const sent = [
        ['/api/session', `{"email":"a${lone}@example.com","password":"x"}`],
        [`/api/deadlines/${await world.freshDeadline('commune')}/submission`, `{"submittedBy":"Văn thư","note":"ghi chú ${lone}"}`],
        [`/api/plans/${world.locations.commune.plan}/rollup`, `{"ruleText":"trước ngày 20/11 hằng năm","recipient":"Sở \\udfff${lone}"}`],
      ];
      const answers = [];
      for (const [url, payload] of sent) answers.push(await answerWithin(world.app.inject({ method: 'POST', url: url!, headers, payload })));
      expect(answers.map((a) => [a.statusCode, a.json().details])).toEqual([
        [400, [expect.stringMatching(/^email: /)]],
        [400, [expect.stringMatching(/^note: /)]],
        [400, [expect.stringMatching(/^recipient: /)]],
      ]);
      // A pair is one character (an emoji) and fine.
      const pair = await answerWithin(world.app.inject({ method: 'POST', url: `/api/plans/${world.locations.commune.plan}/rollup`, headers, payload: '{"ruleText":"trước ngày 20/11 hằng năm","recipient":"Sở \\ud83d\\ude00"}' }));
      expect(pair.statusCode, pair.body).toBe(201);
    });
  });

  it('never answers 5xx, answers every refusal with the bilingual error shape, and leaves nothing half-written', async () => {
    const summary = await fuzz(world, ops, { runs: HOSTILE_RUNS });
    const found = summary.violations.map((v) => `${v.op}: ${v.problem}\n    sent: ${v.request}`);
    expect(found, `fast-check seed ${summary.seed}`).toEqual([]);
    expect(summary.requests).toBeGreaterThanOrEqual(HOSTILE_RUNS);
    expect(Object.keys(summary.statuses).sort()).toEqual(ops.map((o) => o.key).sort());
    // Not vacuous: hostile requests were refused (4xx) and some still went through (2xx) on the way.
    const all = Object.values(summary.statuses).flatMap((byStatus) => Object.entries(byStatus));
    expect(all.some(([s]) => Number(s) >= 400)).toBe(true);
    expect(all.some(([s]) => Number(s) < 300)).toBe(true);
  }, 900_000);

  it('judges answers as the properties claim: a 5xx, an off-site redirect, a bare 4xx, an HTML answer from the API, echoed markup and bidi controls in a page are each caught', async () => {
    const answer = (statusCode: number, headers: Record<string, string>, body: string) => ({ statusCode, headers, body, json: () => JSON.parse(body) }) as never;
    const shape = JSON.stringify({ error: 'invalid-input', message: 'Dữ liệu không hợp lệ', messageEn: 'Invalid input', details: [], detailsEn: [], requestId: 'r1' });
    expect(checkAnswer(answer(400, { 'content-type': 'application/json', 'x-request-id': 'r1' }, shape), '/api/x')).toEqual([]);
    expect(checkAnswer(answer(500, { 'content-type': 'application/json' }, '{}'), '/api/x')).toHaveLength(1);
    expect(checkAnswer(answer(303, { location: '//evil.example/' }, ''), '/sign-in')).toHaveLength(1);
    expect(checkAnswer(answer(400, { 'content-type': 'application/json', 'x-request-id': 'r1' }, '{"error":"x"}'), '/api/x')).toHaveLength(1);
    expect(checkAnswer(answer(404, { 'content-type': 'text/html' }, '<html></html>'), '/api/x')).toHaveLength(1);
    const stack = JSON.stringify({ ...JSON.parse(shape), details: ['TypeError: x\n    at f (src/a.ts:1:2)'] });
    expect(checkAnswer(answer(400, { 'content-type': 'application/json', 'x-request-id': 'r1' }, stack), '/api/x')).toHaveLength(1);
    const page = (inner: string) => answer(200, { 'content-type': 'text/html; charset=utf-8' }, `<!DOCTYPE html><html lang="vi"><body>${inner}</body></html>`);
    expect(checkAnswer(page('&lt;script&gt;alert(1)&lt;/script&gt;'), '/deadlines/x')).toEqual([]);
    expect(checkAnswer(page('<script>alert(1)</script>'), '/deadlines/x')).toHaveLength(1);
    expect(checkAnswer(page('Trạm \u202E Y tế'), '/deadlines/x')).toHaveLength(1);
  });
});
