// The board's SQL (src/stores/board.store.ts) against the domain: on a generated data set
// (bench/board-data.ts, small) plus rows on the edges of the rules (a report at 23:59 and at
// 00:00 local time on the last day, overdue only since a weekend, late by a weekend only),
// readBoard must give exactly what the domain gives when every row is decided in memory by
// boardEntry: counts, ageing, totals, every page in order, the rates and the chart, for
// many filters and every sort. The reference below is the board's former in-memory code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PROVINCE, communeId, generateBoardData } from '../../bench/board-data';
import type { Principal } from '../../src/auth/policy';
import { countBoard, ratesOf } from '../../src/domain/board';
import { foldForSearch } from '../../src/domain/text';
import { boardRows, readBoard, readBoardRows, type BoardRow } from '../../src/services/board';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';

const NOW = new Date('2026-11-16T03:00:00Z'); // Monday 16/11/2026, 10:00 local
const collator = new Intl.Collator('vi');
const province: Principal = { kind: 'token', id: 't', label: 't', grants: [{ organisationId: BENCH_PROVINCE, role: 'coordinator' }] };
const commune: Principal = { kind: 'token', id: 't', label: 't', grants: [{ organisationId: communeId(1), role: 'coordinator' }] };
const agencyUser: Principal = { kind: 'token', id: 't', label: 't', grants: [{ organisationId: communeId(2), role: 'agency', agencyId: `${communeId(2)}.a0` }] };

/** The board as the domain decides it, every row in memory. */
function reference(all: BoardRow[], q: { plan?: string; agency?: string; escalation?: string; period: string; status?: string; q?: string; sort: 'days-late' | 'last-day' | 'agency' }) {
  const folded = q.q ? foldForSearch(q.q) : '';
  const filtered = all.filter(
    (r) =>
      (!q.plan || r.planId === q.plan) &&
      (!q.agency || r.agencyId === q.agency) &&
      (q.escalation === undefined || r.escalationLevel === Number(q.escalation)) &&
      (!folded || foldForSearch(`${r.agency} ${r.planNumber} ${r.planTitle} ${r.obligation} ${r.periodLabel} ${r.organisation}`).includes(folded)),
  );
  const current = filtered.filter((r) => (/^\d{4}$/.test(q.period) ? r.periodKey.startsWith(q.period) : r.periodKey === q.period));
  const shown = q.status ? current.filter((r) => (q.status === 'extended' ? r.extended : r.official === q.status)) : current;
  const tie = (a: BoardRow, b: BoardRow) => collator.compare(a.agency, b.agency) || a.id.localeCompare(b.id);
  const sorts = {
    'days-late': (a: BoardRow, b: BoardRow) => b.workingDaysLate - a.workingDaysLate || a.lastDay.localeCompare(b.lastDay) || tie(a, b),
    'last-day': (a: BoardRow, b: BoardRow) => a.lastDay.localeCompare(b.lastDay) || tie(a, b),
    agency: (a: BoardRow, b: BoardRow) => collator.compare(a.agency, b.agency) || a.lastDay.localeCompare(b.lastDay) || a.id.localeCompare(b.id),
  };
  shown.sort(sorts[q.sort]);
  const rates = (key: (r: BoardRow) => string) => {
    const groups = new Map<string, BoardRow[]>();
    for (const r of current) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups].map(([id, rows]) => ({ id, ...ratesOf(rows) })).sort((a, b) => a.id.localeCompare(b.id));
  };
  const years = [...new Set(filtered.map((r) => Number(r.periodKey.slice(0, 4))))].sort((a, b) => a - b);
  const perAgency = rates((r) => r.agencyId);
  return { counts: countBoard(current), shown, byAgency: perAgency, byPlan: rates((r) => r.planId), byOrganisation: rates((r) => r.organisationId), years, filtered };
}

const ratesSorted = (rows: { id: string; expected: number; received: number; onTime: number; reportingRate: number | null; onTimeRate: number | null }[]) =>
  rows.map(({ id, expected, received, onTime, reportingRate, onTimeRate }) => ({ id, expected, received, onTime, reportingRate, onTimeRate })).sort((a, b) => a.id.localeCompare(b.id));

