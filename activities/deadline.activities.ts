// Side effects of the deadline workflow: send a step's emails through the outbox, keep the
// dashboard's row current, record a received report and send its receipt.
import { randomUUID } from 'node:crypto';
import { log } from '@temporalio/activity';
import type { ExtendBody, RecordSubmissionBody, WaiveBody } from '../src/schemas/deadline.schemas';
import type { SubmissionReceipt } from '../workflows/messages';
import { loadDeadlineContext, recipientsFor, type Recipient } from './deadline-context';
import type { ActivityDeps } from './deps';
import { composeDeadlineEmail, dayWithWeekday, type ComposedEmail, type EmailKind } from './email/deadline-email';
import { appendEvent } from './events';
import { beat } from './heartbeat';
import { composeStepEmail, queueForDigest } from './digest.activities';
import { sendOnce, type SendOutcome } from './outbox';

/** A timeline step as the workflow hands it over (instants as ISO strings). */
export interface StepMessage {
  key: string;
  kind: string;
  sendAt: string;
  audience: string[];
  /** Audiences that receive the message in copy (the coordinator on an overdue notice). */
  copyTo?: string[];
  explanation: string;
}

export interface DeadlineActivities {
  sendStep(input: { deadlineId: string; step: StepMessage; note?: string }): Promise<{ sent: number; failed: number; queued: number }>;
  noteNextStep(input: { deadlineId: string; nextStep: StepMessage | null }): Promise<void>;
  recordSubmission(input: { deadlineId: string; recordedAt: string; body: RecordSubmissionBody }): Promise<SubmissionReceipt>;
  recordExtension(input: { deadlineId: string; fromLastDay: string; dueAt: string; revision: number; body: ExtendBody }): Promise<void>;
  recordWaiver(input: { deadlineId: string; waivedAt: string; body: WaiveBody }): Promise<void>;
}

const EMAIL_KINDS = new Set<string>(['reminder', 'due-today', 'overdue', 'escalation', 'repeat', 'manual']);
/** Steps that go into the recipient's daily digest rather than out at once. */
const DIGESTED_KINDS = new Set<string>(['reminder', 'due-today', 'overdue', 'escalation', 'repeat']);

