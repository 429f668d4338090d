// createActivities(deps): every side effect the workflows may ask for.
import { createDeadlineActivities } from './deadline.activities';
import type { ActivityDeps } from './deps';
import { createObligationActivities } from './obligation.activities';
import { createCampaignActivities } from './campaign.activities';
import { createDigestActivities } from './digest.activities';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return { ...createDeadlineActivities(deps), ...createObligationActivities(deps), ...createCampaignActivities(deps), ...createDigestActivities(deps) };
}
