// One execution per recipient and local day (id `digest/<email>/<day>`), started or woken by
// a signal each time a step queues a message for that person. Ladder steps are known in
// advance, so deadline workflows queue them a few minutes before their planned instant
// (workflows/deadline.workflow.ts QUEUE_AHEAD_MS): the digest then sleeps until that instant
// and has one email sent for everything planned by then: one message as it is, several as a
// digest. Nothing waits after the instant. A message queued without its instant (histories
// from before) waits the old merge window. Later messages that day make another batch.
// Deterministic: time from the workflow clock.
import { condition, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { messageQueuedSignal, type DigestWorkflowInput } from '../src/contract/messages';
import { addDays, parseIsoDate, startOfLocalDay } from '../src/domain/local-date';
import type { DigestActivities } from '../activities/digest.activities';

const activities = proxyActivities<DigestActivities>({
  startToCloseTimeout: '2 minutes',
  // Activities heartbeat per recipient: a dead worker's step is retried within seconds.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * For a message queued at its instant rather than ahead of it: long enough for every
 * workflow whose step is due at the same instant to queue its message.
 */
export const DIGEST_WINDOW_MS = 10 * 60_000;

/** Patch id (docs/operations.md "Upgrading running workflows"): sleeps until the planned instant, not a window. */
const AT_INSTANT_PATCH = 'digest-at-planned-instant';

export async function digestWorkflow(input: DigestWorkflowInput): Promise<{ batches: number; messages: number }> {
  let pending = true; // started by signalWithStart: the first message is already queued
  // Planned instants of the messages queued and not sent yet (workflow clock, so deterministic).
  const plannedOf = (notBefore: string | undefined) => (notBefore ? Date.parse(notBefore) : Date.now() + DIGEST_WINDOW_MS);
  let planned = [plannedOf(input.notBefore)];
  setHandler(messageQueuedSignal, (queued) => {
    pending = true;
    planned.push(plannedOf(queued?.notBefore));
  });
  const endOfDay = startOfLocalDay(addDays(parseIsoDate(input.day), 1)).getTime();
  let batches = 0;
  let messages = 0;
  while (pending) {
    pending = false;
    if (patched(AT_INSTANT_PATCH)) {
      const next = Math.min(...planned);
      if (next > Date.now()) await sleep(next - Date.now());
      const asOf = Date.now();
      // What was signalled during the sleep and is due goes in this batch; messages planned later stay queued for the next.
      planned = planned.filter((at) => at > asOf);
      pending = planned.length > 0;
      batches += 1;
      messages += await activities.sendDigest({ ...input, batch: batches, asOf: new Date(asOf).toISOString() });
    } else {
      await sleep(DIGEST_WINDOW_MS);
      batches += 1;
      messages += await activities.sendDigest({ ...input, batch: batches });
    }
    // Stay for the rest of the day: a later message starts the next batch here.
    const remaining = endOfDay - Date.now();
    if (remaining > 0) await condition(() => pending, remaining);
  }
  return { batches, messages };
}
