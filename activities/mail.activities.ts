// Emails a workflow delivers one by one (id `mail/<outbox key>`): an account email (a
// password reset link) and the request of a báo cáo đột xuất. The service committed each as a
// pending outbox row; this sends it through the outbox's claim, so a retry or a second
// workflow never sends it twice. A reset link's payload is emptied once sent (the link must
// not outlive its delivery), and one that expired before it could be sent is dropped; a
// request whose report arrived (or was waived) before it left is dropped too.
import { adhocRequestEmailSchema, accountEmailSchema, type MailWorkflowInput } from '../src/schemas/mail.schemas';
import { loadDeadlineContext } from '../src/stores/deadline-context';
import { emailLanguage } from '../src/stores/email-language';
import type { ActivityDeps } from './deps';
import { composeAccountEmail } from './email/account-email';
import { composeDeadlineEmail } from './email/deadline-email';
import { appendEvent } from './events';
import { replyToFor } from './agency-link';
import { deliverOne } from './outbox';

export interface MailActivities {
  /** 'sent', 'failed' (the server refused the address for good), 'dropped' (expired first) or 'skipped' (sent before). */
  deliverMail(input: MailWorkflowInput): Promise<string>;
}

export function createMailActivities(deps: ActivityDeps): MailActivities {
  return {
    async deliverMail({ key }) {
      let deadlineId: string | null = null;
      let recipient = '';
      const outcome = await deliverOne(deps, key, async (row) => {
        const payload: unknown = JSON.parse(row.payload);
        const language = await emailLanguage(deps.db, row.recipient);
        const request = adhocRequestEmailSchema.safeParse(payload);
        if (request.success) {
          const ctx = await loadDeadlineContext(deps, request.data.deadlineId);
          if (ctx.deadline.status !== 'open') return null;
          deadlineId = request.data.deadlineId;
          recipient = row.recipient;
          const email = composeDeadlineEmail('request', ctx, { publicUrl: deps.publicUrl, language });
          const headers: Record<string, string> = { 'X-Hbc-Kind': 'request', 'X-Hbc-Step': row.stepKey };
          return { ...email, headers, replyTo: await replyToFor(deps, ctx, row.recipient) };
        }
        const mail = accountEmailSchema.parse(payload);
        if (new Date(mail.expiresAt).getTime() <= deps.clock().getTime()) return null;
        const message = composeAccountEmail(mail, deps.publicUrl, language);
        const headers: Record<string, string> = { 'X-Hbc-Step': row.stepKey };
        return { ...message, headers };
      }, async (tx, outcome) => {
        // With the row's outcome, in its transaction: a crash cannot separate them.
        if (deadlineId && outcome !== 'dropped') {
          await appendEvent(tx, deps.clock(), deadlineId, outcome === 'sent' ? 'email-sent' : 'email-failed', { step: 'adhoc-request', kind: 'request', to: recipient });
        }
      });
      return outcome;
    },
  };
}
