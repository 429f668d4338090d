import { z } from 'zod';
import { isoDaySchema as isoDay } from './calendar.schemas';

export const sampleDataSchema = z.object({
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
    issuedOn: isoDay,
    spanFrom: z.number().int(),
    spanTo: z.number().int(),
    coordinatorAgencyId: z.string(),
  }),
  obligations: z.array(z.object({ id: z.string(), agencyId: z.string(), ruleText: z.string(), indicators: z.string() })),
});
export type SampleData = z.infer<typeof sampleDataSchema>;
