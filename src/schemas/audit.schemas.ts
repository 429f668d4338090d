// Reading the audit log: the filters of GET /api/audit, its export and the page /admin/audit.
import { z } from 'zod';
import { isoDaySchema } from './calendar.schemas';

/** Most rows one page of the log shows. */
export const MAX_AUDIT_PAGE = 200;

export const auditQuerySchema = z
  .object({
    /** One organisation (within what the reader may see); absent: all of them. */
    organisationId: z.string().min(1).max(300).optional(),
    /** A user's email or a token's name (part of it), or the exact id of either. */
    actor: z.string().trim().min(1).max(320).optional(),
    /** An action ("deadline.extend"), or the start of one ("admin." for every administration change). */
    action: z.string().trim().min(1).max(100).optional(),
    /** The id of the thing changed (a deadline, a plan, a user). */
    subject: z.string().trim().min(1).max(300).optional(),
    /** Local days (Asia/Ho_Chi_Minh), inclusive. */
    from: isoDaySchema.optional(),
    to: isoDaySchema.optional(),
    /** Paging: rows older than this id (the previous page's `nextBefore`). */
    before: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ngày kết thúc trước ngày bắt đầu / "to" is before "from"' });
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