export function createDeadlineActivities(deps: ActivityDeps): DeadlineActivities {
  /** A one-off notice (extension, waiver, receipt) to each recipient, once per step key. */
  async function notify(deadlineId: string, stepKey: string, recipients: Recipient[], email: ComposedEmail): Promise<void> {
    for (const r of recipients) {
      await sendOnce(deps, { key: `${deadlineId}:${stepKey}:${r.email.toLowerCase()}`, deadlineId, stepKey, to: r.email, ...email });
    }
  }

  return {
    async sendStep({ deadlineId, step, note }) {
      const kind = (EMAIL_KINDS.has(step.kind) ? step.kind : 'reminder') as EmailKind;
      const ctx = await loadDeadlineContext(deps, deadlineId);
      if (ctx.deadline.status !== 'open') return { sent: 0, failed: 0, queued: 0 };
      const recipients = recipientsFor(ctx, [...step.audience, ...(step.copyTo ?? [])]);
      // Ladder steps wait for the recipient's daily digest (one email for everything that
      // person gets that day); a reminder the coordinator sends by hand goes at once. A
      // worker without a Temporal client (some tests) sends everything at once. A queued
      // message is composed when its digest goes out; the row only needs its subject now.
      const starter = DIGESTED_KINDS.has(step.kind) ? deps.temporal : undefined;
      const email = starter
        ? composeDeadlineEmail(kind, ctx, { publicUrl: deps.publicUrl })
        : await composeStepEmail(deps, ctx, step, kind, note);
      const outcomes: SendOutcome[] = [];
      let queued = 0;
      for (const r of recipients) {
        beat(r.email);
        const key = `${deadlineId}:${step.key}:${r.email.toLowerCase()}`;
        if (starter) {
          if (await queueForDigest(deps, starter, { key, deadlineId, step, kind, note, recipient: r.email, subject: email.subject })) queued += 1;
          continue;
        }
        const outcome = await sendOnce(deps, {
          key,
          deadlineId,
          stepKey: step.key,
          to: r.email,
          ...email,
          // The planned instant travels with the message: tests and operators can tell a
          // step's email from its neighbours regardless of when delivery happened.
          headers: { 'X-Hbc-Kind': step.kind, 'X-Hbc-Send-At': step.sendAt },
        });
        outcomes.push(outcome);
        if (outcome !== 'skipped') {
          await appendEvent(deps, deadlineId, outcome === 'sent' ? 'email-sent' : 'email-failed', {
            step: step.key, kind: step.kind, to: r.email,
          });
        }
      }
      if (recipients.length === 0) {
        // Never silent: a step with nobody to tell is itself an event the coordinator sees.
        log.warn('no recipients for step', { deadlineId, step: step.key });
        await appendEvent(deps, deadlineId, 'no-recipients', { step: step.key, audience: step.audience });
      }
      return {
        sent: outcomes.filter((o) => o === 'sent').length,
        failed: outcomes.filter((o) => o === 'failed').length,
        queued,
      };
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
      if (ctx.deadline.revision < revision) {
        await deps.db.deadline.update({
          where: { id: deadlineId },
          data: { lastDay: body.newLastDay, dueAt: new Date(dueAt), extendedFrom: ctx.deadline.extendedFrom ?? fromLastDay, revision },
        });
        await appendEvent(deps, deadlineId, 'extended', { from: fromLastDay, to: body.newLastDay, reason: body.reason, by: body.grantedBy });
      }
      const updated = { ...ctx, deadline: { ...ctx.deadline, lastDay: body.newLastDay, revision } };
      const email = composeDeadlineEmail('extension', updated, {
        publicUrl: deps.publicUrl,
        extraLines: [`Hạn cũ: ${dayWithWeekday(fromLastDay)}. Lý do: ${body.reason}. Người cho phép: ${body.grantedBy}.`],
      });
      await notify(deadlineId, `extension-${revision}`, recipientsFor(updated, ['agency-contacts', 'coordinator']), email);
    },

    async recordWaiver({ deadlineId, waivedAt, body }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      if (ctx.deadline.status === 'open') {
        await deps.db.deadline.update({ where: { id: deadlineId }, data: { status: 'waived', nextStepKind: null, nextStepAt: null } });
        await appendEvent(deps, deadlineId, 'waived', { reason: body.reason, by: body.waivedBy, at: waivedAt });
      }
      const email = composeDeadlineEmail('waiver', ctx, {
        publicUrl: deps.publicUrl,
        extraLines: [`Lý do: ${body.reason}. Người quyết định: ${body.waivedBy}.`],
      });
      await notify(deadlineId, 'waiver', recipientsFor(ctx, ['agency-contacts', 'coordinator']), email);
    },

    async recordSubmission({ deadlineId, recordedAt, body }) {
      const ctx = await loadDeadlineContext(deps, deadlineId);
      const submittedAt = new Date(body.submittedAt ?? recordedAt);
      const late = submittedAt.getTime() >= ctx.deadline.dueAt.getTime();
      // Upsert on the unique deadlineId: a retried activity records the report once.
      const submission = await deps.db.submission.upsert({
        where: { deadlineId },
        update: {},
        create: {
          id: randomUUID(),
          deadlineId,
          submittedAt,
          recordedAt: new Date(recordedAt),
          submittedBy: body.submittedBy,
          documentNumber: body.documentNumber ?? null,
          note: body.note ?? null,
          link: body.link ?? null,
          late,
        },
      });
      if (ctx.deadline.status !== 'submitted') {
        await deps.db.deadline.update({
          where: { id: deadlineId },
          data: { status: 'submitted', nextStepKind: null, nextStepAt: null },
        });
        await appendEvent(deps, deadlineId, 'submitted', { by: body.submittedBy, late, at: submittedAt.toISOString() });
      }
      const receipt = composeDeadlineEmail('receipt', { ...ctx, deadline: { ...ctx.deadline, status: 'submitted' } }, {
        publicUrl: deps.publicUrl,
        extraLines: [
          `Thời điểm nhận: ${submission.submittedAt.toISOString()}${submission.late ? ' (muộn hạn)' : ' (đúng hạn)'}`,
          ...(submission.documentNumber ? [`Số văn bản: ${submission.documentNumber}`] : []),
        ],
      });
      await notify(deadlineId, 'receipt', recipientsFor(ctx, ['agency-contacts']), receipt);
      return { submissionId: submission.id, submittedAt: submission.submittedAt.toISOString(), late: submission.late };
    },
  };
}
