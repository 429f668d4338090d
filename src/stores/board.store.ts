// The board's queries in SQL (issue 12 item 7: 100,000 deadlines, 3,300 communes): the
// reader's scope, the filters and the official status are WHERE conditions and GROUP BYs, so
// a page reads counts, rates and a page of ids instead of every deadline of a province.
//
// The official status in SQL (`OFFICIAL` below) repeats src/domain/status.ts's decision on
// the facts it reads: waived first; then a report received (the earliest submission) on or
// before the last day, local time, is on time, after it late; then a period before tracking
// began (a plan imported mid-span) is 'untracked'; then an open deadline whose
// last day is before today is overdue, otherwise not yet due. No calendar is needed for
// that; working days (ageing, days late) are computed by the domain on the distinct days
// the queries return. test/services/board-sql.test.ts checks the two agree on generated data.
//
// SQLite and PostgreSQL differ in three places only: a list parameter (json_each / jsonb),
// the local day of an instant (Vietnam has kept UTC+7 without daylight saving since 1975),
// and integer types (counts come back as BigInt or number: always read through Number()).
import type { Db } from '../db';
import { isPostgres } from '../db';
import * as Prisma from '../generated/prisma/internal/prismaNamespace';
import type { ResolvedScope } from './access.store';

type Sql = Prisma.Sql;
const { sql, join, empty } = Prisma;

export type Official = 'on-time' | 'late' | 'not-due' | 'overdue' | 'waived' | 'untracked';

export interface BoardSqlFilter {
  scope: ResolvedScope;
  /** Today, local, "YYYY-MM-DD": the day overdue starts after. */
  today: string;
  /** A year ("2026"), a period key, or undefined for every period. */
  period?: string;
  plan?: string;
  obligation?: string;
  agency?: string;
  escalation?: number;
  /** One official status, or "extended". */
  status?: string;
  /** Only these deadlines (the rows a search matched). */
  ids?: readonly string[];
  /** Only these last days (the groups a page falls in): an indexed narrowing before the per-group conditions. */
  lastDays?: readonly string[];
}

interface Dialect {
  /** `column IN (the list)` with one parameter, however long the list. */
  inList(column: Sql, values: readonly string[]): Sql;
  /** The local day ("YYYY-MM-DD") of an instant column. */
  localDay(column: Sql): Sql;
}

