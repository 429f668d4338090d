import { z } from 'zod';
import { isoDaySchema } from './calendar.schemas';

const REQUIRED = 'không được để trống / required';

/** More agencies than any plan names (a province's Nơi nhận runs to a hundred or two). */
export const MAX_AGENCIES = 500;

/** Báo cáo đột xuất: a coordinator asks some agencies of a plan for a report by a date. */
export const adhocRequestBodySchema = z.object({
  title: z.string().trim().min(3, 'cần ít nhất 3 ký tự / at least 3 characters').max(300),
  /** Agency ids of the plan's organisation (an organisation has dozens; 40,000 ids overflowed the query). */
  agencyIds: z.array(z.string().min(1).max(300)).max(MAX_AGENCIES).optional(),
  /** Or the agencies by name, as the plan and every page write them (case and accents as written). */
  agencyNames: z.array(z.string().trim().min(1).max(300)).max(MAX_AGENCIES).optional(),
  /** The last on-time local day (inclusive). */
  lastDay: isoDaySchema,
  requestedBy: z.string().trim().min(1, REQUIRED).max(200),
  indicators: z.string().trim().max(2000).optional(),
}).refine((b) => (b.agencyIds?.length ?? 0) + (b.agencyNames?.length ?? 0) > 0, {
  path: ['agencyIds'],
  message: 'cần ít nhất một đơn vị (agencyIds hoặc agencyNames) / at least one agency (agencyIds or agencyNames)',
});
export type AdhocRequestBody = z.infer<typeof adhocRequestBodySchema>;