describe.each(TEST_DATABASES)('the board in SQL agrees with the domain (%s)', (kind) => {
  let t: TestDb;
  const deps = () => ({ db: t.db, clock: () => NOW });

  beforeAll(async () => {
    t = await createTestDbOn(kind);
    await generateBoardData(t.db, { asOf: NOW, communes: 6, deadlines: 230 });
    // The edges of the rules, on deadlines of commune 1 whose last day is Wednesday 04/11/2026.
    const edge = async (id: string, change: { submittedAt?: string; lastDay?: string; status?: string }) => {
      await t.db.submission.deleteMany({ where: { deadlineId: id } });
      await t.db.deadline.update({ where: { id }, data: { status: change.status ?? (change.submittedAt ? 'submitted' : 'open'), lastDay: change.lastDay, escalationLevel: 0, escalatedTo: null } });
      if (change.submittedAt) await t.db.submission.create({ data: { id: `${id}.edge`, deadlineId: id, submittedAt: new Date(change.submittedAt), recordedAt: new Date(change.submittedAt), submittedBy: 't', late: false } });
    };
    const c = communeId(1);
    await edge(`${c}.o0.2026`, { submittedAt: '2026-11-04T16:59:00Z' }); // 23:59 local on the last day: on time
    await edge(`${c}.o1.2026`, { lastDay: '2026-11-04', submittedAt: '2026-11-04T17:00:00Z' }); // 00:00 local the next day: late
    await edge(`${c}.o2.2026`, { lastDay: '2026-11-14' }); // Saturday: overdue by 1 working day on Monday
    await edge(`${c}.o3.2026`, { lastDay: '2026-11-13', submittedAt: '2026-11-14T03:00:00Z' }); // Friday's report arrived Saturday: late by 0 working days
    await edge(`${c}.o4.2026`, { lastDay: '2026-11-16' }); // today: not yet due
    await edge(`${c}.o5.2026`, { lastDay: '2026-06-04', status: 'before-tracking' }); // ended before a mid-span import: untracked, not overdue
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  const queries = [
    {},
    { status: 'overdue' }, { status: 'late' }, { status: 'on-time' }, { status: 'not-due' }, { status: 'waived' }, { status: 'untracked' }, { status: 'extended' },
    { escalation: '0' }, { escalation: '2' },
    { period: '2025' }, { period: '2026-H1' }, { period: '2024' }, { period: '' },
    { plan: `${communeId(3)}.plan`, period: '2025' }, { agency: `${communeId(2)}.a7`, period: '2023' },
    { q: 'tram y te' }, { q: 'THỬ NGHIỆM 2' }, { q: 'bão lũ', period: '2024' }, { q: 'nothing like this' },
    { sort: 'last-day' }, { sort: 'agency' }, { sort: 'last-day', period: '2025', status: 'late' }, { sort: 'agency', q: 'cong an', period: '2024' },
  ] as const;

  for (const [who, principal] of [['province', province], ['commune', commune], ['agency user', agencyUser]] as const) {
    it.each(queries)(`${who}: %o`, async (query) => {
      const all = await boardRows(deps(), principal, NOW);
      // No period (or "", an unchosen select) is this year, as on the board.
      const q = { sort: 'days-late' as const, ...query, period: ('period' in query && query.period) || '2026' };
      const want = reference(all, q);
      const pageSize = 17; // pages cut through groups of equal days late and last day
      const first = await readBoard(deps(), principal, { ...query, pageSize });
      expect(first.counts).toEqual(want.counts);
      expect(first.total).toBe(want.shown.length);
      const ids: string[] = [];
      for (let page = 1; page <= first.pages; page++) {
        const b = page === 1 ? first : await readBoard(deps(), principal, { ...query, pageSize, page });
        ids.push(...b.rows.map((r) => r.id));
        // The domain decides each row shown: the same as it decides in memory.
        for (const r of b.rows) expect(r).toEqual(all.find((x) => x.id === r.id));
      }
      expect(ids).toEqual(want.shown.map((r) => r.id));
      expect((await readBoardRows(deps(), principal, query)).rows.map((r) => r.id)).toEqual(ids);
      expect(ratesSorted(first.byAgency)).toEqual(want.byAgency);
      expect(ratesSorted(first.byPlan)).toEqual(want.byPlan);
      if (want.byOrganisation.length > 1) expect(ratesSorted(first.byOrganisation)).toEqual(want.byOrganisation);
      else expect(first.byOrganisation).toEqual([]);
      expect(first.chart.years).toEqual(want.years);
      for (const s of first.chart.series) {
        expect(s.rates).toEqual(want.years.map((y) => ratesOf(want.filtered.filter((r) => r.agencyId === s.id && r.periodKey.startsWith(String(y)))).onTimeRate));
      }
    });
  }

  it('the edges are decided as the rules say', async () => {
    const rows = new Map((await boardRows(deps(), commune, NOW)).map((r) => [r.id, r]));
    const c = communeId(1);
    expect([`o0`, `o1`, `o2`, `o3`, `o4`].map((o) => [rows.get(`${c}.${o}.2026`)?.official, rows.get(`${c}.${o}.2026`)?.workingDaysLate])).toEqual([
      ['on-time', 0], ['late', 1], ['overdue', 1], ['late', 0], ['not-due', 0],
    ]);
  });
});
