// Every Signal, Query and Update of the workflows, and the shapes that cross between a
// workflow, its activities and the client code that talks to it, in one place. Names are
// permanent once released (STYLE.md): renaming one breaks running executions.
// Imported by workflows (deterministic code: definitions only, no I/O), activities and services.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DeadlineSnapshot, ExtendBody, RemindNowBody, SubmissionRecord, WaiveBody } from '../schemas/deadline.schemas';
import type { RecordCampaignResultsBody, SetCampaignResultsDueBody } from '../schemas/campaign.schemas';
import type { CalendarOverrides } from '../domain/business-calendar';
import type { ReminderPolicy } from '../domain/timeline';

/** What a workflow plans with, from the `planningContext` local activity. */
export interface PlanningContext {
  calendar: CalendarOverrides;
  /** The plan's reminder policy; absent: the default one (DOMAIN.md). */
  policy?: ReminderPolicy;
}

/** A timeline step as a workflow hands it to its activities (instants as ISO strings). */
export interface StepMessage {
  key: string;
  kind: string;
  sendAt: string;
  audience: string[];
  /** Audiences that receive the message in copy (the coordinator on an overdue notice). */
  copyTo?: string[];
  explanation: string;
}

// ---- deadline workflow ------------------------------------------------------------------

export interface SubmissionReceipt {
  submissionId: string;
  submittedAt: string;
  late: boolean;
  /** "Số biên nhận" (absent in histories recorded before receipts had numbers). */
  receiptNumber?: string;
}

export interface ExtensionResult {
  lastDay: string;
  revision: number;
}

export interface WaiverResult {
  waivedAt: string;
}

/** What "remind now" did: the reminder is queued and goes out at `sendAt` (at once, or the next working morning). */
export interface RemindNowResult {
  /** Recipients the reminder is queued for (kept under this name since the first release). */
  sent: number;
  sendAt: string;
  /** True when it is held until working hours rather than sent at once. */
  held: boolean;
}

/** What a return for completion (src/services/return-for-completion.ts) did: the next run's last day, revision and round. */
export interface ReturnResult {
  lastDay: string;
  revision: number;
  /** The round the next report is recorded in. */
  round: number;
}

/** How a deadline workflow ended. */
export type DeadlineOutcome = ({ outcome: 'submitted' } & SubmissionReceipt) | ({ outcome: 'waived' } & WaiverResult);

export const statusQuery = defineQuery<DeadlineSnapshot>('status');
export const recordSubmissionUpdate = defineUpdate<SubmissionReceipt, [SubmissionRecord]>('recordSubmission');
export const remindNowUpdate = defineUpdate<RemindNowResult, [RemindNowBody]>('remindNow');
export const extendUpdate = defineUpdate<ExtensionResult, [ExtendBody]>('extend');
export const waiveUpdate = defineUpdate<WaiverResult, [WaiveBody]>('waive');

// ---- campaign workflow ------------------------------------------------------------------

export interface CampaignOutcome {
  years: number[];
}

/** "Đã nhận báo cáo kết quả" for the running year. */
export const recordCampaignResultsUpdate = defineUpdate<{ year: number }, [RecordCampaignResultsBody]>('recordResults');

/** Sets this year's results day; the results reminders follow the new day under new keys. */
export const setCampaignResultsDueUpdate = defineUpdate<{ year: number; resultsDue: string }, [SetCampaignResultsDueBody]>('setResultsDue');

// ---- obligation workflow ----------------------------------------------------------------

export interface ObligationOutcome {
  /** Periods this obligation had over the span. */
  periods: number;
}

// ---- digest workflow --------------------------------------------------------------------

export interface DigestWorkflowInput {
  recipient: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
  /**
   * The instant the queued message is planned for (ISO). Ladder steps are queued ahead of
   * it, so the digest sends at that instant with everything planned for it. Absent (a
   * message queued at its instant): the digest waits its merge window.
   */
  notBefore?: string;
}

/** What a `messageQueuedSignal` carries; signals sent before it existed carry nothing. */
export interface MessageQueued {
  notBefore?: string;
}

/** A message was queued for this recipient and day. */
export const messageQueuedSignal = defineSignal<[MessageQueued?]>('messageQueued');
