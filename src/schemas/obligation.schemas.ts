import { z } from 'zod';
import { toIsoDate } from '../domain/local-date';
import type { PeriodInstance } from '../domain/periods';
import { isoDaySchema as isoDay } from './calendar.schemas';

/**
 * Input of the obligation workflow: everything it needs to compute its periods with
 * src/domain, deterministically, for the plan's whole span. `fromPeriod` is set by
 * continue-as-new: the period the next run starts with.
 */
export const obligationWorkflowInputSchema = z.object({
  obligationId: z.string().min(1),
  ruleText: z.string().min(1),
  spanFrom: z.number().int(),
  spanTo: z.number().int(),
  issuedOn: isoDay,
  holidayRule: z.enum(['written-date', 'civil-code']),
  fromPeriod: z.string().optional(),
});
export type ObligationWorkflowInput = z.infer<typeof obligationWorkflowInputSchema>;

/** A period as the obligation workflow hands it to the startPeriod activity. */
export interface PeriodToOpen {
  obligationId: string;
  periodKey: string;
  label: string;
  lastDay: string;
  dueAt: string;
  dataFrom: string;
  dataTo: string;
}

/** A computed period as the activity (or the service) opens it: local days as ISO strings. */
export function periodToOpen(obligationId: string, p: PeriodInstance): PeriodToOpen {
  return {
    obligationId,
    periodKey: p.periodKey,
    label: p.label,
    lastDay: toIsoDate(p.lastDay),
    dueAt: p.dueAt.toISOString(),
    dataFrom: toIsoDate(p.dataWindow.from),
    dataTo: toIsoDate(p.dataWindow.to),
  };
}

export interface StartedPeriod {
  deadlineId: string;
  /** 'open' unless the period was already reported or waived (then no workflow is started). */
  status: string;
  /** Whether this call started the deadline workflow (false: it was running already). */
  started: boolean;
}
