// Shapes that cross a boundary around a deadline: HTTP bodies, workflow Updates, activity
// inputs. One schema serves the API (400 with "path: message") and the Update validator.
import { z } from 'zod';
import { isoDaySchema as isoDay } from './calendar.schemas';

/** Bilingual: "path: message" lines are shown in Vietnamese, with English beside them. */
const REQUIRED = 'không được để trống / required';

export const SUBMISSION_CHANNELS = ['online', 'paper', 'document-system', 'email'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];
export const SUBMISSION_CHANNEL_VI: Record<SubmissionChannel, string> = {
  online: 'qua hệ thống',
  paper: 'bản giấy',
  'document-system': 'hệ thống quản lý văn bản',
  email: 'thư điện tử',
};
export const SUBMISSION_CHANNEL_EN: Record<SubmissionChannel, string> = {
  online: 'through the system',
  paper: 'on paper',
  'document-system': 'document management system',
  email: 'by email',
};

export const recordSubmissionBodySchema = z.object({
  /** When the report arrived (UTC instant); defaults to the moment it is recorded. */
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  submittedBy: z.string().trim().min(1, REQUIRED).max(200),
  documentNumber: z.string().trim().max(100).optional(),
  note: z.string().trim().max(2000).optional(),
  link: z.url().max(2000).optional(),
  /**
   * The local day a report on paper or through the document system arrived, when it is
   * recorded later (the page's date field); the service makes it submittedAt. Not with submittedAt.
   */
  receivedOn: isoDay.optional(),
  /** How it arrived: a report received on paper or through the document system is recorded by the coordinator. */
  channel: z.enum(SUBMISSION_CHANNELS).optional(),
});
export type RecordSubmissionBody = z.infer<typeof recordSubmissionBodySchema>;

/** A file attached to a report, already stored under the data directory by its content hash. */
export const storedFileSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(200),
  size: z.number().int().min(1),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/**
 * What the deadline workflow records: the body of either door (the coordinator's API, an
 * agency's signed link), with the day on the document and, from a link only, the stored
 * file. The HTTP API takes `recordSubmissionBodySchema`; a file reaches this shape only
 * after src/services/report-files.ts stored it.
 */
export const submissionRecordSchema = recordSubmissionBodySchema.extend({
  documentDate: isoDay.optional(),
  file: storedFileSchema.optional(),
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

export const remindNowBodySchema = z.object({
  requestedBy: z.string().trim().min(1, REQUIRED).max(200),
  note: z.string().trim().max(2000).optional(),
});
export type RemindNowBody = z.infer<typeof remindNowBodySchema>;

/** Gia hạn: a new last day (inclusive), later than the current one and not in the past. */
export const extendBodySchema = z.object({
  newLastDay: isoDay,
  reason: z.string().trim().min(1, REQUIRED).max(2000),
  grantedBy: z.string().trim().min(1, REQUIRED).max(200),
});
export type ExtendBody = z.infer<typeof extendBodySchema>;

/**
 * Yêu cầu bổ sung: the recorded report is sent back with a reason and a new last day (not
 * in the past); the deadline reopens and the agency gets a new link.
 */
export const returnBodySchema = z.object({
  reason: z.string().trim().min(1, REQUIRED).max(2000),
  newLastDay: isoDay,
  returnedBy: z.string().trim().min(1, REQUIRED).max(200),
});
export type ReturnBody = z.infer<typeof returnBodySchema>;

/** Miễn báo cáo kỳ này: ends the period without a report. */
export const waiveBodySchema = z.object({
  reason: z.string().trim().min(1, REQUIRED).max(2000),
  waivedBy: z.string().trim().min(1, REQUIRED).max(200),
});
export type WaiveBody = z.infer<typeof waiveBodySchema>;

export const deadlineWorkflowInputSchema = z.object({
  deadlineId: z.string().min(1),
  lastDay: isoDay,
  ruleText: z.string().min(1),
  /**
   * The next run after a return for completion (src/services/return-for-completion.ts): the
   * revision its step keys carry, so its reminders are new messages. Absent in every
   * earlier run (and every history recorded before returns existed).
   */
  reopened: z.object({ revision: z.number().int().min(1), round: z.number().int().min(1) }).optional(),
});
export type DeadlineWorkflowInput = z.infer<typeof deadlineWorkflowInputSchema>;

/** Only what the workflow knows; the dashboard reads the database instead (STYLE.md #7). */
export interface DeadlineSnapshot {
  deadlineId: string;
  lastDay: string;
  status: 'pending' | 'submitted' | 'waived';
  /** Extensions granted so far; step keys of revision r > 0 are prefixed "r<r>.". */
  revision: number;
  submittedAt: string | null;
  nextStep: { key: string; kind: string; sendAt: string; explanation: string } | null;
  sentStepKeys: string[];
}
