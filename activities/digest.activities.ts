// Sending what is queued for one recipient and day: one message as it is, several as one
// digest email (DOMAIN.md: several messages for the same person on the same day go out as
// one). Exactly once as everywhere: rows are claimed for the batch before the SMTP call,
// and a retried batch re-sends only rows claimed by that same batch and not yet sent.
import type { StepMessage } from '../src/contract/messages';
import type { DbTx } from '../src/db';
import { formatViDate, parseIsoDate } from '../src/domain/local-date';
import { loadDeadlineContext, recipientsFor, type DeadlineContext } from '../src/stores/deadline-context';
import { emailLanguage } from '../src/stores/email-language';
import type { ActivityDeps } from './deps';
import type { EmailKind } from './email/deadline-email';
import { composed, escapeHtml, type ComposedEmail } from './email/html';
import type { Language } from '../src/domain/language';
import { appendEvent } from './events';
import { beat } from './heartbeat';
import { isPermanent, messageIdFor, recordPatiently, transmit } from './outbox';
import { composeStepEmail } from './step-email';
import { replyToFor } from './agency-link';

export interface DigestActivities {
  /**
   * Returns how many queued messages went out in this batch. `asOf` (the workflow's time):
   * only messages planned by then; absent (histories from before): everything queued.
   */
  sendDigest(input: { recipient: string; day: string; batch: number; asOf?: string }): Promise<number>;
}

export function digestKeyOf(recipient: string, day: string): string {
  return `${recipient.trim().toLowerCase()}|${day}`;
}

type QueuedStep = StepMessage & { emailKind: EmailKind; note?: string };

/**
 * After an escalation reached the people it escalates to (the first audience of its level:
 * the coordinator's head, leadership), the deadline says so: the dashboard shows
 * "escalated" from this, never from the calendar alone.
 */
async function noteEscalation(tx: DbTx, deps: ActivityDeps, ctx: DeadlineContext, step: QueuedStep, recipient: string): Promise<void> {
  const level = Number(/escalation-(\d+)$/.exec(step.key)?.[1] ?? 0);
  const escalatedTo = recipientsFor(ctx, step.audience.slice(0, 1));
  if (level === 0 || !escalatedTo.some((r) => r.email.toLowerCase() === recipient.toLowerCase())) return;
  await tx.deadline.updateMany({
    where: { id: ctx.deadline.id, escalationLevel: { lt: level } },
    data: { escalationLevel: level, escalatedTo: escalatedTo.map((r) => r.name).join(', '), escalatedAt: deps.clock() },
  });
}

const DIGEST_WORDS: Record<Language, { subject: (n: number, day: string) => string; intro: (n: number) => string }> = {
  vi: {
    subject: (n, day) => `[Tổng hợp nhắc hạn] ${n} báo cáo cần chú ý – ngày ${day}`,
    intro: (n) => `Hôm nay có ${n} nội dung về hạn báo cáo gửi tới anh/chị, gộp trong một thư:`,
  },
  en: {
    subject: (n, day) => `[Daily digest] ${n} reports need attention – ${day}`,
    intro: (n) => `Today there are ${n} messages about report deadlines for you, in one email:`,
  },
};

/** Several messages for one person and day as one email, in that person's language. */
function digestEmail(parts: { subject: string; text: string; htmlBody: string }[], day: string, language: Language): ComposedEmail {
  const words = DIGEST_WORDS[language];
  const separator = '\n\n――――――――――\n\n';
  return composed(
    words.subject(parts.length, formatViDate(parseIsoDate(day))),
    [words.intro(parts.length), ...parts.map((p, i) => `${i + 1}. ${p.subject}`)].join('\n') + separator + parts.map((p) => p.text).join(separator),
    // One document with each message's body in turn, not whole documents end to end.
    [
      `<p>${words.intro(parts.length)}</p>`,
      `<ol>${parts.map((p) => `<li>${escapeHtml(p.subject)}</li>`).join('')}</ol>`,
      ...parts.map((p) => `<hr>\n<h3>${escapeHtml(p.subject)}</h3>\n${p.htmlBody}`),
    ].join('\n'),
    language,
  );
}

export function createDigestActivities(deps: ActivityDeps): DigestActivities {
  return {
    async sendDigest({ recipient, day, batch, asOf }) {
      const digestKey = digestKeyOf(recipient, day);
      const batchKey = `digest:${digestKey}:${batch}`;
      const due = asOf ? { OR: [{ notBefore: null }, { notBefore: { lte: new Date(asOf) } }] } : {};
      await deps.db.outboxMessage.updateMany({ where: { digestKey, status: 'queued', ...due }, data: { status: 'claimed', batchKey, claimedAt: deps.clock() } });
      const rows = await deps.db.outboxMessage.findMany({ where: { batchKey, status: 'claimed' }, orderBy: { key: 'asc' } });
      if (rows.length === 0) return 0;

      // The recipient's language, read when the email leaves like every other fact in it; the
      // digest is one email per recipient, so it is wholly in that person's language.
      const language = await emailLanguage(deps.db, recipient);
      // Messages of deadlines closed since they were queued (report recorded, waiver) are dropped.
      const parts: { row: (typeof rows)[number]; ctx: DeadlineContext; step: QueuedStep; subject: string; text: string; htmlBody: string; html: string }[] = [];
      for (const row of rows) {
        beat(row.key);
        const step = JSON.parse(row.payload) as QueuedStep;
        const ctx = await loadDeadlineContext(deps, row.deadlineId!);
        if (ctx.deadline.status !== 'open') {
          await deps.db.outboxMessage.update({ where: { key: row.key }, data: { status: 'failed', error: 'closed before sending' } });
          continue;
        }
        parts.push({ row, ctx, step, ...(await composeStepEmail(deps, ctx, step, step.emailKind, step.note, recipient, language)) });
      }
      if (parts.length === 0) return 0;

      const single = parts.length === 1 ? parts[0]! : null;
      const first = parts[0]!;
      const email = single ?? digestEmail(parts, day, language);
      const key = single ? single.row.key : batchKey;
      // A reply can name one deadline only: a digest of several carries no token address.
      const replyTo = single ? await replyToFor(deps, single.ctx, recipient) : undefined;
      try {
        await transmit(deps, {
          to: recipient,
          replyTo,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: messageIdFor(key),
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
          await recordPatiently(deps, key, async (tx) => {
            for (const p of parts) {
              await tx.outboxMessage.update({ where: { key: p.row.key }, data: { status: 'failed', error: String((err as Error).message).slice(0, 1000) } });
              await appendEvent(tx, deps.clock(), p.row.deadlineId!, 'email-failed', { step: p.row.stepKey, kind: p.step.kind, to: recipient });
            }
          });
          // Recorded and surfaced on each deadline's page; the day's later batches still go.
          return 0;
        }
        throw err;
      }
      // Every part at once: a retry that found some parts sent and others not would send the
      // rest again under another Message-ID (a smaller digest, or a single message).
      await recordPatiently(deps, key, async (tx) => {
        for (const p of parts) {
          await tx.outboxMessage.update({ where: { key: p.row.key }, data: { status: 'sent', sentAt: deps.clock(), messageId: messageIdFor(key) } });
          await appendEvent(tx, deps.clock(), p.row.deadlineId!, 'email-sent', { step: p.row.stepKey, kind: p.step.kind, to: recipient, ...(single ? {} : { digest: batchKey }) });
          if (p.step.kind === 'escalation') await noteEscalation(tx, deps, p.ctx, p.step, recipient);
        }
      });
      return parts.length;
    },
  };
}
