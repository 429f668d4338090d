// The coordinator's board: the deadlines the reader may see (the policy's read scope, never
// more), each with its official status and working days late from src/domain/board;
// filtered, searched, sorted and paged; counted; and summed up as DHIS2's reporting and
// on-time rates per agency, per plan and, when the reader sees several organisations (a
// province), per organisation. The on-time rate per agency over the years feeds the chart.
//
// At scale (issue 12 item 7, docs/PERFORMANCE.md) the work is in SQL (src/stores/board.store.ts):
// the scope, the filters and the official status are WHERE and GROUP BY, so a request reads
// a few hundred groups and one page of rows, never every deadline of a province:
// - counts, ageing and both day-based sort orders come from the period's rows grouped by
//   (official status, last day, day a late report arrived, extended); the domain's calendar
//   turns each group's days into working days late, so ageing and days late stay the
//   domain's. Sorting by days late walks those groups in order (days late descending, last
//   day ascending) and reads only the rows of the groups the page falls in, ordered by agency
//   name with the Vietnamese collation here;
// - the page's rows are then read in full and each goes through boardEntry: the domain still
//   decides every row shown (test/services/board-sql.test.ts checks SQL and domain agree);
// - rates are GROUP BYs; a list longer than RATES_MAX_ROWS keeps the lowest on-time rates
//   (those that need attention) and says how many there are (`ratesTotal`);
// - the chart draws the CHART_MAX_AGENCIES agencies with the most reports expected;
// - filter choices are bounded by OPTIONS_MAX (`options.truncated` says when cut);
// - a search folds diacritics in memory (SQLite has no unaccent), over the text of the scope's
//   rows that pass the other filters, then goes on in SQL with the matching ids.
// The sort by agency reads the id, agency and last day of every shown row and sorts here.
// What groups the whole scope (day groups, rates, chart, choices, a page's ids) is cached per
// scope, filters, today and data version (./board-cache.ts): a province's first page then
// costs its scope, the version and one page of rows, until the next write in the province.
// Working days (counts' ageing) are still decided per request from the cached groups.
import type { Principal } from '../auth/policy';
import { ageingBucket, boardEntry, currentYear, OFFICIAL_STATUS_VI, type BoardCounts, type BoardEntry, type Rates } from '../domain/board';
import type { BusinessCalendar } from '../domain/business-calendar';
import { formatViDateWithWeekday, localDateOf, parseIsoDate, toIsoDate } from '../domain/local-date';
import { foldForSearch } from '../domain/text';
import { boardQuerySchema, type BoardQuery } from '../schemas/board.schemas';
import type { Prisma } from '../generated/prisma/client';
import * as sqlBoard from '../stores/board.store';
import { currentCalendar } from '../stores/calendar.store';
import { deadlinesIn, scopeFor, type ResolvedScope } from './access';
import { cached, digest } from './board-cache';
import type { ServiceDeps } from './deps';
import { parseBody } from './errors';

export interface BoardRow extends BoardEntry {
  id: string;
  planId: string;
  planNumber: string;
  planTitle: string;
  obligationId: string;
  /** What is reported: an ad-hoc request's subject, or the plan's rule in its own words. */
  obligation: string;
  kind: string;
  agencyId: string;
  agency: string;
  organisationId: string;
  organisation: string;
  periodKey: string;
  periodLabel: string;
  lastDay: string;
  lastDayVi: string;
  officialVi: string;
  escalatedTo: string | null;
  escalatedAt: string | null;
  /** Neither received nor waived: the actions that change a deadline still apply. */
  open: boolean;
}

export interface RateRow extends Rates {
  id: string;
  name: string;
}

/** The on-time rate of each agency per year (years ascending; null where nothing was expected that year). */
export interface OnTimeSeries {
  years: number[];
  series: { id: string; name: string; rates: (number | null)[] }[];
}

