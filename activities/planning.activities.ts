// What a workflow plans its steps with reaches it as an activity result (recorded in its
// history), never from the workflow bundle: the business calendar (official data and, later,
// an administrator's edits) and the reminder policy of the deadline's plan. A newly
// announced year or an edited policy applies to every step planned after the change, while
// a recorded history replays with what it saw.
import { log } from '@temporalio/activity';
import type { PlanningContext } from '../src/contract/messages';
import type { ReminderPolicy } from '../src/domain/timeline';
import { reminderPolicySchema } from '../src/schemas/policy.schemas';
import { calendarOverrides } from '../src/stores/calendar.store';
import type { ActivityDeps } from './deps';

export interface PlanningActivities {
  /** For a deadline (its plan's policy, when one is set) or, without one, the defaults. */
  planningContext(input: { deadlineId?: string }): Promise<PlanningContext>;
}

export function createPlanningActivities(deps: Pick<ActivityDeps, 'db'>): PlanningActivities {
  return {
    async planningContext({ deadlineId }) {
      const calendar = calendarOverrides();
      const policy = deadlineId ? await planPolicy(deps, deadlineId) : null;
      // Absent, not null: the workflow falls back to the default policy (DOMAIN.md).
      return policy ? { calendar, policy } : { calendar };
    },
  };
}

/** The plan's own policy, or null when it has none (or its deadline is gone). */
async function planPolicy(deps: Pick<ActivityDeps, 'db'>, deadlineId: string): Promise<ReminderPolicy | null> {
  const row = await deps.db.deadline.findUnique({
    where: { id: deadlineId },
    select: { obligation: { select: { plan: { select: { id: true, reminderPolicy: true } } } } },
  });
  const plan = row?.obligation.plan;
  if (!plan?.reminderPolicy) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(plan.reminderPolicy);
  } catch {
    stored = undefined;
  }
  const parsed = reminderPolicySchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  // Every write goes through the same schema (src/services/admin/reminder-policy.ts), so only
  // a hand edit of the database gets here. Failing would stop the deadline's reminders for
  // good (a local activity retried forever); the default policy keeps them going, and the
  // warning names the plan to fix.
  log.warn('the plan reminder policy is not valid; using the default one', { planId: plan.id, deadlineId, issues: parsed.error.issues.length });
  return null;
}
