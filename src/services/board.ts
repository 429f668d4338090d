// The coordinator's board: every deadline the reader may see (the policy's read scope,
// never more), each with its official status and working days late from src/domain/board at
// read time; filtered, searched, sorted and paged; counted; and summed up as DHIS2's
// reporting and on-time rates per agency, per plan and, when the reader sees several
// organisations (a province), per organisation. The on-time rate per agency over the years
// feeds the chart.
//
// One query of the scope, filtered in memory: the chart and the filter choices need every
// year and every plan anyway. (Issue 12's 100,000-deadline target is not measured yet; see
// docs/board.md.)
import type { Principal } from '../auth/policy';
import { boardEntry, countBoard, currentYear, OFFICIAL_STATUS_VI, ratesOf, type BoardCounts, type BoardEntry, type Rates } from '../domain/board';
import { formatViDateWithWeekday, parseIsoDate } from '../domain/local-date';
import { foldForSearch } from '../domain/text';
import { boardQuerySchema, type BoardQuery } from '../schemas/board.schemas';
import { currentCalendar } from '../stores/calendar.store';
import { deadlinesIn, scopeFor } from './access';
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
  /** What the filters can choose from, within the reader's scope. */
  options: {
    plans: { id: string; label: string }[];
    obligations: { id: string; label: string }[];
    agencies: { id: string; label: string }[];
    periods: string[];
    /** What each of `periods` reads as on a page: "Cả năm 2026" for a year, the period's own label otherwise. */
    periodLabels: Record<string, string>;
  };
}

/** Labels of the period choices: a year stands for every period in it; an ad-hoc period's key is a date no one should read. */
function periodLabels(rows: readonly BoardRow[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const r of rows) {
    labels[r.periodKey.slice(0, 4)] = `Cả năm ${r.periodKey.slice(0, 4)}`;
    // A yearly period's key is its year: its own label ("Năm 2026") says the same thing.
    if (r.periodKey.length > 4) labels[r.periodKey] = r.periodLabel;
  }
  return labels;
}

