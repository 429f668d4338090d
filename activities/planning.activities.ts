// What a workflow plans its steps with reaches it as an activity result (recorded in its
// history), never from the workflow bundle: the business calendar (official data and, later,
// an administrator's edits) and the reminder policy. A newly announced year or an edited
// policy applies to every step planned after the change, while a recorded history replays
// with what it saw.
import type { PlanningContext } from '../src/contract/messages';
import { calendarOverrides } from '../src/stores/calendar.store';

export interface PlanningActivities {
  /** For a deadline (its plan's policy, when one is set) or, without one, the defaults. */
  planningContext(input: { deadlineId?: string }): Promise<PlanningContext>;
}

export function createPlanningActivities(): PlanningActivities {
  return {
    async planningContext() {
      // Plans have no policy of their own yet: the workflow falls back to the default one.
      return { calendar: calendarOverrides() };
    },
  };
}