export interface Board {
  /** The period shown: a year or one period key. */
  period: string;
  query: BoardQuery;
  counts: BoardCounts;
  total: number;
  pages: number;
  rows: BoardRow[];
  byAgency: RateRow[];
  byPlan: RateRow[];
  /** Per organisation (the communes of a province), when the reader sees more than one; else empty. */
  byOrganisation: RateRow[];
  chart: OnTimeSeries;
  /** How many agencies, plans and organisations there are; the lists above keep at most RATES_MAX_ROWS, the lowest on-time rates. */
  ratesTotal: { byAgency: number; byPlan: number; byOrganisation: number };
  /** What the filters can choose from, within the reader's scope. */
  options: {
    plans: { id: string; label: string }[];
    obligations: { id: string; label: string }[];
    agencies: { id: string; label: string }[];
    periods: string[];
    /** What each of `periods` reads as on a page: "Cả năm 2026" for a year, the period's own label otherwise. */
    periodLabels: Record<string, string>;
    /** A list cut at OPTIONS_MAX choices (a province has thousands): filter by id through the API, or narrow by plan first. */
    truncated: { plans: boolean; obligations: boolean; agencies: boolean };
  };
}


/** Lines of the chart: the agencies with the most reports expected, so it stays readable. */
export const CHART_MAX_AGENCIES = 8;
/** Rows of each rates list (a province has 33,000 agencies): the lowest on-time rates are kept. */
export const RATES_MAX_ROWS = 200;
/** Choices of each filter list. */
export const OPTIONS_MAX = 500;
/** The most rows `readBoardRows` gives an export (the .xlsx cap of src/services/board-export.ts). */
export const EXPORT_MAX_ROWS = 50_000;

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
const collator = new Intl.Collator('vi');
const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);

const ROW_SELECT = {
  id: true, periodKey: true, periodLabel: true, lastDay: true, status: true, extendedFrom: true, escalationLevel: true, escalatedTo: true, escalatedAt: true,
  // The report's arrival is the first one recorded (a return for completion adds later rounds).
  submissions: { select: { submittedAt: true }, orderBy: { submittedAt: 'asc' }, take: 1 },
  obligation: {
    select: {
      id: true, kind: true, title: true, ruleText: true,
      agency: { select: { id: true, name: true } },
      plan: { select: { id: true, number: true, title: true, organisation: { select: { id: true, name: true } } } },
    },
  },
} as const satisfies Prisma.DeadlineSelect;

type RowData = Prisma.DeadlineGetPayload<{ select: typeof ROW_SELECT }>;

/** A row of Prisma's nested select as the store's flat facts. */
const factsOf = (r: RowData): sqlBoard.RowFacts => ({
  id: r.id, periodKey: r.periodKey, periodLabel: r.periodLabel, lastDay: r.lastDay, status: r.status, extendedFrom: r.extendedFrom, escalationLevel: r.escalationLevel,
  escalatedTo: r.escalatedTo, escalatedAt: r.escalatedAt, submittedAt: r.submissions[0]?.submittedAt ?? null,
  obligationId: r.obligation.id, kind: r.obligation.kind, title: r.obligation.title, ruleText: r.obligation.ruleText,
  agencyId: r.obligation.agency.id, agency: r.obligation.agency.name,
  planId: r.obligation.plan.id, planNumber: r.obligation.plan.number, planTitle: r.obligation.plan.title,
  organisationId: r.obligation.plan.organisation.id, organisation: r.obligation.plan.organisation.name,
});

