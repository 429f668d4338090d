// Names that are permanent once released: renaming a workflow type, task queue, message or
// search attribute breaks running workflows and saved Temporal UI filters.

export const DEFAULT_TASK_QUEUE = 'hanbaocao';

/** Custom search attributes, registered with the dev server and set on every deadline workflow. */
export const SEARCH_ATTRIBUTES = {
  organisation: { name: 'HbcOrganisation', type: 'Keyword' },
  plan: { name: 'HbcPlan', type: 'Keyword' },
  agency: { name: 'HbcAgency', type: 'Keyword' },
  period: { name: 'HbcPeriod', type: 'Keyword' },
  status: { name: 'HbcStatus', type: 'Keyword' },
  due: { name: 'HbcDueAt', type: 'Datetime' },
} as const;

/** One deadline workflow per obligation and period; the id makes a second start a no-op. */
export function deadlineWorkflowId(deadlineId: string): string {
  return `deadline/${deadlineId}`;
}

/** One obligation workflow per obligation, over the plan's span. */
export function obligationWorkflowId(obligationId: string): string {
  return `obligation/${obligationId}`;
}

/** One campaign workflow per campaign, one run per year (continue-as-new). */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign/${campaignId}`;
}
