import { z } from 'zod';

/** Báo cáo đột xuất: a coordinator asks some agencies of a plan for a report by a date. */
export const adhocRequestBodySchema = z.object({
  title: z.string().trim().min(3, 'required').max(300),
  /** Agency ids of the plan's organisation. */
  agencyIds: z.array(z.string().min(1)).min(1, 'at least one agency'),
  /** The last on-time local day (inclusive). */
  lastDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local day YYYY-MM-DD'),
  requestedBy: z.string().trim().min(1, 'required').max(200),
  indicators: z.string().trim().max(2000).optional(),
});
export type AdhocRequestBody = z.infer<typeof adhocRequestBodySchema>;
