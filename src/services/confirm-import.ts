// Confirms an import: validate -> write the organisation, plan, agencies, obligations and
// campaigns in one transaction -> start the deadline workflows. Re-importing the same plan
// (same organisation and number) creates nothing twice: rows are found by their natural
// keys, ids are derived from them, and workflow ids from the deadline ids.
import { slug } from '../ingest/draft';
import { confirmImportBodySchema, type ConfirmImportBody } from '../schemas/import.schemas';
import { appendAudit, type Actor } from './audit';
import type { ServiceDeps } from './deps';
import { parseBody, rethrowClassified } from './errors';
import { shortHash } from '../stores/ids';
import { startCampaignWorkflow } from './campaigns';
import { startObligationDeadlines, startObligationWorkflow } from './start-deadlines';
import { createRollUp, type RollUpResult } from './create-rollup';
import { parseIsoDate, toIsoDate } from '../domain/local-date';
import { trackingStartDay } from '../domain/tracking';

export interface ImportResult {
  planId: string;
  /** What this call created; on a re-import these are all 0. */
  created: { agencies: number; obligations: number; campaigns: number; plan: boolean };
  /** Deadline workflows started by this call (periods whose data window has begun). */
  startedWorkflows: number;
  /** Obligation workflows started by this call (they open the later periods over the span). */
  obligationWorkflows: number;
  /** Campaign workflows started by this call (one per campaign, a run per year). */
  campaignWorkflows: number;
  /** The day tracking starts (ISO): each obligation's first tracked period is the first due on or after it. */
  trackFrom: string;
  /** Periods recorded "before tracking" by this call: ended before `trackFrom`, never reminded or counted late. */
  beforeTracking: number;
  /** The coordinator's roll-ups, each with its gap after the agencies' deadline (cascade.ok=false: no working day left to compile). */
  rollups: (Pick<RollUpResult, 'obligationId' | 'cascade'> & { recipient: string })[];
}

/**
 * The readable id derived from a name, unless another row already holds it: names that slug
 * alike ("Trạm Y tế", "Trạm y tế", or two names a slug keeps nothing of) then get the hash of
 * their own natural key appended, so they never collide (a collision was a 500). Rows found
 * by their natural key keep whatever id they have, so a re-import derives nothing new.
 */
async function freeId(base: string, naturalKey: string, taken: (id: string) => Promise<unknown>): Promise<string> {
  return (await taken(base)) ? `${base}.${shortHash(naturalKey)}` : base;
}

