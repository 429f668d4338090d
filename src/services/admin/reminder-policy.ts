// A plan's reminder policy: read it (the plan's own, or the default one) and change it.
// Stored as JSON in Plan.reminderPolicy, always through reminderPolicySchema; running
// deadline workflows read it at their next planning point (activities/planning.activities.ts),
// so a change reaches every deadline of the plan without restarting anything, and steps
// already sent stay sent.
import { defaultReminderPolicy, type ReminderPolicy } from '../../domain/timeline';
import { reminderPolicySchema, type PlanReminderPolicy } from '../../schemas/policy.schemas';
import { appendAudit, type Actor } from '../audit';
import type { ServiceDeps } from '../deps';
import { parseBody, ServiceError } from '../errors';

const notFound = (planId: string) => new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);

/** The stored JSON as a policy; null for none (or, after a hand edit of the database, one the schema refuses). */
function storedPolicy(json: string | null): ReminderPolicy | null {
  if (!json) return null;
  try {
    const parsed = reminderPolicySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function getReminderPolicy(deps: Pick<ServiceDeps, 'db'>, planId: string): Promise<PlanReminderPolicy> {
  const plan = await deps.db.plan.findUnique({ where: { id: planId }, select: { reminderPolicy: true } });
  if (!plan) throw notFound(planId);
  const own = storedPolicy(plan.reminderPolicy);
  return { planId, policy: own ?? defaultReminderPolicy, isDefault: own === null };
}

/** Sets the plan's own policy (input: a ReminderPolicy); null input goes back to the default one. */
export async function setReminderPolicy(deps: Pick<ServiceDeps, 'db' | 'clock'>, actor: Actor, planId: string, input: unknown): Promise<PlanReminderPolicy> {
  const policy = input === null ? null : parseBody(reminderPolicySchema, input, { vi: 'Chính sách nhắc hạn chưa hợp lệ', en: 'The reminder policy is not valid' });
  return deps.db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: { organisationId: true, reminderPolicy: true } });
    if (!plan) throw notFound(planId);
    const before = storedPolicy(plan.reminderPolicy);
    await tx.plan.update({ where: { id: planId }, data: { reminderPolicy: policy ? JSON.stringify(policy) : null } });
    await appendAudit(tx, deps.clock(), actor, {
      action: 'plan.policy',
      organisationId: plan.organisationId,
      subjectType: 'plan',
      subjectId: planId,
      // The policy in force on either side, so an inspector reads it without knowing the default.
      before: { isDefault: before === null, policy: before ?? defaultReminderPolicy },
      after: { isDefault: policy === null, policy: policy ?? defaultReminderPolicy },
    });
    return { planId, policy: policy ?? defaultReminderPolicy, isDefault: policy === null };
  });
}

/** What the policy page says about the plan. */
export async function planHeading(deps: Pick<ServiceDeps, 'db'>, planId: string): Promise<{ id: string; number: string; title: string }> {
  const plan = await deps.db.plan.findUnique({ where: { id: planId }, select: { id: true, number: true, title: true } });
  if (!plan) throw notFound(planId);
  return plan;
}
