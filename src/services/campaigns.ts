// Campaign use cases: start a campaign's workflow (idempotent), record its results report,
// set the day this year's results report is due.
import type { CampaignWorkflowInput } from '../schemas/campaign.schemas';
import { recordCampaignResultsBodySchema, setCampaignResultsDueBodySchema } from '../schemas/campaign.schemas';
import { recordCampaignResultsUpdate, setCampaignResultsDueUpdate } from '../contract/messages';
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

async function campaignOf(deps: ServiceDeps, campaignId: string) {
  const campaign = await deps.db.campaign.findUnique({ where: { id: campaignId }, include: { plan: { select: { organisationId: true } } } });
  if (!campaign) throw new ServiceError('not-found', 'Không tìm thấy đợt hoạt động', 'Campaign not found', [campaignId]);
  return campaign;
}

/** Recorded by the campaign workflow's activity; the audit log records who asked, once the workflow accepted. */
export async function recordCampaignResults(deps: ServiceDeps, actor: Actor, campaignId: string, body: unknown): Promise<{ year: number }> {
  const parsed = parseBody(recordCampaignResultsBodySchema, body);
  const campaign = await campaignOf(deps, campaignId);
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

/**
 * Sets the day this year's results report is due (the plan left it open, or it changed).
 * The workflow validates it (the running year, not before the campaign's end, not in the
 * past, results not yet in), stores it on the run and replans the results reminders; the
 * audit row follows its acceptance, as for the results report itself.
 */
export async function setCampaignResultsDue(deps: ServiceDeps, actor: Actor, campaignId: string, body: unknown): Promise<{ year: number; resultsDue: string }> {
  const parsed = parseBody(setCampaignResultsDueBodySchema, body);
  const campaign = await campaignOf(deps, campaignId);
  const run = await deps.db.campaignRun.findUnique({ where: { id: `${campaignId}.${parsed.year}` }, select: { resultsDue: true } });
  const result = await runUpdate(() => deps.temporal.workflow.getHandle(campaignWorkflowId(campaignId)).executeUpdate(setCampaignResultsDueUpdate, { args: [parsed] }), {
    refusedVi: 'Không thể đặt hạn báo cáo kết quả',
    nameVi: 'Quy trình của đợt',
    nameEn: 'campaign workflow',
  });
  await appendAudit(deps.db, deps.clock(), actor, {
    action: 'campaign.results-due',
    organisationId: campaign.plan.organisationId,
    subjectType: 'campaign',
    subjectId: campaignId,
    before: run ? { resultsDue: run.resultsDue } : null,
    after: { year: result.year, resultsDue: result.resultsDue, reason: parsed.reason },
  });
  return result;
}
