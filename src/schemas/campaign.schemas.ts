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

export interface CampaignRunToOpen {
  campaignId: string;
  year: number;
  start: string;
  end: string;
  resultsDue: string;
}
