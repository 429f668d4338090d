// Side effects of the deadline workflow: queue a ladder step for the recipients' daily
// digest, keep the dashboard's row current, and commit the changes people make (a report
// received, an extension, a waiver, a reminder by hand). Each change commits in one
// transaction together with the notices it owes; `deliverNotices` sends those afterwards,
// so the person who made the change never waits on the mail server.
import { createHash, randomUUID } from 'node:crypto';
import { log } from '@temporalio/activity';
import type { StepMessage, SubmissionReceipt } from '../src/contract/messages';
import { formatInstantIn } from '../src/domain/language';
import { formatViInstant, localDateOf, toIsoDate } from '../src/domain/local-date';
import { SUBMISSION_CHANNEL_EN, SUBMISSION_CHANNEL_VI, type ExtendBody, type SubmissionRecord, type WaiveBody } from '../src/schemas/deadline.schemas';
import type { DbTx } from '../src/db';
import { signalDigest } from '../src/temporal/starters';
import { loadDeadlineContext, recipientsFor, type DeadlineContext, type Recipient } from '../src/stores/deadline-context';
import { emailLanguage, emailLanguages } from '../src/stores/email-language';
import { agencyLinkFor, replyToFor } from './agency-link';
import type { ActivityDeps } from './deps';
import { digestKeyOf } from './digest.activities';
import { composeDeadlineEmail, dayWithWeekday, type ComposedEmail, type EmailKind } from './email/deadline-email';
import { appendEvent } from './events';
import { beat } from './heartbeat';
import { deliverPending, queueNotice, type PendingRow } from './outbox';
import { composeStepEmail } from './step-email';

export type { StepMessage } from '../src/contract/messages';

export interface DeadlineActivities {
  /** Queues a ladder step's message for each recipient's daily digest. */
  /**
   * `notBefore`: the instant the step leaves (its planned instant, or the next sending
   * morning when it is late), for a step queued ahead of it; absent: it leaves now.
   */
  sendStep(input: { deadlineId: string; step: StepMessage; notBefore?: string }): Promise<{ queued: number }>;
  noteNextStep(input: { deadlineId: string; nextStep: StepMessage | null }): Promise<void>;
  recordSubmission(input: { deadlineId: string; recordedAt: string; body: SubmissionRecord }): Promise<SubmissionReceipt>;
  recordExtension(input: { deadlineId: string; fromLastDay: string; dueAt: string; revision: number; body: ExtendBody }): Promise<void>;
  recordWaiver(input: { deadlineId: string; waivedAt: string; body: WaiveBody }): Promise<void>;
  /** "Remind now": queues the reminder for the agency's contacts, not before `sendAt`. */
  queueManualReminder(input: { deadlineId: string; key: string; requestedAt: string; sendAt: string; requestedBy: string; note?: string }): Promise<{ queued: number }>;
  /**
   * Sends every notice of the deadline that is due by `asOf` (the workflow's time when it
   * asked; absent: now); retried until the SMTP server takes them.
   */
  deliverNotices(input: { deadlineId: string; asOf?: string }): Promise<{ sent: number; failed: number; dropped: number }>;
}

/** What a pending notice's row carries, to be composed when it is delivered. */
interface NoticePayload {
  emailKind: EmailKind;
  extraLines?: string[];
  /** The same lines in English, for recipients who read English (absent in rows queued before: they fall back to Vietnamese). */
  extraLinesEn?: string[];
  note?: string;
  /** For a reminder sent by hand: the step as the workflow planned it. */
  step?: StepMessage;
}

/**
 * "Số biên nhận": the local day of the report, then a digest of the deadline and round, so
 * a retried activity gives the same number and two reports never share one.
 */
export function receiptNumberOf(deadlineId: string, round: number, submittedAt: Date): string {
  const day = toIsoDate(localDateOf(submittedAt)).replaceAll('-', '');
  return `BN-${day}-${createHash('sha256').update(`${deadlineId}#${round}`).digest('hex').slice(0, 8).toUpperCase()}`;
}

/** Ladder step kinds; anything else the workflow hands over is read as a reminder. */
const LADDER_KINDS = new Set<string>(['reminder', 'due-today', 'overdue', 'escalation', 'repeat']);

