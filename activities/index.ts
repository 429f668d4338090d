// createActivities(deps): every side effect the workflows may ask for.
import { createCampaignActivities } from './campaign.activities';
import { createDeadlineActivities } from './deadline.activities';
import type { ActivityDeps } from './deps';
import { createDigestActivities } from './digest.activities';
import { createMailActivities } from './mail.activities';
import { createObligationActivities } from './obligation.activities';
import { createPlanningActivities } from './planning.activities';
import { createWeeklyDigestActivities } from './weekly-digest.activities';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createDeadlineActivities(deps),
    ...createObligationActivities(deps),
    ...createCampaignActivities(deps),
    ...createDigestActivities(deps),
    ...createMailActivities(deps),
    ...createPlanningActivities(deps),
    ...createWeeklyDigestActivities(deps),
  };
}
