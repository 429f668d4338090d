// The project's own sample (samples/sample-data.json): a commune, its agencies, one plan and
// the coordinator's ad-hoc requests, with every date relative to the day it is loaded.
import { z } from 'zod';

const sampleAgencySchema = z.object({
  id: z.string(),
  name: z.string(),
  headName: z.string().optional(),
  headEmail: z.email().optional(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.email() })),
});

/**
 * The sample's other organisations (its province and a second commune) and one account per
 * role in each, all with one password: development only (a production start refuses them).
 */
const sampleAccountsSchema = z.object({
  _comment: z.string().optional(),
  password: z.string().min(12),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['province', 'commune', 'district']),
      parentId: z.string().optional(),
      leadershipName: z.string().optional(),
      leadershipEmail: z.email().optional(),
      coordinatorAgencyId: z.string().optional(),
      agencies: z.array(sampleAgencySchema),
    }),
  ),
  users: z.array(
    z.object({
      email: z.email(),
      name: z.string(),
      organisationId: z.string(),
      role: z.enum(['administrator', 'coordinator', 'leader', 'agency', 'auditor']),
      agencyId: z.string().optional(),
    }),
  ),
});
export type SampleAccounts = z.infer<typeof sampleAccountsSchema>;

export const sampleDataSchema = z.object({
  _comment: z.string().optional(),
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['province', 'commune', 'district']),
    /** The sample province (one of accounts.organisations). */
    parentId: z.string().optional(),
    leadershipName: z.string().optional(),
    leadershipEmail: z.email().optional(),
  }),
  agencies: z.array(sampleAgencySchema),
  accounts: sampleAccountsSchema,
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
