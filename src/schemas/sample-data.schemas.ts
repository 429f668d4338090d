// The project's own sample (samples/sample-data.json): a commune, its agencies, one plan and
// the coordinator's ad-hoc requests, with every date relative to the day it is loaded.
import { z } from 'zod';

export const sampleDataSchema = z.object({
  _comment: z.string().optional(),
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['province', 'commune', 'district']),
    leadershipName: z.string().optional(),
    leadershipEmail: z.email().optional(),
  }),
  agencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      headName: z.string().optional(),
      headEmail: z.email().optional(),
      contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.email() })),
    }),
  ),
  plan: z.object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    /** Issued this many calendar days before the load: its yearly reports are never already overdue. */
    issuedDaysAgo: z.number().int().min(0),
    spanYears: z.number().int().min(1).max(10),
    coordinatorAgencyId: z.string(),
  }),
  obligations: z.array(z.object({ id: z.string(), agencyId: z.string(), ruleText: z.string(), indicators: z.string() })),
  /** Ad-hoc requests that make the live mix: received on time, due soon, overdue, escalated. */
  live: z.array(
    z.object({
      agencyId: z.string(),
      title: z.string(),
      indicators: z.string(),
      requestedWorkingDaysAgo: z.number().int().min(1),
      /** Negative: the last day is that many working days ago. */
      lastDayWorkingDaysFromToday: z.number().int(),
      report: z.object({ workingDaysBeforeLastDay: z.number().int().min(0), submittedBy: z.string(), documentNumber: z.string() }).optional(),
    }),
  ),
});
export type SampleData = z.infer<typeof sampleDataSchema>;
