// Heartbeats from long sends: with a heartbeat timeout on the activity, a worker that dies
// in the middle of a step is noticed in seconds, not at the 2-minute start-to-close limit,
// and the retry (on a live worker) continues where the outbox says it stopped.
import { asyncLocalStorage, type Context } from '@temporalio/activity';

/** Heartbeats when running as an activity; a direct call (some tests) has no one to tell. */
export function beat(details?: unknown): void {
  (asyncLocalStorage.getStore() as Context | undefined)?.heartbeat(details);
}
