// What the plan and agency pages show: a plan's obligations, campaigns and, per period, how
// many agencies have reported ("7/9 đơn vị đã báo cáo"); an agency's contacts, obligations
// and on-time record. The route checked the reader may see the plan or the agency; the
// deadlines listed are still those the reader's deadline scope allows (an agency user sees
// its own agency's reports only).
import type { Principal } from '../auth/policy';
import { ratesOf, type Rates } from '../domain/board';
import { formatViIsoDate } from '../domain/local-date';
import { rollUpProgress, type RollUpProgress } from '../stores/rollup-progress';
import { boardRows, type BoardRow } from './board';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';

export interface PlanView {
  plan: { id: string; number: string; title: string; issuedOnVi: string; span: string; organisationId: string; organisation: string };
  obligations: { id: string; agency: string; ruleText: string; indicators: string; kind: string; title: string }[];
  campaigns: { id: string; name: string; start: string; end: string; resultsDue: string | null; runs: { year: number; start: string; end: string; resultsDue: string; status: string; endIso: string; resultsDueIso: string }[] }[];
  /** Newest period first; only periods of the plan's periodic obligations and ad-hoc requests. */
  periods: { periodKey: string; label: string; progress: RollUpProgress; openCount: number }[];
  /** The plan's agencies by name, for the ad-hoc request form. */
  agencies: { id: string; name: string }[];
  rows: BoardRow[];
}

const vi = (iso: string) => formatViIsoDate(iso) ?? iso;

export async function planView(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, planId: string): Promise<PlanView> {
  const plan = await deps.db.plan.findUnique({
    where: { id: planId },
    include: { organisation: true, obligations: { include: { agency: true }, orderBy: { id: 'asc' } }, campaigns: { include: { runs: { orderBy: { year: 'desc' } } }, orderBy: { name: 'asc' } } },
  });
  if (!plan) throw new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);
  const rows = (await boardRows(deps, principal, deps.clock())).filter((r) => r.planId === planId);
  const periodRows = await deps.db.deadline.findMany({
    where: { obligation: { planId, kind: 'periodic' } },
    select: { periodKey: true, periodLabel: true, status: true },
    distinct: ['periodKey'],
    orderBy: { periodKey: 'desc' },
  });
  const periods = [];
  for (const p of periodRows) {
    const progress = await rollUpProgress(deps.db, planId, p.periodKey);
    periods.push({ periodKey: p.periodKey, label: p.periodLabel, progress, openCount: progress.expected - progress.reported });
  }
  const agencies = await deps.db.agency.findMany({ where: { organisationId: plan.organisationId }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return {
    plan: { id: plan.id, number: plan.number, title: plan.title, issuedOnVi: vi(plan.issuedOn), span: `${plan.spanFrom}–${plan.spanTo}`, organisationId: plan.organisationId, organisation: plan.organisation.name },
    obligations: plan.obligations.map((o) => ({ id: o.id, agency: o.agency.name, ruleText: o.ruleText, indicators: o.indicators, kind: o.kind, title: o.title })),
    campaigns: plan.campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      start: c.start,
      end: c.end,
      resultsDue: c.resultsDue,
      // dd/MM/yyyy for people; the ISO days (added later) for the results-day form.
      runs: c.runs.map((r) => ({ year: r.year, start: vi(r.start), end: vi(r.end), resultsDue: vi(r.resultsDue), status: r.status, endIso: r.end, resultsDueIso: r.resultsDue })),
    })),
    periods,
    agencies: agencies.sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    rows,
  };
}

export interface AgencyView {
  agency: { id: string; name: string; headName: string | null; headEmail: string | null; organisationId: string; organisation: string };
  contacts: { name: string; email: string; phone: string | null }[];
  obligations: { id: string; planId: string; planNumber: string; ruleText: string; indicators: string; kind: string; title: string }[];
  /** The agency's reports the reader may see, newest last day first. */
  rows: BoardRow[];
  /** Over every year, and per year (newest first). */
  record: Rates;
  byYear: ({ year: string } & Rates)[];
}

export async function agencyView(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal, agencyId: string): Promise<AgencyView> {
  const a = await deps.db.agency.findUnique({
    where: { id: agencyId },
    include: { organisation: true, contacts: { orderBy: { name: 'asc' } }, obligations: { include: { plan: true }, orderBy: { id: 'asc' } } },
  });
  if (!a) throw new ServiceError('not-found', 'Không tìm thấy đơn vị', 'Agency not found', [agencyId]);
  const rows = (await boardRows(deps, principal, deps.clock())).filter((r) => r.agencyId === agencyId).sort((x, y) => y.lastDay.localeCompare(x.lastDay));
  const years = [...new Set(rows.map((r) => r.periodKey.slice(0, 4)))].sort().reverse();
  return {
    agency: { id: a.id, name: a.name, headName: a.headName, headEmail: a.headEmail, organisationId: a.organisationId, organisation: a.organisation.name },
    contacts: a.contacts.map((c) => ({ name: c.name, email: c.email, phone: c.phone })),
    obligations: a.obligations.map((o) => ({ id: o.id, planId: o.planId, planNumber: o.plan.number, ruleText: o.ruleText, indicators: o.indicators, kind: o.kind, title: o.title })),
    rows,
    record: ratesOf(rows),
    byYear: years.map((year) => ({ year, ...ratesOf(rows.filter((r) => r.periodKey.startsWith(year))) })),
  };
}
