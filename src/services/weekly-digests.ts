// The leader's weekly digest runs as one workflow per organisation with a leadership email
// (workflows/weekly-digest.workflow.ts). Started at every start of the app, idempotent by
// workflow id, so an organisation given a leadership email since is picked up at the next
// start, and one whose email was removed gets nothing (the activity finds no recipient).
import { startWeeklyDigestWorkflow } from '../temporal/starters';
import { starterOf, type ServiceDeps } from './deps';

/** Returns how many were started now (the others were running already). */
export async function startWeeklyDigests(deps: ServiceDeps): Promise<number> {
  const organisations = await deps.db.organisation.findMany({ where: { leadershipEmail: { not: null } }, select: { id: true } });
  let started = 0;
  for (const o of organisations) if (await startWeeklyDigestWorkflow(starterOf(deps), o.id)) started += 1;
  return started;
}
