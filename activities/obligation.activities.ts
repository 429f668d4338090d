// Side effects of the obligation workflow: opening a period that has begun (its deadline
// row and its deadline workflow, src/stores/open-period.ts). The deadline workflow is
// started through the client rather than as a child, so it is independent of the
// obligation workflow's runs (which continue as new every period).
import type { PeriodToOpen, StartedPeriod } from '../src/schemas/obligation.schemas';
import { openPeriod } from '../src/stores/open-period';
import { deadlineStarter } from '../src/temporal/starters';
import type { ActivityDeps } from './deps';

export interface ObligationActivities {
  startPeriod(period: PeriodToOpen): Promise<StartedPeriod>;
}

export function createObligationActivities(deps: ActivityDeps): ObligationActivities {
  return {
    async startPeriod(p) {
      return openPeriod({ ...deps, startDeadline: deadlineStarter(deps.temporal) }, p);
    },
  };
}
