import type { PlanText } from './plan-text';
import type { Proposal } from './proposal';
import { readAgencies, readGoals } from './rules/agencies.rules';
import { readCampaigns } from './rules/campaigns.rules';
import { readMetadata } from './rules/metadata.rules';
import { readObligations } from './rules/obligations.rules';
import { readQuotas, readReviews } from './rules/quotas-reviews.rules';

/**
 * The proposal for one plan: deterministic, rule-based, no network (issue 5). Each rule
 * file reads one kind of item and is tested on its own; see docs/plan-import.md.
 */
export function extractProposal(plan: PlanText): Proposal {
  const meta = readMetadata(plan);
  const goals = readGoals(plan);
  const agencyReading = readAgencies(plan, goals);
  const { obligations, upwardReports, unread } = readObligations(agencyReading, meta);
  // A Thông tư, a Quyết định or a letter has no plan number and no span of its own: only a
  // plan (a "KẾ HOẠCH" heading or a KH number) is expected to state them.
  const isPlan = /(?:^|\n)\s*KẾ HOẠCH\s*(?:\n|$)/u.test(plan.text) || /\/KH/u.test(meta.number ?? '');
  if (meta.number === null && isPlan) unread.unshift('Không thấy số kế hoạch ("Số: .../KH-...") (no plan number found).');
  if (meta.span === null && isPlan) unread.unshift('Không thấy giai đoạn của kế hoạch (no span such as 2026–2030 found).');
  if (obligations.length === 0) unread.unshift('Không thấy nghĩa vụ báo cáo có hạn (no reporting obligation with a due date found).');
  return {
    plan: meta,
    agencies: agencyReading.agencies,
    goals,
    obligations,
    upwardReports,
    campaigns: readCampaigns(plan, agencyReading),
    quotas: readQuotas(plan),
    reviews: readReviews(plan),
    unread,
  };
}
