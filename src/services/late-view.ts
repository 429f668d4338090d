// The leader's view: every agency that is late, across plans and periods, with its working
// days late and the escalation actually sent (level, to whom, when); and for a reader who sees
// several organisations (a province's leader), the roll-up of the current year per commune.
import type { Principal } from '../auth/policy';
import { currentYear, ratesOf } from '../domain/board';
import { boardRows, type BoardRow, type RateRow } from './board';
import type { ServiceDeps } from './deps';

export interface LateView {
  year: number;
  /** Overdue reports, most working days late first. */
  rows: BoardRow[];
  /** The current year per organisation, when the reader sees more than one; else empty. */
  byOrganisation: (RateRow & { overdue: number })[];
}

export async function readLate(deps: Pick<ServiceDeps, 'db' | 'clock'>, principal: Principal): Promise<LateView> {
  const now = deps.clock();
  const all = await boardRows(deps, principal, now);
  const rows = all.filter((r) => r.official === 'overdue').sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.agency.localeCompare(b.agency, 'vi'));
  const year = currentYear(now);
  const thisYear = all.filter((r) => r.periodKey.startsWith(String(year)));
  const organisations = new Map<string, string>();
  for (const r of all) organisations.set(r.organisationId, r.organisation);
  const byOrganisation =
    organisations.size > 1
      ? [...organisations]
          .map(([id, name]) => {
            const mine = thisYear.filter((r) => r.organisationId === id);
            return { id, name, ...ratesOf(mine), overdue: mine.filter((r) => r.official === 'overdue').length };
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      : [];
  return { year, rows, byOrganisation };
}
