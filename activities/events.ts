// The append-only event table behind the dashboard's history; rows are never changed.
import type { ActivityDeps } from './deps';

export async function appendEvent(deps: ActivityDeps, deadlineId: string, type: string, payload: object = {}) {
  await deps.db.deadlineEvent.create({
    data: { deadlineId, type, at: deps.clock(), payload: JSON.stringify(payload) },
  });
}