/** One deadline as a board row at `now`: the domain decides its status and days late. */
function toBoardRow(r: sqlBoard.RowFacts, now: Date, calendar: BusinessCalendar): BoardRow {
  const lastDay = parseIsoDate(r.lastDay);
  const entry = boardEntry(
    {
      lastDay,
      submittedAt: r.submittedAt,
      waived: r.status === 'waived',
      beforeTracking: r.status === 'before-tracking',
      extendedFrom: r.extendedFrom ? parseIsoDate(r.extendedFrom) : null,
      escalation: r.escalationLevel > 0 ? { level: r.escalationLevel, to: r.escalatedTo ?? '' } : null,
    },
    now,
    calendar,
  );
  return {
    ...entry,
    id: r.id,
    planId: r.planId,
    planNumber: r.planNumber,
    planTitle: r.planTitle,
    obligationId: r.obligationId,
    obligation: r.title || r.ruleText,
    kind: r.kind,
    agencyId: r.agencyId,
    agency: r.agency,
    organisationId: r.organisationId,
    organisation: r.organisation,
    periodKey: r.periodKey,
    periodLabel: r.periodLabel,
    lastDay: r.lastDay,
    lastDayVi: formatViDateWithWeekday(lastDay),
    officialVi: OFFICIAL_STATUS_VI[entry.official],
    escalatedTo: r.escalatedTo,
    escalatedAt: r.escalatedAt?.toISOString() ?? null,
    open: r.status !== 'submitted' && r.status !== 'waived' && r.status !== 'before-tracking',
  };
}

/** Every deadline the principal may read, as board rows at `now` (unfiltered; the plan, agency and late pages, whose scopes are small). */
export async function boardRows(deps: Pick<ServiceDeps, 'db'>, principal: Principal, now: Date): Promise<BoardRow[]> {
  const scope = await scopeFor(deps, principal, 'deadline.read');
  const rows = await deps.db.deadline.findMany({ where: deadlinesIn(scope), select: ROW_SELECT });
  const calendar = currentCalendar();
  return rows.map((r) => toBoardRow(factsOf(r), now, calendar));
}

