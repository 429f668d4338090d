// Typed starts of every workflow, by type name and id from src/contract: client code never
// imports workflow modules, so no workflow code (or its bundle-only imports) reaches the
// API process, and a renamed function cannot silently change a permanent type name.
import type { CampaignWorkflowInput } from '../schemas/campaign.schemas';
import type { DeadlineWorkflowInput } from '../schemas/deadline.schemas';
import type { MailWorkflowInput } from '../schemas/mail.schemas';
import type { ObligationWorkflowInput } from '../schemas/obligation.schemas';
import { WORKFLOW_TYPES, campaignWorkflowId, digestWorkflowId, mailWorkflowId, obligationWorkflowId, weeklyDigestWorkflowId } from '../contract/names';
import { messageQueuedSignal, type DigestWorkflowInput } from '../contract/messages';
import { deadlineSearchAttributes } from '../contract/search-attributes';
import { startOnce, type WorkflowStarter } from './start-once';

/** A `StartDeadline` (src/stores/open-period.ts) on this client and task queue. */
export function deadlineStarter(s: WorkflowStarter) {
  return (workflowId: string, input: DeadlineWorkflowInput, labels: { organisation: string; plan: string; agency: string; period: string; due: Date }) =>
    startOnce(s.client, WORKFLOW_TYPES.deadline, {
      taskQueue: s.taskQueue,
      workflowId,
      args: [input],
      ...(s.searchAttributes && { typedSearchAttributes: deadlineSearchAttributes(labels) }),
    });
}

export function startObligationWorkflow(s: WorkflowStarter, input: ObligationWorkflowInput): Promise<boolean> {
  return startOnce(s.client, WORKFLOW_TYPES.obligation, { taskQueue: s.taskQueue, workflowId: obligationWorkflowId(input.obligationId), args: [input] });
}

export function startCampaignWorkflow(s: WorkflowStarter, input: CampaignWorkflowInput): Promise<boolean> {
  return startOnce(s.client, WORKFLOW_TYPES.campaign, { taskQueue: s.taskQueue, workflowId: campaignWorkflowId(input.campaignId), args: [input] });
}

/** Wakes (or starts) the recipient's digest workflow for the day: a message is queued for them. */
export async function signalDigest(s: WorkflowStarter, input: DigestWorkflowInput): Promise<void> {
  await s.client.workflow.signalWithStart(WORKFLOW_TYPES.digest, {
    taskQueue: s.taskQueue,
    workflowId: digestWorkflowId(input.recipient, input.day),
    args: [{ recipient: input.recipient.trim().toLowerCase(), day: input.day, ...(input.notBefore && { notBefore: input.notBefore }) }],
    signal: messageQueuedSignal,
    signalArgs: input.notBefore ? [{ notBefore: input.notBefore }] : [],
  });
}

/** Delivers one pending outbox row (an account email); a second start for the same row is a no-op. */
export function startMailWorkflow(s: WorkflowStarter, input: MailWorkflowInput): Promise<boolean> {
  return startOnce(s.client, WORKFLOW_TYPES.mail, { taskQueue: s.taskQueue, workflowId: mailWorkflowId(input.key), args: [input] });
}

/** The weekly digest of an organisation's leadership; a second start is a no-op. */
export function startWeeklyDigestWorkflow(s: WorkflowStarter, organisationId: string): Promise<boolean> {
  return startOnce(s.client, WORKFLOW_TYPES.weeklyDigest, { taskQueue: s.taskQueue, workflowId: weeklyDigestWorkflowId(organisationId), args: [{ organisationId }] });
}
