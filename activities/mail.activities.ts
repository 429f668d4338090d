// Account emails (a password reset link): the service committed the message as a pending
// outbox row when the person asked; this sends it through the outbox's claim, so a retry or
// a second workflow never sends it twice, and empties the row's payload once it is out (the
// link must not outlive its delivery). A link that expired before it could be sent is dropped.
import type { MailWorkflowInput } from '../src/schemas/mail.schemas';
import { accountEmailSchema } from '../src/schemas/mail.schemas';
import type { ActivityDeps } from './deps';
import { composeAccountEmail } from './email/account-email';
import { deliverOne } from './outbox';

export interface MailActivities {
  /** 'sent', 'failed' (the server refused the address for good), 'dropped' (expired first) or 'skipped' (sent before). */
  deliverMail(input: MailWorkflowInput): Promise<string>;
}

export function createMailActivities(deps: ActivityDeps): MailActivities {
  return {
    async deliverMail({ key }) {
      return deliverOne(deps, key, async (row) => {
        const mail = accountEmailSchema.parse(JSON.parse(row.payload));
        if (new Date(mail.expiresAt).getTime() <= deps.clock().getTime()) return null;
        const message = composeAccountEmail(mail, deps.publicUrl);
        return { ...message, headers: { 'X-Hbc-Step': row.stepKey } };
      });
    },
  };
}
