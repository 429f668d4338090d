// What the coordinator asks of a whole plan at once: remind every agency that has not
// reported for one period.
import { z } from 'zod';

const REQUIRED = 'không được để trống / required';

/** A period key as deadlines carry it: "2026", "2026-H1", "2026-Q3", an ad-hoc request's "2026-12-20". */
export const periodKeySchema = z.string().regex(/^\d{4}(-[0-9A-Za-z-]{1,12})?$/, 'kỳ có dạng 2026, 2026-H1 hoặc 2026-12-20 / a period key such as 2026, 2026-H1 or 2026-12-20');

export const remindMissingBodySchema = z.object({
  periodKey: periodKeySchema,
  requestedBy: z.string().trim().min(1, REQUIRED).max(200),
  note: z.string().trim().max(2000).optional(),
});
export type RemindMissingBody = z.infer<typeof remindMissingBodySchema>;
