// One execution per recipient and local day (id `digest/<email>/<day>`), started or woken by
// a signal each time a step queues a message for that person. It waits a short window so
// that every step planned for the same hour (all ladder steps go out at 08:00) is in, then
// has one email sent for everything queued: one message as it is, several as a digest.
// Later messages that day make another batch. Deterministic: time from the workflow clock.
import { condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { messageQueuedSignal, type DigestWorkflowInput } from '../src/contract/messages';
import { addDays, parseIsoDate, startOfLocalDay } from '../src/domain/local-date';
import type { DigestActivities } from '../activities/digest.activities';

const activities = proxyActivities<DigestActivities>({
  startToCloseTimeout: '2 minutes',
  // Activities heartbeat per recipient: a dead worker's step is retried within seconds.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Long enough for every workflow whose step is due at the same instant to queue its message. */
export const DIGEST_WINDOW_MS = 10 * 60_000;

export async function digestWorkflow(input: DigestWorkflowInput): Promise<{ batches: number; messages: number }> {
  let pending = true; // started by signalWithStart: the first message is already queued
  setHandler(messageQueuedSignal, () => {
    pending = true;
  });
  const endOfDay = startOfLocalDay(addDays(parseIsoDate(input.day), 1)).getTime();
  let batches = 0;
  let messages = 0;
  while (pending) {
    pending = false;
    await sleep(DIGEST_WINDOW_MS);
    batches += 1;
    messages += await activities.sendDigest({ ...input, batch: batches });
    // Stay for the rest of the day: a later message starts the next batch here.
    const remaining = endOfDay - Date.now();
    if (remaining > 0) await condition(() => pending, remaining);
  }
  return { batches, messages };
}
