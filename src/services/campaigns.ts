// Campaign use cases: start a campaign's workflow (idempotent), record its results report.
import type { CampaignWorkflowInput } from '../schemas/campaign.schemas';
import { recordCampaignResultsBodySchema } from '../schemas/campaign.schemas';
import { recordCampaignResultsUpdate } from '../contract/messages';
import { campaignWorkflowId } from '../contract/names';
import { startCampaignWorkflow as start } from '../temporal/starters';
import { appendAudit, type Actor } from './audit';
import { starterOf, type ServiceDeps } from './deps';
import { parseBody, runUpdate, ServiceError } from './errors';

const monthDay = (md: string) => ({ month: Number(md.slice(0, 2)), day: Number(md.slice(3, 5)) });

/** Returns whether it started now (false: it was running already). */
export async function startCampaignWorkflow(deps: ServiceDeps, campaignId: string): Promise<boolean> {
  const campaign = await deps.db.campaign.findUniqueOrThrow({ where: { id: campaignId }, include: { plan: true } });
  const input: CampaignWorkflowInput = {
    campaignId,
    name: campaign.name,
    start: monthDay(campaign.start),
    end: monthDay(campaign.end),
    recurring: campaign.recurring,
    resultsDue: campaign.resultsDue ? monthDay(campaign.resultsDue) : null,
    spanFrom: campaign.plan.spanFrom,
    spanTo: campaign.plan.spanTo,
    issuedOn: campaign.plan.issuedOn,
  };
  return start(starterOf(deps), input);
}

/** Recorded by the campaign workflow's activity; the audit log records who asked, once the workflow accepted. */
export async function recordCampaignResults(deps: ServiceDeps, actor: Actor, campaignId: string, body: unknown): Promise<{ year: number }> {
  const parsed = parseBody(recordCampaignResultsBodySchema, body);
  const campaign = await deps.db.campaign.findUnique({ where: { id: campaignId }, include: { plan: { select: { organisationId: true } } } });
  if (!campaign) throw new ServiceError('not-found', 'Không tìm thấy đợt hoạt động', 'Campaign not found', [campaignId]);
  const result = await runUpdate(() => deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).executeUpdate(recordCampaignResultsUpdate, { args: [parsed] }), {
    refusedVi: 'Không thể ghi nhận',
    nameVi: 'Quy trình của đợt',
    nameEn: 'campaign workflow',
  });
  await appendAudit(deps.db, deps.clock(), actor, {
    action: 'campaign.results',
    organisationId: campaign.plan.organisationId,
    subjectType: 'campaign',
    subjectId: campaignId,
    after: { ...parsed, year: result.year },
  });
  return result;
}
