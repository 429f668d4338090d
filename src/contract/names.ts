// Names that are permanent once released: renaming a workflow type, task queue, message or
// search attribute breaks running workflows and saved Temporal UI filters. Client code,
// activities and workflows all take them from here (src/contract is importable by every
// layer, and holds no I/O).

export const DEFAULT_TASK_QUEUE = 'hanbaocao';

/** Workflow type names as registered by the worker (workflows/index.ts exports these functions). */
export const WORKFLOW_TYPES = {
  deadline: 'deadlineWorkflow',
  obligation: 'obligationWorkflow',
  campaign: 'campaignWorkflow',
  digest: 'digestWorkflow',
  mail: 'mailWorkflow',
  weeklyDigest: 'weeklyDigestWorkflow',
} as const;

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

/** One campaign workflow per campaign, one run per year (continue-as-new), all under this id. */
export function campaignWorkflowId(campaignId: string): string {
  return `campaign/${campaignId}`;
}

/**
 * One digest workflow per recipient and local day (YYYY-MM-DD). The address is trimmed and
 * lower-cased so "A@x" and "a@x " share one digest.
 */
export function digestWorkflowId(recipient: string, day: string): string {
  return `digest/${recipient.trim().toLowerCase()}/${day}`;
}

/** One mail workflow per outbox row it delivers (an account email: a password reset link). */
export function mailWorkflowId(outboxKey: string): string {
  return `mail/${outboxKey}`;
}

/** The leader's weekly digest of one organisation. */
export function weeklyDigestWorkflowId(organisationId: string): string {
  return `weekly-digest/${organisationId}`;
}
