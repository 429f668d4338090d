import { z } from 'zod';
import { isoDaySchema, noSuchMonthDay } from './calendar.schemas';

const monthDay = z
  .object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12) })
  .superRefine(({ day, month }, ctx) => {
    const problem = noSuchMonthDay(month, day);
    if (problem) ctx.addIssue({ code: 'custom', path: ['day'], message: problem });
  });

/**
 * Input of the campaign workflow: the campaign's dates as the plan gives them and the plan's
 * span. One run per year (continue-as-new between years); `fromYear` is set by it.
 */
export const campaignWorkflowInputSchema = z.object({
  campaignId: z.string().min(1),
  name: z.string().min(1),
  start: monthDay,
  end: monthDay,
  recurring: z.boolean(),
  resultsDue: monthDay.nullable().default(null),
  spanFrom: z.number().int(),
  spanTo: z.number().int(),
  issuedOn: isoDaySchema,
  fromYear: z.number().int().optional(),
});
export type CampaignWorkflowInput = z.input<typeof campaignWorkflowInputSchema>;

/** "Đã nhận báo cáo kết quả": stops the results reminders of this year's run. */
export const recordCampaignResultsBodySchema = z.object({
  /** The campaign year the results are for (a late report must not land on next year's run). */
  year: z.number().int(),
  submittedBy: z.string().trim().min(1, 'không được để trống / required').max(200),
  documentNumber: z.string().trim().max(100).optional(),
});
export type RecordCampaignResultsBody = z.infer<typeof recordCampaignResultsBodySchema>;

/**
 * The coordinator sets (or moves) the day this year's results report is due: the results
 * reminders are replanned from it. The plan's own rule still governs the following years.
 */
export const setCampaignResultsDueBodySchema = z.object({
  /** The campaign year it is for: a late click must not land on next year's run. */
  year: z.number().int(),
  /** The last day of the results report, a local day (inclusive). */
  resultsDue: isoDaySchema,
  reason: z.string().trim().min(1, 'cần ghi lý do / a reason is required').max(500),
});
export type SetCampaignResultsDueBody = z.infer<typeof setCampaignResultsDueBodySchema>;

export interface CampaignRunToOpen {
  campaignId: string;
  year: number;
  start: string;
  end: string;
  resultsDue: string;
}
