// Account emails (a password reset link, for now): what the outbox row's payload holds until
// the mail activity composes and sends it, then forgets it. The service that queues one and
// the activity that sends it read the same shape.
import { z } from 'zod';

export const accountEmailSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('password-reset'),
    name: z.string(),
    email: z.string(),
    /** The link's secret: only its hash is stored with the reset, and this payload is cleared once sent. */
    token: z.string(),
    /** ISO instant: after it the link is dead, so an email still unsent is dropped rather than sent. */
    expiresAt: z.iso.datetime(),
  }),
]);
export type AccountEmail = z.infer<typeof accountEmailSchema>;

/** The request email of a báo cáo đột xuất: composed from the deadline when it leaves. */
export const adhocRequestEmailSchema = z.object({ kind: z.literal('adhoc-request'), deadlineId: z.string() });
export type AdhocRequestEmail = z.infer<typeof adhocRequestEmailSchema>;

/** The mail workflow delivers one outbox row, by its key. */
export interface MailWorkflowInput {
  key: string;
  /**
   * ISO instant: not before then (a request made at night leaves in the morning of the next
   * working day). Absent for account emails, which leave at once.
   */
  notBefore?: string;
}
