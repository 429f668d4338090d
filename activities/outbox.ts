// Exactly-once email through an outbox row per (deadline, step, recipient).
//
// The row is claimed BEFORE the SMTP call (STYLE.md #3). A retry or replay that finds the
// row "sent" or "failed" skips it. A row left "claimed" by an attempt that died is taken
// over only after CLAIM_LEASE_MS, through a conditional update, so two live attempts never
// both send. The only window for a duplicate is a crash between the SMTP server accepting
// the message and the row being marked sent; the Message-ID is derived from the key, so
// mail systems can fold such a duplicate.
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from './deps';

/**
 * How long a claim protects a row from other attempts. Longer than the activities'
 * heartbeat timeout (20 s): while an attempt is alive, Temporal runs no second one, so
 * after this long the claimer is dead and its row may be taken over.
 */
export const CLAIM_LEASE_MS = 30_000;

export interface OutgoingMail {
  key: string;
  /** The deadline or the campaign run the message belongs to (one of them). */
  deadlineId?: string;
  campaignRunId?: string;
  stepKey: string;
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export type SendOutcome = 'sent' | 'skipped' | 'failed';

/** The Message-ID of the email sent under an outbox key: a re-delivery carries the same one. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@hanbaocao>`;
}

/** SMTP 5xx and envelope errors will not heal by retrying; everything else might. */
export function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string };
  return (typeof e.responseCode === 'number' && e.responseCode >= 500) || e.code === 'EENVELOPE';
}

async function claim(deps: ActivityDeps, mail: OutgoingMail): Promise<boolean> {
  const now = deps.clock();
  try {
    await deps.db.outboxMessage.create({
      data: {
        id: `${mail.key}`,
        key: mail.key,
        deadlineId: mail.deadlineId ?? null,
        campaignRunId: mail.campaignRunId ?? null,
        stepKey: mail.stepKey,
        recipient: mail.to,
        subject: mail.subject,
        status: 'claimed',
        claimedAt: now,
      },
    });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
  }
  const row = await deps.db.outboxMessage.findUniqueOrThrow({ where: { key: mail.key } });
  if (row.status !== 'claimed') return false;
  if (now.getTime() - row.claimedAt.getTime() < CLAIM_LEASE_MS) {
    // Another attempt holds the claim right now; retry later rather than skip, so the
    // message is not lost if that attempt dies.
    throw ApplicationFailure.retryable(`outbox ${mail.key} is claimed by another attempt`, 'OutboxBusy');
  }
  const taken = await deps.db.outboxMessage.updateMany({
    where: { key: mail.key, status: 'claimed', claimedAt: row.claimedAt },
    data: { claimedAt: now },
  });
  return taken.count === 1;
}

export async function sendOnce(deps: ActivityDeps, mail: OutgoingMail): Promise<SendOutcome> {
  if (!(await claim(deps, mail))) return 'skipped';
  const messageId = messageIdFor(mail.key);
  try {
    await deps.mailer.sendMail({
      from: deps.mailFrom,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      headers: { 'X-Hbc-Key': mail.key, 'X-Hbc-Step': mail.stepKey, ...mail.headers },
    });
  } catch (err) {
    if (isPermanent(err)) {
      await deps.db.outboxMessage.update({
        where: { key: mail.key },
        data: { status: 'failed', error: String((err as Error).message).slice(0, 1000) },
      });
      return 'failed';
    }
    // Not delivered: release the claim at once so the retry can take it.
    await deps.db.outboxMessage.update({ where: { key: mail.key }, data: { claimedAt: new Date(0) } });
    throw err;
  }
  await deps.db.outboxMessage.update({
    where: { key: mail.key },
    data: { status: 'sent', sentAt: deps.clock(), messageId },
  });
  return 'sent';
}