/** The given deadlines as board rows, in the order of `ids`. */
async function rowsByIds(deps: Pick<ServiceDeps, 'db'>, ids: readonly string[], now: Date): Promise<BoardRow[]> {
  if (!ids.length) return [];
  const calendar = currentCalendar();
  const found = new Map((await sqlBoard.rowFacts(deps.db, ids)).map((r) => [r.id, toBoardRow(r, now, calendar)]));
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Working days late of a group of rows: the domain's rule (src/domain/board.ts boardEntry) on the group's days. */
function workingDaysLateOf(g: sqlBoard.DayKey, today: string, calendar: BusinessCalendar): number {
  if (g.official === 'overdue') return calendar.workingDaysBetween(parseIsoDate(g.lastDay), parseIsoDate(today));
  if (g.official === 'late' && g.subDay) return calendar.workingDaysBetween(parseIsoDate(g.lastDay), parseIsoDate(g.subDay));
  return 0;
}

function countsOf(groups: readonly sqlBoard.DayGroup[], today: string, calendar: BusinessCalendar): BoardCounts {
  const counts: BoardCounts = { total: 0, 'on-time': 0, late: 0, 'not-due': 0, overdue: 0, waived: 0, untracked: 0, extended: 0, ageing: { '1-3': 0, '4-7': 0, '8-30': 0, '30+': 0 } };
  for (const g of groups) {
    counts.total += g.count;
    counts[g.official] += g.count;
    if (g.extended) counts.extended += g.count;
    if (g.official === 'overdue') counts.ageing[ageingBucket(workingDaysLateOf(g, today, calendar))] += g.count;
  }
  return counts;
}

const groupKey = (g: sqlBoard.DayKey) => `${g.official}|${g.lastDay}|${g.subDay ?? ''}|${g.extended}`;

const shownBy = (status: string | undefined) => (g: sqlBoard.DayGroup) => !status || (status === 'extended' ? g.extended : g.official === status);

/**
 * The ids of the shown rows from `offset`, at most `limit`, in the board's order. For the two
 * day-based sorts: the groups in order (each bucket is one place in the order: days late and
 * last day, or last day), then only the rows of the buckets the window falls in are read and
 * ordered by agency name.
 */
async function orderedIds(
  deps: Pick<ServiceDeps, 'db'>, filter: sqlBoard.BoardSqlFilter, groups: readonly sqlBoard.DayGroup[], sort: BoardQuery['sort'], offset: number, limit: number, calendar: BusinessCalendar,
): Promise<string[]> {
  if (sort === 'agency') {
    const rows = await sqlBoard.shownRowKeys(deps.db, filter);
    rows.sort((a, b) => collator.compare(a.agency, b.agency) || a.lastDay.localeCompare(b.lastDay) || a.id.localeCompare(b.id));
    return rows.slice(offset, offset + limit).map((r) => r.id);
  }
  const buckets = new Map<string, { daysLate: number; lastDay: string; count: number; groups: sqlBoard.DayGroup[] }>();
  for (const g of groups) {
    const daysLate = sort === 'days-late' ? workingDaysLateOf(g, filter.today, calendar) : 0;
    const key = `${daysLate}|${g.lastDay}`;
    const b = buckets.get(key) ?? { daysLate, lastDay: g.lastDay, count: 0, groups: [] };
    b.count += g.count;
    b.groups.push(g);
    buckets.set(key, b);
  }
  const ordered = [...buckets.values()].sort((a, b) => b.daysLate - a.daysLate || a.lastDay.localeCompare(b.lastDay));
  const wanted: typeof ordered = [];
  let before = 0;
  let skipped = 0;
  for (const b of ordered) {
    if (before + b.count > offset && before < offset + limit) {
      if (!wanted.length) skipped = before;
      wanted.push(b);
    }
    before += b.count;
  }
  const rank = new Map<string, number>();
  wanted.forEach((b, i) => b.groups.forEach((g) => rank.set(groupKey(g), i)));
  const rows = await sqlBoard.rowsOfDayGroups(deps.db, filter, wanted.flatMap((b) => b.groups));
  rows.sort((a, b) => rank.get(groupKey(a))! - rank.get(groupKey(b))! || collator.compare(a.agency, b.agency) || a.id.localeCompare(b.id));
  return rows.slice(offset - skipped, offset - skipped + limit).map((r) => r.id);
}

const ratesOfCounts = (c: { expected: number; received: number; onTime: number }): Rates => ({
  ...c,
  reportingRate: c.expected ? c.received / c.expected : null,
  onTimeRate: c.expected ? c.onTime / c.expected : null,
});

/** A rates list with the names of its rows, by name. */
async function namedRates(deps: Pick<ServiceDeps, 'db'>, by: 'agency' | 'plan' | 'organisation', rows: readonly sqlBoard.RateCounts[]): Promise<RateRow[]> {
  const ids = rows.map((r) => r.id);
  const names = new Map<string, string>(
    by === 'agency'
      ? (await deps.db.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((a) => [a.id, a.name])
      : by === 'plan'
        ? (await deps.db.plan.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, title: true } })).map((p) => [p.id, `${p.number} – ${p.title}`])
        : (await deps.db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({ id: r.id, name: names.get(r.id) ?? r.id, ...ratesOfCounts(r) })).sort((a, b) => collator.compare(a.name, b.name));
}

async function onTimeSeries(deps: Pick<ServiceDeps, 'db'>, filter: sqlBoard.BoardSqlFilter): Promise<OnTimeSeries> {
  const years = await sqlBoard.yearsOf(deps.db, filter);
  const top = (await sqlBoard.chartAgencies(deps.db, filter, CHART_MAX_AGENCIES)).sort((a, b) => b.expected - a.expected || collator.compare(a.name, b.name));
  const perYear = new Map((await sqlBoard.yearlyRates(deps.db, filter, top.map((a) => a.id))).map((r) => [`${r.id}|${r.year}`, r]));
  return {
    years,
    series: top.map((a) => ({ id: a.id, name: a.name, rates: years.map((y) => { const r = perYear.get(`${a.id}|${y}`); return r ? ratesOfCounts(r).onTimeRate : null; }) })),
  };
}

