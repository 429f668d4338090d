// One execution per account email (id `mail/<outbox key>`): the person who asked for it got
// their answer as soon as the row was committed; this delivers it, retried while the SMTP
// server is away, exactly once through the outbox's claim. Deterministic: one activity call.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { MailActivities } from '../activities/mail.activities';
import type { MailWorkflowInput } from '../src/schemas/mail.schemas';

const activities = proxyActivities<MailActivities>({
  startToCloseTimeout: '1 minute',
  // The same policy as every notice: 10 s, doubling, at most 10 minutes apart, without limit.
  // An email whose link has expired in the meantime is dropped by the activity, which ends it.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function mailWorkflow(input: MailWorkflowInput): Promise<{ outcome: string }> {
  // Only inputs that carry notBefore (ad-hoc requests) get a timer: a recorded history
  // without it replays with the same commands, so no patch is needed.
  if (input.notBefore) {
    const wait = new Date(input.notBefore).getTime() - Date.now();
    if (wait > 0) await sleep(wait);
  }
  return { outcome: await activities.deliverMail(input) };
}