/** Lines of the chart: the agencies with the most reports expected, so it stays readable. */
export const CHART_MAX_AGENCIES = 8;

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** Every deadline the principal may read, as board rows at `now` (unfiltered). */
export async function boardRows(deps: Pick<ServiceDeps, 'db'>, principal: Principal, now: Date): Promise<BoardRow[]> {
  const scope = await scopeFor(deps, principal, 'deadline.read');
  const rows = await deps.db.deadline.findMany({
    where: deadlinesIn(scope),
    select: {
      id: true, periodKey: true, periodLabel: true, lastDay: true, status: true, extendedFrom: true, escalationLevel: true, escalatedTo: true, escalatedAt: true,
      submissions: { select: { submittedAt: true } },
      obligation: {
        select: {
          id: true, kind: true, title: true, ruleText: true,
          agency: { select: { id: true, name: true } },
          plan: { select: { id: true, number: true, title: true, organisation: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const calendar = currentCalendar();
  return rows.map((r) => {
    const lastDay = parseIsoDate(r.lastDay);
    const entry = boardEntry(
      {
        lastDay,
        submittedAt: r.submissions[0]?.submittedAt ?? null,
        waived: r.status === 'waived',
        extendedFrom: r.extendedFrom ? parseIsoDate(r.extendedFrom) : null,
        escalation: r.escalationLevel > 0 ? { level: r.escalationLevel, to: r.escalatedTo ?? '' } : null,
      },
      now,
      calendar,
    );
    const o = r.obligation;
    return {
      ...entry,
      id: r.id,
      planId: o.plan.id,
      planNumber: o.plan.number,
      planTitle: o.plan.title,
      obligationId: o.id,
      obligation: o.title || o.ruleText,
      kind: o.kind,
      agencyId: o.agency.id,
      agency: o.agency.name,
      organisationId: o.plan.organisation.id,
      organisation: o.plan.organisation.name,
      periodKey: r.periodKey,
      periodLabel: r.periodLabel,
      lastDay: r.lastDay,
      lastDayVi: formatViDateWithWeekday(lastDay),
      officialVi: OFFICIAL_STATUS_VI[entry.official],
      escalatedTo: r.escalatedTo,
      escalatedAt: r.escalatedAt?.toISOString() ?? null,
      open: r.status !== 'submitted' && r.status !== 'waived',
    };
  });
}

const inPeriod = (period: string) => (r: BoardRow) => (/^\d{4}$/.test(period) ? r.periodKey.startsWith(period) : r.periodKey === period);

function ratesBy(rows: BoardRow[], key: (r: BoardRow) => { id: string; name: string }): RateRow[] {
  const groups = new Map<string, { name: string; rows: BoardRow[] }>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k.id) ?? { name: k.name, rows: [] };
    g.rows.push(r);
    groups.set(k.id, g);
  }
  return [...groups].map(([id, g]) => ({ id, name: g.name, ...ratesOf(g.rows) })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function onTimeSeries(rows: BoardRow[]): OnTimeSeries {
  const years = [...new Set(rows.map((r) => Number(r.periodKey.slice(0, 4))).filter(Number.isInteger))].sort((a, b) => a - b);
  const byAgency = ratesBy(rows, (r) => ({ id: r.agencyId, name: r.agency }))
    .filter((a) => a.expected > 0)
    .sort((a, b) => b.expected - a.expected || a.name.localeCompare(b.name, 'vi'))
    .slice(0, CHART_MAX_AGENCIES);
  const series = byAgency.map((a) => ({
    id: a.id,
    name: a.name,
    rates: years.map((y) => ratesOf(rows.filter((r) => r.agencyId === a.id && r.periodKey.startsWith(String(y)))).onTimeRate),
  }));
  return { years, series };
}

function matches(q: BoardQuery, folded: string | undefined) {
  const plan = blank(q.plan);
  const obligation = blank(q.obligation);
  const agency = blank(q.agency);
  const escalation = blank(q.escalation);
  return (r: BoardRow) =>
    (!plan || r.planId === plan) &&
    (!obligation || r.obligationId === obligation) &&
    (!agency || r.agencyId === agency) &&
    (escalation === undefined || r.escalationLevel === Number(escalation)) &&
    (!folded || foldForSearch(`${r.agency} ${r.planNumber} ${r.planTitle} ${r.obligation} ${r.periodLabel} ${r.organisation}`).includes(folded));
}

const SORTS: Record<BoardQuery['sort'], (a: BoardRow, b: BoardRow) => number> = {
  'days-late': (a, b) => b.workingDaysLate - a.workingDaysLate || a.lastDay.localeCompare(b.lastDay) || a.agency.localeCompare(b.agency, 'vi'),
  'last-day': (a, b) => a.lastDay.localeCompare(b.lastDay) || a.agency.localeCompare(b.agency, 'vi'),
  agency: (a, b) => a.agency.localeCompare(b.agency, 'vi') || a.lastDay.localeCompare(b.lastDay),
};

export async function readBoard(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown): Promise<Board> {
  const query = parseBody(boardQuerySchema, input);
  const now = deps.clock();
  const all = await boardRows(deps, principal, now);
  const period = blank(query.period) ?? String(currentYear(now));
  const folded = query.q ? foldForSearch(query.q) : '';
  const filtered = all.filter(matches(query, folded || undefined));
  const current = filtered.filter(inPeriod(period));
  const status = blank(query.status);
  const shown = status ? current.filter((r) => (status === 'extended' ? r.extended : r.official === status)) : current;
  shown.sort(SORTS[query.sort]);
  const pages = Math.max(1, Math.ceil(shown.length / query.pageSize));
  const organisations = new Set(current.map((r) => r.organisationId));
  const unique = (items: { id: string; label: string }[]) => [...new Map(items.map((i) => [i.id, i])).values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return {
    period,
    query,
    counts: countBoard(current),
    total: shown.length,
    pages,
    rows: shown.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    byAgency: ratesBy(current, (r) => ({ id: r.agencyId, name: r.agency })),
    byPlan: ratesBy(current, (r) => ({ id: r.planId, name: `${r.planNumber} – ${r.planTitle}` })),
    byOrganisation: organisations.size > 1 ? ratesBy(current, (r) => ({ id: r.organisationId, name: r.organisation })) : [],
    chart: onTimeSeries(filtered),
    options: {
      plans: unique(all.map((r) => ({ id: r.planId, label: `${r.planNumber} – ${r.organisation}` }))),
      obligations: unique(all.filter((r) => !blank(query.plan) || r.planId === query.plan).map((r) => ({ id: r.obligationId, label: `${r.planNumber}: ${r.agency} – ${r.obligation}` }))),
      agencies: unique(all.map((r) => ({ id: r.agencyId, label: `${r.agency} (${r.organisation})` }))),
      periods: [...new Set(all.flatMap((r) => [r.periodKey.slice(0, 4), r.periodKey]))].sort().reverse(),
      periodLabels: periodLabels(all),
    },
  };
}

/**
 * Every row the board's query selects, in the board's order, not one page (the .xlsx export):
 * at most `limit`, with the total so the caller can say what was left out. The filters are
 * the board's own; only paging is ignored.
 */
export async function readBoardAll(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, input: unknown, limit: number): Promise<{ period: string; query: BoardQuery; total: number; rows: BoardRow[] }> {
  const query = parseBody(boardQuerySchema, input);
  const now = deps.clock();
  const period = blank(query.period) ?? String(currentYear(now));
  const folded = query.q ? foldForSearch(query.q) : '';
  const status = blank(query.status);
  const shown = (await boardRows(deps, principal, now))
    .filter(matches(query, folded || undefined))
    .filter(inPeriod(period))
    .filter((r) => !status || (status === 'extended' ? r.extended : r.official === status));
  shown.sort(SORTS[query.sort]);
  return { period, query, total: shown.length, rows: shown.slice(0, limit) };
}