export function createDeadlineActivities(deps: ActivityDeps): DeadlineActivities {
  /** Queues one notice per recipient, inside the caller's transaction. */
  async function queueFor(tx: DbTx, ctx: DeadlineContext, stepKey: string, recipients: Recipient[], kind: EmailKind, payload: NoticePayload, notBefore?: Date) {
    // The row keeps the subject in the recipient's language, as the email will carry it.
    const languages = await emailLanguages(tx, recipients.map((r) => r.email));
    for (const r of recipients) {
      const language = languages.get(r.email.trim().toLowerCase()) ?? 'vi';
      const subject = composeDeadlineEmail(kind, ctx, { publicUrl: deps.publicUrl, language }).subject;
      await queueNotice(tx, deps.clock(), {
        key: `${ctx.deadline.id}:${stepKey}:${r.email.toLowerCase()}`,
        deadlineId: ctx.deadline.id,
        stepKey,
        recipient: r.email,
        subject,
        payload,
        notBefore,
      });
    }
    if (recipients.length === 0) await appendEvent(tx, deps.clock(), ctx.deadline.id, 'no-recipients', { step: stepKey });
  }

  async function composeNotice(row: PendingRow): Promise<(ComposedEmail & { headers: Record<string, string>; replyTo?: string }) | null> {
    const payload = JSON.parse(row.payload) as NoticePayload;
    const ctx = await loadDeadlineContext(deps, row.deadlineId!);
    const language = await emailLanguage(deps.db, row.recipient);
    if (payload.emailKind === 'manual') {
      // A reminder held for the morning is pointless once the report is in or waived.
      if (ctx.deadline.status !== 'open' || !payload.step) return null;
      const email = await composeStepEmail(deps, ctx, payload.step, 'manual', payload.note, row.recipient, language);
      return { ...email, headers: { 'X-Hbc-Kind': 'manual', 'X-Hbc-Send-At': payload.step.sendAt }, replyTo: await replyToFor(deps, ctx, row.recipient) };
    }
    // An ad-hoc request's email (queued by the service for the mail workflow) may be claimed
    // here first; it is pointless once the report is in or waived.
    if (payload.emailKind === 'request' && ctx.deadline.status !== 'open') return null;
    const extraLines = language === 'en' ? (payload.extraLinesEn ?? payload.extraLines) : payload.extraLines;
    const email = composeDeadlineEmail(payload.emailKind, ctx, { publicUrl: deps.publicUrl, extraLines, agencyLink: agencyLinkFor(deps, ctx, row.recipient, language), language });
    return { ...email, headers: { 'X-Hbc-Kind': payload.emailKind }, replyTo: await replyToFor(deps, ctx, row.recipient) };
  }

  return {
    async sendStep({ deadlineId, step, notBefore }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      if (ctx.deadline.status !== 'open') return { queued: 0 };
      const recipients = recipientsFor(ctx, [...step.audience, ...(step.copyTo ?? [])]);
      const kind = (LADDER_KINDS.has(step.kind) ? step.kind : 'reminder') as EmailKind;
      // Every ladder step waits for the recipient's daily digest (one email for everything
      // that person gets that day). The digest of the day the message really leaves: a step
      // held past its planned day goes with that day's other messages.
      const sendAt = new Date(Math.max(new Date(notBefore ?? step.sendAt).getTime(), deps.clock().getTime()));
      const day = toIsoDate(localDateOf(sendAt));
      const languages = await emailLanguages(deps.db, recipients.map((r) => r.email));
      let queued = 0;
      for (const r of recipients) {
        beat(r.email);
        // The row's subject as the digest will send it, in the recipient's language.
        const subject = composeDeadlineEmail(kind, ctx, { publicUrl: deps.publicUrl, language: languages.get(r.email.trim().toLowerCase()) ?? 'vi' }).subject;
        const key = `${deadlineId}:${step.key}:${r.email.toLowerCase()}`;
        const created = await deps.db.outboxMessage.upsert({
          where: { key },
          update: {},
          create: {
            id: key,
            key,
            deadlineId,
            stepKey: step.key,
            recipient: r.email,
            subject,
            status: 'queued',
            claimedAt: deps.clock(),
            digestKey: digestKeyOf(r.email, day),
            notBefore: notBefore ? new Date(notBefore) : null,
            payload: JSON.stringify({ ...step, emailKind: kind }),
          },
        });
        if (created.status === 'queued') queued += 1;
        // Signalled even when the row existed: a retried step must still wake its digest.
        await signalDigest(deps.temporal, { recipient: r.email, day, ...(notBefore && { notBefore: sendAt.toISOString() }) });
      }
      if (recipients.length === 0) {
        // Never silent: a step with nobody to tell is itself an event the coordinator sees.
        log.warn('no recipients for step', { deadlineId, step: step.key });
        await appendEvent(deps.db, deps.clock(), deadlineId, 'no-recipients', { step: step.key, audience: step.audience });
      }
      return { queued };
    },

    async noteNextStep({ deadlineId, nextStep }) {
      await deps.db.deadline.update({
        where: { id: deadlineId },
        data: { nextStepKind: nextStep?.kind ?? null, nextStepAt: nextStep ? new Date(nextStep.sendAt) : null },
      });
    },

    async recordExtension({ deadlineId, fromLastDay, dueAt, revision, body }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      // Idempotent under retries: the revision says whether this extension is already written.
      if (ctx.deadline.revision >= revision) return;
      const updated = { ...ctx, deadline: { ...ctx.deadline, lastDay: body.newLastDay, revision } };
      const lines = [`Hạn cũ: ${dayWithWeekday(fromLastDay)}. Hạn mới: ${dayWithWeekday(body.newLastDay)}.`, `Lý do: ${body.reason}. Người cho phép: ${body.grantedBy}.`];
      const linesEn = [`Old deadline: ${dayWithWeekday(fromLastDay, 'en')}. New deadline: ${dayWithWeekday(body.newLastDay, 'en')}.`, `Reason: ${body.reason}. Granted by: ${body.grantedBy}.`];
      await deps.db.$transaction(async (tx) => {
        await tx.deadline.update({
          where: { id: deadlineId },
          // The new last day starts a new ladder: an escalation sent under the old one no longer describes it.
          data: { lastDay: body.newLastDay, dueAt: new Date(dueAt), extendedFrom: ctx.deadline.extendedFrom ?? fromLastDay, revision, escalationLevel: 0, escalatedTo: null, escalatedAt: null },
        });
        await appendEvent(tx, deps.clock(), deadlineId, 'extended', { from: fromLastDay, to: body.newLastDay, reason: body.reason, by: body.grantedBy });
        await queueFor(tx, updated, `extension-${revision}`, recipientsFor(updated, ['agency-contacts', 'coordinator']), 'extension', { emailKind: 'extension', extraLines: lines, extraLinesEn: linesEn });
      });
    },

    async recordWaiver({ deadlineId, waivedAt, body }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      if (ctx.deadline.status !== 'open') return;
      await deps.db.$transaction(async (tx) => {
        await tx.deadline.update({ where: { id: deadlineId }, data: { status: 'waived', nextStepKind: null, nextStepAt: null } });
        await appendEvent(tx, deps.clock(), deadlineId, 'waived', { reason: body.reason, by: body.waivedBy, at: waivedAt });
        await queueFor(tx, ctx, 'waiver', recipientsFor(ctx, ['agency-contacts', 'coordinator']), 'waiver', {
          emailKind: 'waiver',
          extraLines: [`Lý do: ${body.reason}. Người quyết định: ${body.waivedBy}.`],
          extraLinesEn: [`Reason: ${body.reason}. Decided by: ${body.waivedBy}.`],
        });
      });
    },

    async recordSubmission({ deadlineId, recordedAt, body }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      const submittedAt = new Date(body.submittedAt ?? recordedAt);
      const late = submittedAt.getTime() >= ctx.deadline.dueAt.getTime();
      const submission = await deps.db.$transaction(async (tx) => {
        // Upsert on the unique (deadline, round): a retried activity records the report once;
        // a report after a return for completion is the next round's, a row of its own.
        const round = ctx.deadline.round;
        const saved = await tx.submission.upsert({
          where: { deadlineId_round: { deadlineId, round } },
          update: {},
          create: {
            id: randomUUID(),
            deadlineId,
            round,
            submittedAt,
            recordedAt: new Date(recordedAt),
            receiptNumber: receiptNumberOf(deadlineId, round, submittedAt),
            documentDate: body.documentDate ?? null,
            ...(body.file && { fileSha256: body.file.sha256, fileName: body.file.name, fileMediaType: body.file.mediaType, fileSize: body.file.size }),
            submittedBy: body.submittedBy,
            documentNumber: body.documentNumber ?? null,
            note: body.note ?? null,
            link: body.link ?? null,
            channel: body.channel ?? null,
            late,
          },
        });
        if (ctx.deadline.status === 'submitted') return saved;
        await tx.deadline.update({ where: { id: deadlineId }, data: { status: 'submitted', nextStepKind: null, nextStepAt: null } });
        await appendEvent(tx, deps.clock(), deadlineId, 'submitted', { by: body.submittedBy, late, at: submittedAt.toISOString() });
        // Each round's receipt is a message of its own (round 0 keeps the key it always had).
        const receiptKey = round === 0 ? 'receipt' : `receipt-${round}`;
        await queueFor(tx, { ...ctx, deadline: { ...ctx.deadline, status: 'submitted' } }, receiptKey, recipientsFor(ctx, ['agency-contacts']), 'receipt', {
          emailKind: 'receipt',
          extraLines: [
            `Số biên nhận: ${saved.receiptNumber}`,
            `Thời điểm nhận: ${formatViInstant(saved.submittedAt)}${saved.late ? ' (muộn hạn)' : ' (đúng hạn)'}`,
            ...(saved.documentNumber ? [`Số văn bản: ${saved.documentNumber}${saved.documentDate ? ` ngày ${dayWithWeekday(saved.documentDate)}` : ''}`] : []),
            ...(body.channel ? [`Hình thức: ${SUBMISSION_CHANNEL_VI[body.channel]}`] : []),
            ...(saved.fileName ? [`Tệp đính kèm: ${saved.fileName} (${saved.fileSize ?? 0} byte, SHA-256 ${saved.fileSha256})`] : []),
            ...(saved.link ? [`Liên kết: ${saved.link}`] : []),
          ],
          extraLinesEn: [
            `Receipt number: ${saved.receiptNumber}`,
            `Received at: ${formatInstantIn(saved.submittedAt, 'en')}${saved.late ? ' (late)' : ' (on time)'}`,
            ...(saved.documentNumber ? [`Document number: ${saved.documentNumber}${saved.documentDate ? ` of ${dayWithWeekday(saved.documentDate, 'en')}` : ''}`] : []),
            ...(body.channel ? [`Channel: ${SUBMISSION_CHANNEL_EN[body.channel]}`] : []),
            ...(saved.fileName ? [`Attached file: ${saved.fileName} (${saved.fileSize ?? 0} bytes, SHA-256 ${saved.fileSha256})`] : []),
            ...(saved.link ? [`Link: ${saved.link}`] : []),
          ],
        });
        return saved;
      });
      return { submissionId: submission.id, submittedAt: submission.submittedAt.toISOString(), late: submission.late, receiptNumber: submission.receiptNumber ?? undefined };
    },

    async queueManualReminder({ deadlineId, key, requestedAt, sendAt, requestedBy, note }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      if (ctx.deadline.status !== 'open') return { queued: 0 };
      const recipients = recipientsFor(ctx, ['agency-contacts']);
      const step: StepMessage = { key, kind: 'manual', sendAt, audience: ['agency-contacts'], explanation: `Nhắc theo yêu cầu của ${requestedBy}` };
      await deps.db.$transaction(async (tx) => {
        await appendEvent(tx, deps.clock(), deadlineId, 'reminder-requested', { by: requestedBy, at: requestedAt, sendAt, ...(note && { note }) });
        await queueFor(tx, ctx, key, recipients, 'manual', { emailKind: 'manual', step, ...(note && { note }) }, new Date(sendAt));
      });
      return { queued: recipients.length };
    },

    async deliverNotices({ deadlineId, asOf }) {
      // Each outcome's event commits with its row: an attempt that dies after some sends
      // leaves their history behind (the chaos run's killed worker: docs/RELIABILITY.md).
      const results = await deliverPending(deps, { deadlineId }, composeNotice, asOf ? new Date(asOf) : undefined, async (tx, row, outcome) => {
        const kind = (JSON.parse(row.payload) as NoticePayload).emailKind;
        const type = outcome === 'sent' ? 'email-sent' : outcome === 'failed' ? 'email-failed' : 'email-dropped';
        await appendEvent(tx, deps.clock(), deadlineId, type, { step: row.stepKey, kind, to: row.recipient });
      });
      return {
        sent: results.filter((r) => r.outcome === 'sent').length,
        failed: results.filter((r) => r.outcome === 'failed').length,
        dropped: results.filter((r) => r.outcome === 'dropped').length,
      };
    },
  };
}

