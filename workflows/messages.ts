// Every Signal, Query and Update of the workflows, in one place. Names are permanent once
// released (STYLE.md): renaming one breaks running executions.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlineSnapshot, ExtendBody, RecordSubmissionBody, RemindNowBody, WaiveBody } from '../src/schemas/deadline.schemas';

export interface SubmissionReceipt {
  submissionId: string;
  submittedAt: string;
  late: boolean;
}

export const statusQuery = defineQuery<DeadlineSnapshot>('status');
export const recordSubmissionUpdate = defineUpdate<SubmissionReceipt, [RecordSubmissionBody]>('recordSubmission');
export const remindNowUpdate = defineUpdate<{ sent: number }, [RemindNowBody]>('remindNow');

export interface ExtensionResult {
  lastDay: string;
  revision: number;
}

export interface WaiverResult {
  waivedAt: string;
}

/** How a deadline workflow ended. */
export type DeadlineOutcome = ({ outcome: 'submitted' } & SubmissionReceipt) | ({ outcome: 'waived' } & WaiverResult);

export const extendUpdate = defineUpdate<ExtensionResult, [ExtendBody]>('extend');
export const waiveUpdate = defineUpdate<WaiverResult, [WaiveBody]>('waive');
