// The board's cached aggregates (src/services/board-cache.ts) never answer what a fresh
// computation would not: after any sequence of writes to deadlines and reports, a board read
// through the cache (warmed before each write) equals the board recounted from scratch. Writes
// stamp updatedAt explicitly, on fixed instants long settled, so the cache keeps its entries
// and the test does not depend on the wall clock; that Prisma stamps it by itself on a
// writer's update is checked apart.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_PROVINCE, communeId, generateBoardData } from '../../bench/board-data';
import type { Principal } from '../../src/auth/policy';
import { readBoard } from '../../src/services/board';
import { boardCacheSize, cached, clearBoardCache, SETTLE_MS, TTL_MS } from '../../src/services/board-cache';
import { dataVersion } from '../../src/stores/board.store';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';

const NOW = new Date('2026-11-16T03:00:00Z'); // Monday 16/11/2026, 10:00 local
const STAMP_FROM = Date.parse('2026-01-01T00:00:00Z');
const province: Principal = { kind: 'token', id: 't', label: 't', grants: [{ organisationId: BENCH_PROVINCE, role: 'coordinator' }] };
const commune: Principal = { kind: 'token', id: 't', label: 't', grants: [{ organisationId: communeId(1), role: 'coordinator' }] };

describe('the cache itself', () => {
  it('keeps an answer for its version, recomputes for another, after the TTL, and never keeps an unsettled one', async () => {
    const db = {};
    let computed = 0;
    const compute = async () => ++computed;
    const version = new Date(1_000_000);
    const at = (ms: number) => () => ms;
    expect(await cached(db, 'k', version, compute, at(1_000_000 + SETTLE_MS))).toBe(1);
    expect(await cached(db, 'k', version, compute, at(1_000_000 + SETTLE_MS + 1))).toBe(1);
    expect(await cached(db, 'k', new Date(1_000_001), compute, at(1_000_000 + SETTLE_MS + 2))).toBe(2);
    expect(await cached(db, 'k', new Date(1_000_001), compute, at(1_000_000 + SETTLE_MS + 2 + TTL_MS))).toBe(3);
    // Written a moment ago: a slower clock elsewhere could still commit under this version.
    expect(await cached(db, 'fresh', new Date(5_000_000), compute, at(5_000_000 + SETTLE_MS - 1))).toBe(4);
    expect(await cached(db, 'fresh', new Date(5_000_000), compute, at(5_000_000 + SETTLE_MS - 1))).toBe(5);
  });

  it("keeps one client's answers apart from another's", async () => {
    const [one, two] = [{}, {}];
    const at = () => 10 * SETTLE_MS;
    expect(await cached(one, 'k', new Date(0), async () => 'one', at)).toBe('one');
    expect(await cached(two, 'k', new Date(0), async () => 'two', at)).toBe('two');
  });

  it('does not keep a failed computation', async () => {
    const db = {};
    const at = () => 10 * SETTLE_MS;
    await expect(cached(db, 'bad', new Date(0), () => Promise.reject(new Error('down')), at)).rejects.toThrow('down');
    expect(await cached(db, 'bad', new Date(0), async () => 'up', at)).toBe('up');
  });
});

describe.each(TEST_DATABASES)('the board through its cache equals the board recounted (%s)', (kind) => {
  let t: TestDb;
  let ids: string[];
  let stamp = STAMP_FROM;
  const deps = () => ({ db: t.db, clock: () => NOW });

  beforeAll(async () => {
    t = await createTestDbOn(kind);
    await generateBoardData(t.db, { asOf: NOW, communes: 4, deadlines: 150 });
    await t.db.deadline.updateMany({ data: { updatedAt: new Date(stamp) } });
    ids = (await t.db.deadline.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((d) => d.id);
  });

  afterAll(async () => {
    await t?.cleanup();
  });

  it('a deadline written by Prisma without a stamp moves the version', async () => {
    const before = await dataVersion(t.db);
    expect(before).toEqual(new Date(stamp));
    await t.db.deadline.update({ where: { id: ids[0]! }, data: { escalationLevel: 0 } });
    expect((await dataVersion(t.db))!.getTime()).toBeGreaterThan(before!.getTime());
    // Back under the test's own stamps.
    await t.db.deadline.update({ where: { id: ids[0]! }, data: { updatedAt: new Date(stamp) } });
  });

  type Write =
    | { kind: 'report'; at: number; daysFromLastDay: number; hour: number }
    | { kind: 'waive'; at: number }
    | { kind: 'extend'; at: number; days: number }
    | { kind: 'escalate'; at: number; level: number }
    | { kind: 'reopen'; at: number };
  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ kind: fc.constant('report' as const), at: fc.nat(), daysFromLastDay: fc.integer({ min: -5, max: 40 }), hour: fc.integer({ min: 0, max: 23 }) }),
    fc.record({ kind: fc.constant('waive' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('extend' as const), at: fc.nat(), days: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('escalate' as const), at: fc.nat(), level: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('reopen' as const), at: fc.nat() }),
  );
  const queries = [{}, { status: 'overdue' }, { status: 'late', sort: 'last-day' }, { period: '' }, { status: 'extended' }, { escalation: '2' }, { sort: 'agency', pageSize: 7 }];

  async function apply(w: Write): Promise<void> {
    const id = ids[w.at % ids.length]!;
    stamp += 1000;
    const updatedAt = new Date(stamp);
    const d = await t.db.deadline.findUniqueOrThrow({ where: { id } });
    switch (w.kind) {
      case 'report': {
        const day = new Date(`${d.lastDay}T00:00:00+07:00`);
        const submittedAt = new Date(day.getTime() + w.daysFromLastDay * 86_400_000 + w.hour * 3_600_000);
        const round = await t.db.submission.count({ where: { deadlineId: id } });
        await t.db.submission.create({ data: { id: `${id}.p${stamp}`, deadlineId: id, round, submittedAt, recordedAt: submittedAt, submittedBy: 't', late: false } });
        await t.db.deadline.update({ where: { id }, data: { status: 'submitted', updatedAt } });
        return;
      }
      case 'waive':
        await t.db.deadline.update({ where: { id }, data: { status: 'waived', updatedAt } });
        return;
      case 'extend': {
        const next = new Date(Date.parse(`${d.lastDay}T00:00:00Z`) + w.days * 86_400_000).toISOString().slice(0, 10);
        await t.db.deadline.update({ where: { id }, data: { lastDay: next, extendedFrom: d.extendedFrom ?? d.lastDay, escalationLevel: 0, escalatedTo: null, updatedAt } });
        return;
      }
      case 'escalate':
        await t.db.deadline.update({ where: { id }, data: { escalationLevel: w.level, escalatedTo: 'Chủ tịch UBND xã', updatedAt } });
        return;
      case 'reopen':
        await t.db.submission.deleteMany({ where: { deadlineId: id } });
        await t.db.deadline.update({ where: { id }, data: { status: 'open', updatedAt } });
        return;
    }
  }

  it('after every write, for a province and a commune', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), fc.nat(), async (writes, q) => {
        const query = queries[q % queries.length]!;
        for (const w of writes) {
          // Warm the cache under the version before the write.
          for (const who of [province, commune]) await readBoard(deps(), who, query);
          expect(boardCacheSize(t.db)).toBeGreaterThan(0);
          await apply(w);
          for (const who of [province, commune]) {
            const throughCache = await readBoard(deps(), who, query);
            clearBoardCache(t.db);
            const recounted = await readBoard(deps(), who, query);
            expect(throughCache).toEqual(recounted);
          }
        }
      }),
      { numRuns: 12, seed: 20261210 },
    );
  });
});