/** Labels of the period choices: a year stands for every period in it; an ad-hoc period's key is a date no one should read. */
function periodOptions(periods: readonly { key: string; label: string }[]): { periods: string[]; periodLabels: Record<string, string> } {
  const labels: Record<string, string> = {};
  for (const p of periods) {
    labels[p.key.slice(0, 4)] = `Cả năm ${p.key.slice(0, 4)}`;
    // A yearly period's key is its year: its own label ("Năm 2026") says the same thing.
    if (p.key.length > 4) labels[p.key] = p.label;
  }
  return { periods: [...new Set(periods.flatMap((p) => [p.key.slice(0, 4), p.key]))].sort().reverse(), periodLabels: labels };
}

async function options(deps: Pick<ServiceDeps, 'db'>, scope: ResolvedScope, plan: string | undefined): Promise<Board['options']> {
  const o = await sqlBoard.optionRows(deps.db, scope, plan, OPTIONS_MAX);
  const cut = <T>(items: T[]) => items.slice(0, OPTIONS_MAX);
  return {
    plans: cut(o.plans).map((p) => ({ id: p.id, label: `${p.number} – ${p.organisation}` })).sort(byLabel),
    obligations: cut(o.obligations).map((x) => ({ id: x.id, label: `${x.number}: ${x.agency} – ${x.title || x.rule}` })).sort(byLabel),
    agencies: cut(o.agencies).map((a) => ({ id: a.id, label: `${a.name} (${a.organisation})` })).sort(byLabel),
    ...periodOptions(o.periods),
    truncated: { plans: o.plans.length > OPTIONS_MAX, obligations: o.obligations.length > OPTIONS_MAX, agencies: o.agencies.length > OPTIONS_MAX },
  };
}

interface Prepared {
  query: BoardQuery;
  now: Date;
  scope: ResolvedScope;
  period: string;
  /** Every period, the filters and the search applied (the chart's rows). */
  filtered: sqlBoard.BoardSqlFilter;
  /** `filtered` in the board's period (counts, rates). */
  current: sqlBoard.BoardSqlFilter;
  status: string | undefined;
  /** The data version the cached aggregates are keyed by (./board-cache.ts). */
  version: Date | null;
}

async function prepare(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown): Promise<Prepared> {
  const query = parseBody(boardQuerySchema, input);
  const now = deps.clock();
  const scope = await scopeFor(deps, principal, 'deadline.read');
  const escalation = blank(query.escalation);
  const filtered: sqlBoard.BoardSqlFilter = {
    scope, today: toIsoDate(localDateOf(now)), plan: blank(query.plan), obligation: blank(query.obligation), agency: blank(query.agency),
    escalation: escalation === undefined ? undefined : Number(escalation),
  };
  const version = await sqlBoard.dataVersion(deps.db);
  const folded = query.q ? foldForSearch(query.q) : '';
  // A search folds every row's text of the scope in memory: cached like the aggregates it feeds.
  if (folded) {
    filtered.ids = await cached(deps.db, aggregateKey(`search|${folded}`, filtered), version, async () =>
      (await sqlBoard.searchTexts(deps.db, filtered)).filter((r) => foldForSearch(r.text).includes(folded)).map((r) => r.id),
    );
  }
  const period = blank(query.period) ?? String(currentYear(now));
  return { query, now, scope, version, period, filtered, current: { ...filtered, period }, status: blank(query.status) };
}

/** The key of a filter's aggregates: the scope and filters as given (a province's ids and a search's matches digested), and today. */
const aggregateKey = (what: string, f: sqlBoard.BoardSqlFilter) =>
  `${what}|${digest(f.scope)}|${f.today}|${digest({ ...f, scope: undefined, today: undefined })}`;

