// Side effects of the obligation workflow: opening a period that has begun (its deadline
// row and its deadline workflow, src/services/open-period.ts). The deadline workflow is
// started through the client rather than as a child, so it is independent of the
// obligation workflow's runs (which continue as new every period).
import { ApplicationFailure } from '@temporalio/activity';
import type { PeriodToOpen, StartedPeriod } from '../src/schemas/obligation.schemas';
import { openPeriod } from '../src/services/open-period';
import type { ActivityDeps } from './deps';

export interface ObligationActivities {
  startPeriod(period: PeriodToOpen): Promise<StartedPeriod>;
}

export function createObligationActivities(deps: ActivityDeps): ObligationActivities {
  return {
    async startPeriod(p) {
      if (!deps.temporal) throw ApplicationFailure.nonRetryable('This worker has no Temporal client to start deadline workflows', 'MisconfiguredWorker');
      return openPeriod(deps, deps.temporal, p);
    },
  };
}