const SQLITE: Dialect = {
  inList: (column, values) => sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`,
  localDay: (column) => sql`date(${column}, '+7 hours')`,
};

const POSTGRES: Dialect = {
  inList: (column, values) => sql`${column} IN (SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`,
  localDay: (column) => sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`,
};

const dialectOf = (db: Db): Dialect => (isPostgres(db) ? POSTGRES : SQLITE);

/** Deadlines in the reader's scope: whole organisations, or single agencies of one. */
function scopeCondition(d: Dialect, scope: ResolvedScope): Sql {
  const parts: Sql[] = [];
  if (scope.organisationIds.length) parts.push(d.inList(sql`p."organisationId"`, scope.organisationIds));
  for (const a of scope.agencies) parts.push(sql`(o."agencyId" = ${a.agencyId} AND p."organisationId" = ${a.organisationId})`);
  return parts.length ? sql`(${join(parts, ' OR ')})` : sql`1 = 0`;
}

/** A year stands for every period key that starts with it ("2026", "2026-H1", "2026-12-20"). */
function periodCondition(period: string | undefined): Sql {
  if (!period) return empty;
  if (/^\d{4}$/.test(period)) return sql` AND d."periodKey" >= ${period} AND d."periodKey" < ${String(Number(period) + 1)}`;
  return sql` AND d."periodKey" = ${period}`;
}

/**
 * One row per deadline with the facts the official status reads and that status itself, as
 * a subquery `f` to group, count or page. The status filter applies on top (`shown`).
 */
function facts(db: Db, f: BoardSqlFilter, opts: { status: boolean }): Sql {
  const d = dialectOf(db);
  const where = [
    scopeCondition(d, f.scope),
    periodCondition(f.period),
    f.plan ? sql` AND o."planId" = ${f.plan}` : empty,
    f.obligation ? sql` AND d."obligationId" = ${f.obligation}` : empty,
    f.agency ? sql` AND o."agencyId" = ${f.agency}` : empty,
    f.escalation !== undefined ? sql` AND d."escalationLevel" = ${f.escalation}` : empty,
    f.ids ? sql` AND ${d.inList(sql`d.id`, f.ids)}` : empty,
    f.lastDays ? sql` AND ${d.inList(sql`d."lastDay"`, f.lastDays)}` : empty,
  ];
  const base = sql`SELECT d.id, d."lastDay", d."periodKey", d."extendedFrom", d."escalationLevel", d.status, o."agencyId", o."planId", p."organisationId",
      (SELECT min(s."submittedAt") FROM "Submission" s WHERE s."deadlineId" = d.id) AS sub
    FROM "Deadline" d JOIN "Obligation" o ON o.id = d."obligationId" JOIN "Plan" p ON p.id = o."planId"
    WHERE ${join(where, '')}`;
  const subDay = d.localDay(sql`b.sub`);
  const official = sql`CASE WHEN b.status = 'waived' THEN 'waived'
      WHEN b.sub IS NOT NULL THEN (CASE WHEN ${subDay} <= b."lastDay" THEN 'on-time' ELSE 'late' END)
      WHEN b.status = 'before-tracking' THEN 'untracked'
      WHEN b."lastDay" < ${f.today} THEN 'overdue' ELSE 'not-due' END`;
  const withStatus = sql`SELECT b.*, ${official} AS official, ${subDay} AS "subDay" FROM (${base}) b`;
  if (!opts.status || !f.status) return withStatus;
  const status = f.status === 'extended' ? sql`x."extendedFrom" IS NOT NULL` : sql`x.official = ${f.status}`;
  return sql`SELECT x.* FROM (${withStatus}) x WHERE ${status}`;
}

const n = (v: unknown) => Number(v ?? 0);

export interface DayGroup {
  official: Official;
  lastDay: string;
  /** The local day the report arrived, for late ones; null for the others. */
  subDay: string | null;
  extended: boolean;
  count: number;
}

/**
 * The period's rows (before the status filter) by official status, last day, the day a late
 * report arrived, and extension: the counts, the ageing, days late and both sort orders are
 * made of these few hundred groups, whatever the number of rows.
 */
export async function dayGroups(db: Db, f: BoardSqlFilter): Promise<DayGroup[]> {
  const rows = await db.$queryRaw<{ official: Official; lastDay: string; subDay: string | null; ext: unknown; c: unknown }[]>`
    SELECT f.official, f."lastDay" AS "lastDay", CASE WHEN f.official = 'late' THEN f."subDay" END AS "subDay",
      CASE WHEN f."extendedFrom" IS NULL THEN 0 ELSE 1 END AS ext, count(*) AS c
    FROM (${facts(db, f, { status: false })}) f GROUP BY 1, 2, 3, 4`;
  return rows.map((r) => ({ official: r.official, lastDay: r.lastDay, subDay: r.subDay, extended: n(r.ext) === 1, count: n(r.c) }));
}

export interface RateCounts {
  id: string;
  expected: number;
  received: number;
  onTime: number;
}

const RATE_SUMS = sql`sum(CASE WHEN f.official = 'on-time' THEN 1 ELSE 0 END) AS "onTime",
  sum(CASE WHEN f.official IN ('on-time', 'late') THEN 1 ELSE 0 END) AS received,
  sum(CASE WHEN f.official IN ('on-time', 'late', 'overdue') THEN 1 ELSE 0 END) AS expected`;

const rateRow = (r: { id: string; expected: unknown; received: unknown; onTime: unknown }): RateCounts => ({ id: r.id, expected: n(r.expected), received: n(r.received), onTime: n(r.onTime) });

/**
 * Reporting and on-time counts per agency, plan or organisation; at most `limit` groups,
 * the lowest on-time rates first (those needing attention), and how many groups there are.
 */
export async function rateGroups(db: Db, f: BoardSqlFilter, by: 'agency' | 'plan' | 'organisation', limit: number): Promise<{ total: number; rows: RateCounts[] }> {
  const key = { agency: sql`f."agencyId"`, plan: sql`f."planId"`, organisation: sql`f."organisationId"` }[by];
  const grouped = sql`SELECT ${key} AS id, ${RATE_SUMS} FROM (${facts(db, f, { status: false })}) f GROUP BY ${key}`;
  // Nothing expected sorts last (rate -1 would sort first); ties by id keep pages stable.
  const rows = await db.$queryRaw<{ id: string; expected: unknown; received: unknown; onTime: unknown; total: unknown }[]>`
    SELECT g.*, count(*) OVER () AS total FROM (${grouped}) g
    ORDER BY CASE WHEN g.expected = 0 THEN 2 ELSE 1 END, (1.0 * g."onTime") / (CASE WHEN g.expected = 0 THEN 1 ELSE g.expected END), g.id
    LIMIT ${limit}`;
  return { total: n(rows[0]?.total), rows: rows.map(rateRow) };
}

/** The agencies with the most reports expected over every period the filters leave (the chart's lines). */
export async function chartAgencies(db: Db, f: BoardSqlFilter, limit: number): Promise<{ id: string; name: string; expected: number }[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; expected: unknown }[]>`
    SELECT g.id, a.name, g.expected FROM (
      SELECT f."agencyId" AS id, sum(CASE WHEN f.official IN ('on-time', 'late', 'overdue') THEN 1 ELSE 0 END) AS expected
      FROM (${facts(db, f, { status: false })}) f GROUP BY f."agencyId") g
    JOIN "Agency" a ON a.id = g.id
    WHERE g.expected > 0 ORDER BY g.expected DESC, a.name, g.id LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, name: r.name, expected: n(r.expected) }));
}

/** Rate counts per agency and year, for the given agencies (the chart). */
export async function yearlyRates(db: Db, f: BoardSqlFilter, agencyIds: readonly string[]): Promise<(RateCounts & { year: string })[]> {
  if (!agencyIds.length) return [];
  const d = dialectOf(db);
  const year = sql`substr(f."periodKey", 1, 4)`;
  const rows = await db.$queryRaw<{ id: string; year: string; expected: unknown; received: unknown; onTime: unknown }[]>`
    SELECT f."agencyId" AS id, ${year} AS year, ${RATE_SUMS} FROM (${facts(db, f, { status: false })}) f
    WHERE ${d.inList(sql`f."agencyId"`, agencyIds)} GROUP BY f."agencyId", ${year}`;
  return rows.map((r) => ({ ...rateRow(r), year: r.year }));
}

/** The years with any deadline the filters leave (the chart's axis). */
export async function yearsOf(db: Db, f: BoardSqlFilter): Promise<number[]> {
  const rows = await db.$queryRaw<{ y: string }[]>`SELECT DISTINCT substr(f."periodKey", 1, 4) AS y FROM (${facts(db, f, { status: false })}) f`;
  return rows.map((r) => Number(r.y)).filter(Number.isInteger).sort((a, b) => a - b);
}

/** One group of `dayGroups`, as a condition on `facts`. */
export type DayKey = Pick<DayGroup, 'official' | 'lastDay' | 'subDay' | 'extended'>;

const dayKey = (g: DayKey) => `${g.official}|${g.lastDay}|${g.subDay ?? ''}|${g.extended ? 1 : 0}`;

/**
 * Ids and agency names of the shown rows in some day groups (a page's candidates, sorted by
 * the caller). The rows are read by their last days alone (indexed) and kept by group here:
 * one OR branch per group made SQLite decide every row's status once per branch, and an
 * export's 10,000 rows span hundreds of groups (docs/PERFORMANCE.md).
 */
export async function rowsOfDayGroups(db: Db, f: BoardSqlFilter, groups: readonly DayKey[]): Promise<(DayKey & { id: string; agency: string })[]> {
  if (!groups.length) return [];
  const wanted = new Set(groups.map(dayKey));
  const rows = await db.$queryRaw<{ id: string; agency: string; official: Official; lastDay: string; subDay: string | null; ext: unknown }[]>`
    SELECT f.id, a.name AS agency, f.official, f."lastDay" AS "lastDay", CASE WHEN f.official = 'late' THEN f."subDay" END AS "subDay",
      CASE WHEN f."extendedFrom" IS NULL THEN 0 ELSE 1 END AS ext
    FROM (${facts(db, { ...f, lastDays: [...new Set(groups.map((g) => g.lastDay))] }, { status: false })}) f JOIN "Agency" a ON a.id = f."agencyId"`;
  return rows
    .map((r) => ({ id: r.id, agency: r.agency, official: r.official, lastDay: r.lastDay, subDay: r.subDay, extended: n(r.ext) === 1 }))
    .filter((r) => wanted.has(dayKey(r)));
}

/** Every shown row's id, agency and last day: for the agency sort, which has no cheaper order. */
export async function shownRowKeys(db: Db, f: BoardSqlFilter): Promise<{ id: string; agency: string; lastDay: string }[]> {
  return db.$queryRaw<{ id: string; agency: string; lastDay: string }[]>`
    SELECT f.id, a.name AS agency, f."lastDay" AS "lastDay" FROM (${facts(db, f, { status: true })}) f JOIN "Agency" a ON a.id = f."agencyId"`;
}

/** The text a search folds, per deadline of the scope and filters (before the status filter). */
export async function searchTexts(db: Db, f: BoardSqlFilter): Promise<{ id: string; text: string }[]> {
  const rows = await db.$queryRaw<{ id: string; agency: string; number: string; title: string; otitle: string; rule: string; label: string; organisation: string }[]>`
    SELECT f.id, a.name AS agency, p.number, p.title, o.title AS otitle, o."ruleText" AS rule, d."periodLabel" AS label, g.name AS organisation
    FROM (${facts(db, { ...f, status: undefined }, { status: false })}) f
    JOIN "Deadline" d ON d.id = f.id JOIN "Obligation" o ON o.id = d."obligationId" JOIN "Plan" p ON p.id = o."planId"
    JOIN "Agency" a ON a.id = o."agencyId" JOIN "Organisation" g ON g.id = p."organisationId"`;
  return rows.map((r) => ({ id: r.id, text: `${r.agency} ${r.number} ${r.title} ${r.otitle || r.rule} ${r.label} ${r.organisation}` }));
}

export interface BoardOptionRows {
  plans: { id: string; number: string; organisation: string }[];
  obligations: { id: string; number: string; agency: string; title: string; rule: string }[];
  agencies: { id: string; name: string; organisation: string }[];
  periods: { key: string; label: string }[];
}

/**
 * What the filters can choose from: plans, obligations (of one plan, when chosen) and
 * agencies with a deadline in the scope, at most `limit` + 1 of each (the caller says when
 * there are more), and every period key with its label.
 */
export async function optionRows(db: Db, scope: ResolvedScope, plan: string | undefined, limit: number): Promise<BoardOptionRows> {
  const d = dialectOf(db);
  const inScope = scopeCondition(d, scope);
  const agencyIds = scope.agencies.map((a) => a.agencyId);
  // The outer lists start from the scope (its organisations' plans and agencies, its single
  // agencies), so a commune reads its own few rows; EXISTS keeps those with a deadline the
  // reader may see, and ORDER BY id with LIMIT stops early in a province.
  // Either side only when it has ids: an OR with an empty side still costs SQLite its index.
  const either = (org: Sql, agency: (ids: readonly string[]) => Sql) => {
    const parts = [...(scope.organisationIds.length ? [d.inList(org, scope.organisationIds)] : []), ...(agencyIds.length ? [agency(agencyIds)] : [])];
    return parts.length ? sql`(${join(parts, ' OR ')})` : sql`1 = 0`;
  };
  const some = (condition: Sql) => sql`EXISTS (SELECT 1 FROM "Obligation" o JOIN "Plan" p ON p.id = o."planId" JOIN "Deadline" d ON d."obligationId" = o.id WHERE ${condition} AND ${inScope})`;
  const plans = await db.$queryRaw<BoardOptionRows['plans']>`
    SELECT x.id, x.number, g.name AS organisation FROM "Plan" x JOIN "Organisation" g ON g.id = x."organisationId"
    WHERE ${either(sql`x."organisationId"`, (ids) => sql`x.id IN (SELECT o."planId" FROM "Obligation" o WHERE ${d.inList(sql`o."agencyId"`, ids)})`)}
      AND ${some(sql`o."planId" = x.id`)} ORDER BY x.id LIMIT ${limit + 1}`;
  const obligations = await db.$queryRaw<BoardOptionRows['obligations']>`
    SELECT x.id, q.number, a.name AS agency, x.title, x."ruleText" AS rule FROM "Obligation" x JOIN "Plan" q ON q.id = x."planId" JOIN "Agency" a ON a.id = x."agencyId"
    WHERE ${plan ? sql`x."planId" = ${plan} AND ` : empty}${either(sql`q."organisationId"`, (ids) => d.inList(sql`x."agencyId"`, ids))}
      AND ${some(sql`o.id = x.id`)} ORDER BY x.id LIMIT ${limit + 1}`;
  // An agency is listed under its own organisation: the plans of an organisation assign its own agencies.
  const agencyRows = await db.$queryRaw<BoardOptionRows['agencies']>`
    SELECT x.id, x.name, g.name AS organisation FROM "Agency" x JOIN "Organisation" g ON g.id = x."organisationId"
    WHERE ${either(sql`x."organisationId"`, (ids) => d.inList(sql`x.id`, ids))} AND ${some(sql`o."agencyId" = x.id`)} ORDER BY x.id LIMIT ${limit + 1}`;
  const periods = await db.$queryRaw<{ key: string; label: string }[]>`
    SELECT d."periodKey" AS key, min(d."periodLabel") AS label FROM "Deadline" d JOIN "Obligation" o ON o.id = d."obligationId" JOIN "Plan" p ON p.id = o."planId"
    WHERE ${inScope} GROUP BY d."periodKey"`;
  return { plans, obligations, agencies: agencyRows, periods };
}

/**
 * The newest change to any deadline (max "updatedAt", from its index), or null when there is
 * none: the version the board's cached aggregates are keyed by (src/services/board-cache.ts).
 * Every write of a deadline's facts, and every report recorded (it moves the deadline's
 * status in the same transaction), stamps updatedAt through Prisma's @updatedAt.
 */
export async function dataVersion(db: Db): Promise<Date | null> {
  const rows = await db.$queryRaw<{ v: Date | string | number | null }[]>`SELECT max(d."updatedAt") AS v FROM "Deadline" d`;
  return instant(rows[0]?.v);
}

/** Everything a board row shows of one deadline (src/services/board.ts toBoardRow), flat. */
export interface RowFacts {
  id: string; periodKey: string; periodLabel: string; lastDay: string; status: string; extendedFrom: string | null; escalationLevel: number;
  escalatedTo: string | null; escalatedAt: Date | null; submittedAt: Date | null;
  obligationId: string; kind: string; title: string; ruleText: string; agencyId: string; agency: string;
  planId: string; planNumber: string; planTitle: string; organisationId: string; organisation: string;
}

/** An instant as the drivers give it from an expression (a Date, an ISO text, epoch milliseconds). */
const instant = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number)));

/**
 * The given deadlines' rows in one query (no order: the caller orders). Prisma's nested select
 * took six queries with the id list in each, seconds for an export's 10,000 rows on a loaded
 * machine. The report's arrival is the first one recorded, as on the board.
 */
export async function rowFacts(db: Db, ids: readonly string[]): Promise<RowFacts[]> {
  if (!ids.length) return [];
  const d = dialectOf(db);
  const rows = await db.$queryRaw<(Omit<RowFacts, 'escalatedAt' | 'submittedAt' | 'escalationLevel'> & { escalatedAt: unknown; submittedAt: unknown; escalationLevel: unknown })[]>`
    SELECT d.id, d."periodKey" AS "periodKey", d."periodLabel" AS "periodLabel", d."lastDay" AS "lastDay", d.status, d."extendedFrom" AS "extendedFrom",
      d."escalationLevel" AS "escalationLevel", d."escalatedTo" AS "escalatedTo", d."escalatedAt" AS "escalatedAt",
      (SELECT min(s."submittedAt") FROM "Submission" s WHERE s."deadlineId" = d.id) AS "submittedAt",
      o.id AS "obligationId", o.kind, o.title, o."ruleText" AS "ruleText", a.id AS "agencyId", a.name AS agency,
      p.id AS "planId", p.number AS "planNumber", p.title AS "planTitle", g.id AS "organisationId", g.name AS organisation
    FROM "Deadline" d JOIN "Obligation" o ON o.id = d."obligationId" JOIN "Agency" a ON a.id = o."agencyId"
      JOIN "Plan" p ON p.id = o."planId" JOIN "Organisation" g ON g.id = p."organisationId"
    WHERE ${d.inList(sql`d.id`, ids)}`;
  return rows.map((r) => ({ ...r, escalationLevel: n(r.escalationLevel), escalatedAt: instant(r.escalatedAt), submittedAt: instant(r.submittedAt) }));
}