/** The period's day groups (counts, ageing, the day-based sorts), cached per data version. */
function cachedDayGroups(deps: Pick<ServiceDeps, 'db'>, f: sqlBoard.BoardSqlFilter, version: Date | null): Promise<sqlBoard.DayGroup[]> {
  return cached(deps.db, aggregateKey('groups', f), version, () => sqlBoard.dayGroups(deps.db, f));
}

type Aggregates = Pick<Board, 'byAgency' | 'byPlan' | 'byOrganisation' | 'chart' | 'ratesTotal' | 'options'>;

/**
 * Everything on the board that groups the whole scope, except the day groups; cached per data
 * version. The names in it (agencies, plans, organisations) are as old as the entry: at most
 * TTL_MS (src/services/board-cache.ts) after a rename.
 */
function cachedAggregates(deps: Pick<ServiceDeps, 'db'>, p: Prepared, version: Date | null): Promise<Aggregates> {
  return cached(deps.db, aggregateKey('aggregates', p.current), version, async () => {
    const byAgency = await sqlBoard.rateGroups(deps.db, p.current, 'agency', RATES_MAX_ROWS);
    const byPlan = await sqlBoard.rateGroups(deps.db, p.current, 'plan', RATES_MAX_ROWS);
    const byOrganisation = await sqlBoard.rateGroups(deps.db, p.current, 'organisation', RATES_MAX_ROWS);
    return {
      byAgency: await namedRates(deps, 'agency', byAgency.rows),
      byPlan: await namedRates(deps, 'plan', byPlan.rows),
      byOrganisation: byOrganisation.total > 1 ? await namedRates(deps, 'organisation', byOrganisation.rows) : [],
      chart: await onTimeSeries(deps, p.filtered),
      ratesTotal: { byAgency: byAgency.total, byPlan: byPlan.total, byOrganisation: byOrganisation.total > 1 ? byOrganisation.total : 0 },
      options: await options(deps, p.scope, blank(p.query.plan)),
    };
  });
}

export async function readBoard(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown): Promise<Board> {
  const p = await prepare(deps, principal, input);
  const { query } = p;
  const calendar = currentCalendar();
  const { version } = p;
  const groups = await cachedDayGroups(deps, p.current, version);
  const shownGroups = groups.filter(shownBy(p.status));
  const total = shownGroups.reduce((sum, g) => sum + g.count, 0);
  const shownFilter = { ...p.current, status: p.status };
  const offset = (query.page - 1) * query.pageSize;
  // The page's order reads agency names too: cached like the aggregates, its rows are read fresh below.
  const ids = await cached(deps.db, aggregateKey(`page|${p.status ?? ''}|${query.sort}|${offset}|${query.pageSize}`, p.current), version, () =>
    orderedIds(deps, shownFilter, shownGroups, query.sort, offset, query.pageSize, calendar),
  );
  return {
    period: p.period,
    query,
    counts: countsOf(groups, p.current.today, calendar),
    total,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    rows: await rowsByIds(deps, ids, p.now),
    ...(await cachedAggregates(deps, p, version)),
  };
}

/**
 * The board's rows for a query, filtered, searched and sorted as the board shows them, without
 * paging: at most `limit` (EXPORT_MAX_ROWS by default). For exports (the .xlsx of issue 12
 * item 5 writes these rows); `total` says how many matched, so a cut export can say so.
 */
export async function readBoardRows(
  deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown, limit = EXPORT_MAX_ROWS,
): Promise<{ period: string; query: BoardQuery; total: number; rows: BoardRow[] }> {
  const p = await prepare(deps, principal, input);
  const calendar = currentCalendar();
  const shownGroups = (await cachedDayGroups(deps, p.current, p.version)).filter(shownBy(p.status));
  const ids = await orderedIds(deps, { ...p.current, status: p.status }, shownGroups, p.query.sort, 0, Math.min(limit, EXPORT_MAX_ROWS), calendar);
  return { period: p.period, query: p.query, total: shownGroups.reduce((sum, g) => sum + g.count, 0), rows: await rowsByIds(deps, ids, p.now) };
}
