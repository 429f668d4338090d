// The coordinator's own upward report (báo cáo tổng hợp): an obligation of kind "rollup"
// for the plan's coordinator, on the same periods as the agencies' reports, whose emails
// and dashboard row show how many agencies have reported ("7/9"). Its deadline should
// leave at least one working day after the agencies' one: a missing gap is flagged.
import { z } from 'zod';
import { currentCalendar } from '../stores/calendar.store';
import { checkCascade, type CascadeCheck } from '../domain/cascade';
import { parseDueRule } from '../domain/due-rule';
import { DomainError } from '../domain/errors';
import { parseIsoDate } from '../domain/local-date';
import { slug } from '../ingest/draft';
import { periodsFor } from '../domain/periods';
import { appendAudit, type Actor } from './audit';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { shortHash } from '../stores/ids';
import { startObligationDeadlines, startObligationWorkflow, type TrackingOptions } from './start-deadlines';

export const createRollUpBodySchema = z.object({
  ruleText: z.string().trim().min(3).max(300),
  /** Who the roll-up goes to ("Sở Nội vụ, UBND tỉnh"). */
  recipient: z.string().trim().min(2).max(300),
});

export interface RollUpResult {
  obligationId: string;
  /** Against the agencies' first period; ok=false means the roll-up is late by construction. */
  cascade: CascadeCheck | null;
  startedWorkflows: number;
}

/** `tracking`: a roll-up confirmed with a plan imported mid-span tracks from the same day as its agencies. */
export async function createRollUp(deps: ServiceDeps, actor: Actor, planId: string, input: unknown, tracking: TrackingOptions = {}): Promise<RollUpResult> {
  const body = parseBody(createRollUpBodySchema, input);
  const plan = await deps.db.plan.findUnique({ where: { id: planId }, include: { obligations: { where: { kind: 'periodic' } } } });
  if (!plan) throw new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);
  if (!plan.coordinatorAgencyId) {
    throw new ServiceError('invalid-input', 'Kế hoạch chưa có cơ quan đầu mối', 'The plan has no coordinator agency', ['plan.coordinator: required']);
  }
  const span = { from: plan.spanFrom, to: plan.spanTo };
  const calendar = currentCalendar();
  const options = { issuedOn: parseIsoDate(plan.issuedOn), holidayRule: plan.holidayRule === 'civil-code' ? ('civil-code' as const) : ('written-date' as const) };
  let ownFirst;
  try {
    ownFirst = periodsFor(parseDueRule(body.ruleText), span, calendar, options)[0];
  } catch (err) {
    if (err instanceof DomainError) throw new ServiceError('invalid-input', err.messageVi, err.messageEn, [`ruleText: ${err.messageEn}`]);
    throw err;
  }
  const agencyRule = plan.obligations[0]?.ruleText;
  const agencyFirst = agencyRule ? periodsFor(parseDueRule(agencyRule), span, calendar, options).find((p) => p.periodKey === ownFirst?.periodKey) : undefined;
  const cascade = ownFirst && agencyFirst ? checkCascade(agencyFirst.lastDay, ownFirst.lastDay, calendar) : null;

  const key = { planId_agencyId_ruleText_title: { planId, agencyId: plan.coordinatorAgencyId, ruleText: body.ruleText, title: `Báo cáo tổng hợp gửi ${body.recipient}` } };
  const obligation = await deps.db.$transaction(async (tx) => {
    const existing = await tx.obligation.findUnique({ where: key });
    if (existing) return existing;
    const created = await tx.obligation.create({
      // The hash covers the recipient too: two recipients that slug alike ("Sở Nội vụ", "Sở nội vụ") are two obligations.
      data: { id: `${planId}.rollup.${slug(body.recipient, 40)}.${shortHash(`${body.ruleText}\n${body.recipient}`)}`, ...key.planId_agencyId_ruleText_title, kind: 'rollup', indicators: 'Tổng hợp báo cáo của các đơn vị' },
    });
    await appendAudit(tx, deps.clock(), actor, {
      action: 'plan.rollup',
      organisationId: plan.organisationId,
      subjectType: 'obligation',
      subjectId: created.id,
      after: { ruleText: created.ruleText, title: created.title, agencyId: created.agencyId },
    });
    return created;
  });
  const started = await startObligationDeadlines(deps, obligation.id, tracking);
  await startObligationWorkflow(deps, obligation.id, tracking);
  return { obligationId: obligation.id, cascade, startedWorkflows: started.started.length };
}

