// The obligation behind a báo cáo đột xuất: one per (plan, agency, title, last day), kind "adhoc",
// with the request's own last day in its rule. Shared by the coordinator's request and the
// sample data.
import type { DbTx } from '../db';
import { formatViDate, toIsoDate, type LocalDate } from '../domain/local-date';
import { shortHash } from './ids';

export interface AdhocObligation {
  obligationId: string;
  ruleText: string;
  /** The period key of its one deadline: the last day, YYYY-MM-DD. */
  periodKey: string;
}

export async function upsertAdhocObligation(
  db: DbTx,
  r: { planId: string; agencyId: string; title: string; lastDay: LocalDate; indicators?: string },
): Promise<AdhocObligation> {
  // The last day is part of the request: the same title asked again for another date is a
  // request of its own, whose rule names its own date (it once showed the first one's).
  const obligationId = `${r.planId}.adhoc.${r.agencyId}.${shortHash(`${r.title}\n${toIsoDate(r.lastDay)}`)}`;
  const ruleText = `đột xuất theo yêu cầu, chậm nhất ngày ${formatViDate(r.lastDay)}`;
  await db.obligation.upsert({
    where: { id: obligationId },
    update: {},
    create: { id: obligationId, planId: r.planId, agencyId: r.agencyId, ruleText, indicators: r.indicators ?? '', kind: 'adhoc', title: r.title },
  });
  return { obligationId, ruleText, periodKey: toIsoDate(r.lastDay) };
}