export async function confirmImport(deps: ServiceDeps, actor: Actor, input: unknown): Promise<ImportResult> {
  const body: ConfirmImportBody = parseBody(confirmImportBodySchema, input, { vi: 'Đề xuất chưa hợp lệ, hãy sửa các mục sau', en: 'The proposal is not valid yet' });
  const orgId = body.organisation.id;
  const planNumber = body.plan.number.replace(/\s+/g, '');
  const readablePlanId = `${orgId}.${slug(planNumber)}`;
  const created = { agencies: 0, obligations: 0, campaigns: 0, plan: false };
  // A plan confirmed months after it was issued: periods already due were never reminded,
  // so by default tracking starts with each obligation's current or next period.
  const trackFrom = trackingStartDay(body.trackFrom ? parseIsoDate(body.trackFrom) : null, deps.clock());

  const { savedPlanId, obligationIds, campaignIds } = await deps.db.$transaction(async (tx) => {
    await tx.organisation.upsert({ where: { id: orgId }, update: {}, create: { id: orgId, name: body.organisation.name, kind: body.organisation.kind } });
    const agencyIds = new Map<string, string>();
    for (const a of body.agencies) {
      let agency = await tx.agency.findUnique({ where: { organisationId_name: { organisationId: orgId, name: a.name } } });
      if (!agency) {
        agency = await tx.agency.create({
          data: {
            id: await freeId(`${orgId}.${slug(a.name)}`, a.name, (id) => tx.agency.findUnique({ where: { id } })),
            organisationId: orgId, name: a.name, headName: a.headName ?? null, headEmail: a.headEmail ?? null,
          },
        });
        for (const [i, c] of a.contacts.entries()) {
          await tx.contact.create({ data: { id: `${agency.id}.${i + 1}`, agencyId: agency.id, name: c.name, email: c.email } });
        }
        created.agencies += 1;
      }
      agencyIds.set(a.name, agency.id);
    }
    const coordinatorAgencyId = body.plan.coordinator ? agencyIds.get(body.plan.coordinator)! : null;
    const existingPlan = await tx.plan.findUnique({ where: { organisationId_number: { organisationId: orgId, number: planNumber } } });
    const plan =
      existingPlan ??
      (await tx.plan.create({
        data: {
          id: await freeId(readablePlanId, planNumber, (id) => tx.plan.findUnique({ where: { id } })),
          organisationId: orgId,
          number: planNumber,
          title: body.plan.title,
          issuedOn: body.plan.issuedOn,
          spanFrom: body.plan.spanFrom,
          spanTo: body.plan.spanTo,
          holidayRule: body.plan.holidayRule,
          coordinatorAgencyId,
        },
      }));
    created.plan = existingPlan === null;

    const ids: string[] = [];
    for (const o of body.obligations) {
      const agencyId = agencyIds.get(o.reporter)!;
      const indicators = body.agencies.find((a) => a.name === o.reporter)?.indicators ?? '';
      const key = { planId_agencyId_ruleText_title: { planId: plan.id, agencyId, ruleText: o.ruleText, title: o.title } };
      let obligation = await tx.obligation.findUnique({ where: key });
      if (!obligation) {
        obligation = await tx.obligation.create({
          data: {
            id: await freeId(`${plan.id}.${slug(o.reporter, 40)}.${shortHash(o.ruleText)}`, `${agencyId}\n${o.ruleText}`, (id) => tx.obligation.findUnique({ where: { id } })),
            planId: plan.id, agencyId, ruleText: o.ruleText, title: o.title, indicators,
          },
        });
        created.obligations += 1;
      }
      ids.push(obligation.id);
    }
    for (const c of body.campaigns) {
      const exists = await tx.campaign.findUnique({ where: { planId_name: { planId: plan.id, name: c.name } } });
      if (exists) continue;
      await tx.campaign.create({
        data: {
          id: await freeId(`${plan.id}.${slug(c.name, 40)}.${c.start}`, c.name, (id) => tx.campaign.findUnique({ where: { id } })),
          planId: plan.id,
          name: c.name,
          start: c.start,
          end: c.end,
          recurring: c.recurring,
          resultsDue: c.resultsDue,
          organiserId: c.organiser ? agencyIds.get(c.organiser)! : null,
          participants: JSON.stringify([...agencyIds.values()]),
        },
      });
      created.campaigns += 1;
    }
    const campaignIds = (await tx.campaign.findMany({ where: { planId: plan.id }, select: { id: true } })).map((c) => c.id);
    // A re-import that creates nothing is recorded too: it restarts whatever workflows are missing.
    await appendAudit(tx, deps.clock(), actor, {
      action: 'plan.import',
      organisationId: orgId,
      subjectType: 'plan',
      subjectId: plan.id,
      before: existingPlan ? { number: existingPlan.number, title: existingPlan.title } : null,
      after: { number: plan.number, title: plan.title, created, obligations: ids, agencies: [...agencyIds.values()], trackFrom: toIsoDate(trackFrom) },
    });
    return { savedPlanId: plan.id, obligationIds: ids, campaignIds };
  });

  // Outside the transaction: starting a workflow is not undoable, and each start is
  // idempotent, so a transient failure here is repaired by confirming again. A permanent one
  // (the calculus refusing the saved plan, a bug) would fail the same way every time, so it
  // is not answered "try again later": it goes to the error table as it is (400 or 500).
  let startedWorkflows = 0;
  let obligationWorkflows = 0;
  let campaignWorkflows = 0;
  let beforeTracking = 0;
  const rollups: ImportResult['rollups'] = [];
  try {
    for (const id of obligationIds) {
      const deadlines = await startObligationDeadlines(deps, id, { trackFrom });
      startedWorkflows += deadlines.started.length;
      beforeTracking += deadlines.beforeTracking;
      if (await startObligationWorkflow(deps, id, { trackFrom })) obligationWorkflows += 1;
    }
    for (const id of campaignIds) if (await startCampaignWorkflow(deps, id)) campaignWorkflows += 1;
    for (const r of body.rollups) {
      const made = await createRollUp(deps, actor, savedPlanId, r, { trackFrom });
      startedWorkflows += made.startedWorkflows;
      rollups.push({ recipient: r.recipient, obligationId: made.obligationId, cascade: made.cascade });
    }
  } catch (err) {
    rethrowClassified(err, {
      vi: 'Đã lưu kế hoạch nhưng chưa khởi động được quy trình nhắc hạn; hãy xác nhận lại sau.',
      en: 'The plan is saved but its deadline workflows could not be started; confirm again later.',
    });
  }
  return { planId: savedPlanId, created, startedWorkflows, obligationWorkflows, campaignWorkflows, trackFrom: toIsoDate(trackFrom), beforeTracking, rollups };
}
