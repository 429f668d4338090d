// Sending what is queued for one recipient and day: one message as it is, several as one
// digest email (DOMAIN.md: several messages for the same person on the same day go out as
// one). Exactly once as everywhere: rows are claimed for the batch before the SMTP call,
// and a retried batch re-sends only rows claimed by that same batch and not yet sent.
import { formatViDate, localDateOf, parseIsoDate, toIsoDate } from '../src/domain/local-date';
import type { StepMessage } from './deadline.activities';
import { loadDeadlineContext, type DeadlineContext } from './deadline-context';
import type { ActivityDeps, WorkflowStarter } from './deps';
import { digestWorkflow, messageQueuedSignal } from '../workflows/digest.workflow';
import { composeDeadlineEmail, type EmailKind } from './email/deadline-email';
import { appendEvent } from './events';
import { beat } from './heartbeat';
import { isPermanent, messageIdFor } from './outbox';
import { lateAgencies, lateAgencyLines } from './late-agencies';
import { progressLine, rollUpProgress } from '../src/services/rollup-progress';

export interface DigestActivities {
  /** Returns how many queued messages went out in this batch. */
  sendDigest(input: { recipient: string; day: string; batch: number }): Promise<number>;
}

export function digestKeyOf(recipient: string, day: string): string {
  return `${recipient.trim().toLowerCase()}|${day}`;
}

/** The email one step of one deadline gets, whether sent alone or inside a digest. */
export async function composeStepEmail(deps: ActivityDeps, ctx: DeadlineContext, step: StepMessage, kind: EmailKind, note?: string) {
  // An escalation tells the coordinator's head and leadership about every late agency
  // of the plan and period, not only this one (DOMAIN.md: leadership acts on the list).
  const extraLines =
    kind === 'escalation' ? lateAgencyLines(await lateAgencies(deps, ctx.plan.id, ctx.deadline.periodKey, new Date(step.sendAt))) : [];
  // The coordinator's own upward report says how far the agencies' reports have come.
  if (ctx.obligation.kind === 'rollup') extraLines.unshift(progressLine(await rollUpProgress(deps.db, ctx.plan.id, ctx.deadline.periodKey)));
  return composeDeadlineEmail(kind, ctx, { publicUrl: deps.publicUrl, note, extraLines });
}

/**
 * Puts one step's message to one person in the outbox as "queued" and wakes (or starts) that
 * person's digest workflow for the step's planned day. Idempotent: the row's key is the
 * usual (deadline, step, recipient) one; a repeated call only signals again, which at
 * worst makes an empty batch. Returns whether the row is new.
 */
export async function queueForDigest(
  deps: ActivityDeps,
  starter: WorkflowStarter,
  m: { key: string; deadlineId: string; step: StepMessage; kind: EmailKind; note?: string; recipient: string; subject: string },
): Promise<boolean> {
  const day = toIsoDate(localDateOf(new Date(m.step.sendAt)));
  const digestKey = digestKeyOf(m.recipient, day);
  let created = true;
  try {
    await deps.db.outboxMessage.create({
      data: {
        id: m.key,
        key: m.key,
        deadlineId: m.deadlineId,
        stepKey: m.step.key,
        recipient: m.recipient,
        subject: m.subject,
        status: 'queued',
        claimedAt: deps.clock(),
        digestKey,
        payload: JSON.stringify({ ...m.step, emailKind: m.kind, ...(m.note && { note: m.note }) }),
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    created = false;
  }
  await starter.client.workflow.signalWithStart(digestWorkflow, {
    taskQueue: starter.taskQueue,
    workflowId: `digest/${digestKey.replace('|', '/')}`,
    args: [{ recipient: m.recipient.trim().toLowerCase(), day }],
    signal: messageQueuedSignal,
    signalArgs: [],
  });
  return created;
}

export function createDigestActivities(deps: ActivityDeps): DigestActivities {
  return {
    async sendDigest({ recipient, day, batch }) {
      const digestKey = digestKeyOf(recipient, day);
      const batchKey = `digest:${digestKey}:${batch}`;
      await deps.db.outboxMessage.updateMany({ where: { digestKey, status: 'queued' }, data: { status: 'claimed', batchKey, claimedAt: deps.clock() } });
      const rows = await deps.db.outboxMessage.findMany({ where: { batchKey, status: 'claimed' }, orderBy: { key: 'asc' } });
      if (rows.length === 0) return 0;

      // Messages of deadlines closed since they were queued (report recorded, waiver) are dropped.
      const parts: { row: (typeof rows)[number]; step: StepMessage; subject: string; text: string; html: string }[] = [];
      for (const row of rows) {
        beat(row.key);
        const step = JSON.parse(row.payload) as StepMessage & { emailKind: EmailKind; note?: string };
        const ctx = await loadDeadlineContext(deps, row.deadlineId!);
        if (ctx.deadline.status !== 'open') {
          await deps.db.outboxMessage.update({ where: { key: row.key }, data: { status: 'failed', error: 'closed before sending' } });
          continue;
        }
        parts.push({ row, step, ...(await composeStepEmail(deps, ctx, step, step.emailKind, step.note)) });
      }
      if (parts.length === 0) return 0;

      const single = parts.length === 1 ? parts[0]! : null;
      const first = parts[0]!;
      const subject = single ? single.subject : `[Tổng hợp nhắc hạn] ${parts.length} báo cáo cần chú ý – ngày ${formatViDate(parseIsoDate(day))}`;
      const separator = '\n\n――――――――――\n\n';
      const text = single
        ? single.text
        : [`Hôm nay có ${parts.length} nội dung về hạn báo cáo gửi tới anh/chị, gộp trong một thư:`, ...parts.map((p, i) => `${i + 1}. ${p.subject}`)].join('\n') +
          separator +
          parts.map((p) => p.text).join(separator);
      const html = single ? single.html : parts.map((p) => p.html).join('<hr>');
      const key = single ? single.row.key : batchKey;
      const messageId = messageIdFor(key);
      try {
        await deps.mailer.sendMail({
          from: deps.mailFrom,
          to: recipient,
          subject,
          text,
          html,
          messageId,
          headers: {
            'X-Hbc-Key': key,
            'X-Hbc-Step': single ? single.row.stepKey : 'digest',
            'X-Hbc-Kind': single ? single.step.kind : 'digest',
            'X-Hbc-Send-At': first.step.sendAt,
            ...(single ? {} : { 'X-Hbc-Digest-Of': parts.map((p) => p.row.key).join(' ') }),
          },
        });
      } catch (err) {
        if (isPermanent(err)) {
          for (const p of parts) {
            await deps.db.outboxMessage.update({ where: { key: p.row.key }, data: { status: 'failed', error: String((err as Error).message).slice(0, 1000) } });
            await appendEvent(deps, p.row.deadlineId!, 'email-failed', { step: p.row.stepKey, to: recipient });
          }
          // Recorded and surfaced on each deadline's page; the day's later batches still go.
          return 0;
        }
        throw err;
      }
      for (const p of parts) {
        await deps.db.outboxMessage.update({ where: { key: p.row.key }, data: { status: 'sent', sentAt: deps.clock(), messageId } });
        await appendEvent(deps, p.row.deadlineId!, 'email-sent', { step: p.row.stepKey, kind: p.step.kind, to: recipient, ...(single ? {} : { digest: batchKey }) });
      }
      return parts.length;
    },
  };
}
