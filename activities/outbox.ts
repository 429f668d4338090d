// Exactly-once email through an outbox row per (deadline, step, recipient).
//
// A row is claimed BEFORE the SMTP call (STYLE.md #3). A retry or replay that finds the row
// "sent" or "failed" skips it. A row left "claimed" by an attempt that died is taken over
// only after CLAIM_LEASE_MS, through a conditional update, so two live attempts never both
// send. The only window for a duplicate is a crash between the SMTP server accepting the
// message and the row being marked sent; the Message-ID is derived from the key, so mail
// systems can fold such a duplicate.
//
// Two ways in: `sendOnce` claims and sends in one go (campaign notices, the workflow's own
// steps); `queueNotice` only commits a "pending" row, inside the state change a person is
// waiting for, and `deliverPending` sends it afterwards, retried until the SMTP server
// takes it. A person never waits on the mail server.
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { DbTx } from '../src/db';
import { neutraliseBidi } from '../src/domain/text';
import type { ActivityDeps } from './deps';
import { beat } from './heartbeat';

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
  /** A token address the recipient's reply reaches the intake through (activities/agency-link.ts replyToFor). */
  replyTo?: string;
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

/**
 * The one place a message leaves for the SMTP server. Text a person typed (names, notes,
 * reasons) may carry bidirectional overrides that would disguise a subject or a line:
 * they are removed here, whatever composed the message.
 */
export async function transmit(
  deps: ActivityDeps,
  m: { to: string; cc?: string[]; subject: string; text: string; html: string; messageId: string; headers: Record<string, string>; replyTo?: string },
): Promise<void> {
  await deps.mailer.sendMail({
    from: deps.mailFrom,
    ...(m.replyTo && { replyTo: m.replyTo }),
    to: m.to,
    cc: m.cc,
    subject: neutraliseBidi(m.subject),
    text: neutraliseBidi(m.text),
    html: neutraliseBidi(m.html),
    messageId: m.messageId,
    headers: m.headers,
  });
}

/**
 * Takes over a row that exists: a pending one at once, a claimed one only once its lease ran
 * out. Returns the instant of this attempt's claim (what `sendClaimed` renews), null when the
 * row is not for this attempt.
 */
async function claimExisting(deps: ActivityDeps, key: string, now: Date): Promise<Date | null> {
  const row = await deps.db.outboxMessage.findUniqueOrThrow({ where: { key } });
  if (row.status === 'pending') {
    const taken = await deps.db.outboxMessage.updateMany({ where: { key, status: 'pending' }, data: { status: 'claimed', claimedAt: now } });
    return taken.count === 1 ? now : null;
  }
  if (row.status !== 'claimed') return null;
  if (now.getTime() - row.claimedAt.getTime() < CLAIM_LEASE_MS) {
    // Another attempt holds the claim right now; retry later rather than skip, so the
    // message is not lost if that attempt dies.
    throw ApplicationFailure.retryable(`outbox ${key} is claimed by another attempt`, 'OutboxBusy');
  }
  const taken = await deps.db.outboxMessage.updateMany({
    where: { key, status: 'claimed', claimedAt: row.claimedAt },
    data: { claimedAt: now },
  });
  return taken.count === 1 ? now : null;
}

/** A new outbox row for one message to one recipient. */
function newRow(m: { key: string; deadlineId?: string; campaignRunId?: string; stepKey: string; recipient: string; subject: string }, status: 'claimed' | 'pending', now: Date) {
  return {
    id: m.key,
    key: m.key,
    deadlineId: m.deadlineId ?? null,
    campaignRunId: m.campaignRunId ?? null,
    stepKey: m.stepKey,
    recipient: m.recipient,
    subject: m.subject,
    status,
    claimedAt: now,
  };
}

async function claim(deps: ActivityDeps, mail: OutgoingMail): Promise<Date | null> {
  const now = deps.clock();
  try {
    await deps.db.outboxMessage.create({ data: newRow({ ...mail, recipient: mail.to }, 'claimed', now) });
    return now;
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
  }
  return claimExisting(deps, mail.key, now);
}

/**
 * Sends at once per worker: as many as the worker's pooled SMTP connections
 * (src/mail/transport.ts SMTP_POOL_CONNECTIONS; a test keeps the two equal). A send waits
 * here, before it renews its claim, rather than inside the pool's queue after it.
 */
export const CONCURRENT_SENDS = 5;

/** A counting semaphore: `acquire` resolves with the function that gives the slot back. */
function semaphore(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<() => void> {
      if (free > 0) free -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      return () => {
        const next = waiting.shift();
        if (next) next();
        else free += 1;
      };
    },
  };
}

const slotsByMailer = new WeakMap<object, ReturnType<typeof semaphore>>();

/** Waits for a free connection, heartbeating: a wait behind a slow relay is not a dead worker. */
async function connectionSlot(mailer: object, key: string): Promise<() => void> {
  let slots = slotsByMailer.get(mailer);
  if (!slots) slotsByMailer.set(mailer, (slots = semaphore(CONCURRENT_SENDS)));
  const acquired = slots.acquire();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const release = await Promise.race([acquired, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 5_000)))]);
    // Cleared at once: a burst sends thousands of messages, each would leave a 5 s timer behind.
    clearTimeout(timer);
    if (release) return release;
    beat(`waiting for an SMTP connection for ${key}`);
  }
}

/** Writes that must commit with a row's outcome (its event in the deadline's history). */
export type RecordOutcome = (tx: DbTx, outcome: 'sent' | 'failed' | 'dropped') => Promise<void>;

/**
 * How long an attempt keeps trying to record what the SMTP server already accepted. The
 * message is out: an attempt that gave up at once (the database locked, briefly away) left
 * its row claimed, and the retry sent the message a second time (the chaos run's locked
 * database: docs/RELIABILITY.md). Below the activities' 2-minute start-to-close timeout.
 */
export const RECORD_PATIENCE_MS = 90_000;

/**
 * Commits `write` (a row's new status with what goes with it) in one transaction, trying
 * again with backoff, heartbeating, for up to RECORD_PATIENCE_MS; then rethrows.
 */
export async function recordPatiently(deps: ActivityDeps, label: string, write: (tx: DbTx) => Promise<void>): Promise<void> {
  const startedAt = Date.now();
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      await deps.db.$transaction(write);
      return;
    } catch (err) {
      if (Date.now() - startedAt + waitMs > RECORD_PATIENCE_MS) throw err;
      beat(`recording ${label}`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/**
 * Sends a claimed row's message and records the outcome, with `record`'s writes in the same
 * transaction; a transient failure releases the claim and rethrows. 'skipped': another
 * attempt took the row over while this one waited for a connection.
 * `forgetPayload`: once the row is sent or failed, its payload is emptied (an account email's link must not outlive its delivery).
 */
async function sendClaimed(deps: ActivityDeps, mail: OutgoingMail, claimedAt: Date, forgetPayload = false, record?: RecordOutcome): Promise<SendOutcome> {
  const forget = forgetPayload ? { payload: '{}' } : {};
  const messageId = messageIdFor(mail.key);
  let failure: unknown = null;
  const release = await connectionSlot(deps.mailer, mail.key);
  try {
    // The lease counts from the moment a connection is free, not from the claim: waiting
    // behind a silent relay outlasted it, another attempt took the row over, and both sent
    // it (the chaos run, all faults together). Still ours, or someone else's now.
    const renewed = await deps.db.outboxMessage.updateMany({ where: { key: mail.key, status: 'claimed', claimedAt }, data: { claimedAt: deps.clock() } });
    if (renewed.count === 0) return 'skipped';
    await transmit(deps, { ...mail, messageId, headers: { 'X-Hbc-Key': mail.key, 'X-Hbc-Step': mail.stepKey, ...mail.headers } });
  } catch (err) {
    failure = err;
  } finally {
    release();
  }
  if (failure && isPermanent(failure)) {
    await recordPatiently(deps, mail.key, async (tx) => {
      await tx.outboxMessage.update({
        where: { key: mail.key },
        data: { status: 'failed', error: String((failure as Error).message).slice(0, 1000), ...forget },
      });
      await record?.(tx, 'failed');
    });
    return 'failed';
  }
  if (failure) {
    // Not delivered: release the claim at once so the retry can take it.
    await deps.db.outboxMessage.update({ where: { key: mail.key }, data: { claimedAt: new Date(0) } });
    throw failure;
  }
  await recordPatiently(deps, mail.key, async (tx) => {
    await tx.outboxMessage.update({ where: { key: mail.key }, data: { status: 'sent', sentAt: deps.clock(), messageId, ...forget } });
    await record?.(tx, 'sent');
  });
  return 'sent';
}

export async function sendOnce(deps: ActivityDeps, mail: OutgoingMail): Promise<SendOutcome> {
  const claimedAt = await claim(deps, mail);
  if (!claimedAt) return 'skipped';
  return sendClaimed(deps, mail, claimedAt);
}

export interface NoticeToQueue {
  key: string;
  /** The deadline or the campaign run the notice belongs to (one of them). */
  deadlineId?: string;
  campaignRunId?: string;
  stepKey: string;
  recipient: string;
  subject: string;
  /** What the composer needs at delivery time (JSON). */
  payload: object;
  /** Not before this instant (a reminder requested at night waits for the morning). */
  notBefore?: Date;
}

/**
 * Puts a pending notice in the outbox, inside the caller's transaction so it commits with the
 * state change it announces. Idempotent by key (upsert, not a caught unique violation, which
 * would abort a PostgreSQL transaction): a retried state change queues it once.
 */
export async function queueNotice(db: DbTx, now: Date, n: NoticeToQueue): Promise<void> {
  await db.outboxMessage.upsert({
    where: { key: n.key },
    update: {},
    create: { ...newRow(n, 'pending', now), notBefore: n.notBefore ?? null, payload: JSON.stringify(n.payload) },
  });
}

export type PendingRow = Awaited<ReturnType<ActivityDeps['db']['outboxMessage']['findMany']>>[number];

export interface DeliveryResult {
  row: PendingRow;
  outcome: 'sent' | 'failed' | 'dropped';
}

/**
 * Sends every pending notice of a deadline (or campaign run) that is due (notBefore passed), and any claim a
 * dead attempt left behind. `compose` returns the message for a row, or null to drop it
 * (a reminder whose deadline closed in the meantime). Throws on a transient SMTP failure
 * after releasing the claim, so the activity's retry picks up where this attempt stopped.
 */
export async function deliverPending(
  deps: ActivityDeps,
  owner: { deadlineId: string } | { campaignRunId: string },
  compose: (row: PendingRow) => Promise<Omit<OutgoingMail, 'key' | 'deadlineId' | 'campaignRunId' | 'stepKey' | 'to'> | null>,
  /** Rows held until later than this stay pending (default: now). */
  dueBy: Date = deps.clock(),
  /** Writes that commit with each row's outcome (the deadline's history), so a crash cannot separate them. */
  record?: (tx: DbTx, row: PendingRow, outcome: 'sent' | 'failed' | 'dropped') => Promise<void>,
): Promise<DeliveryResult[]> {
  const now = deps.clock();
  const rows = await deps.db.outboxMessage.findMany({
    where: { ...owner, status: { in: ['pending', 'claimed'] }, digestKey: null, OR: [{ notBefore: null }, { notBefore: { lte: dueBy } }] },
    orderBy: { key: 'asc' },
  });
  const results: DeliveryResult[] = [];
  for (const row of rows) {
    beat(row.key);
    const claimedAt = await claimExisting(deps, row.key, now);
    if (!claimedAt) continue;
    const message = await compose(row);
    if (!message) {
      await recordPatiently(deps, row.key, async (tx) => {
        await tx.outboxMessage.update({ where: { key: row.key }, data: { status: 'failed', error: 'closed before sending' } });
        await record?.(tx, row, 'dropped');
      });
      results.push({ row, outcome: 'dropped' });
      continue;
    }
    const rowRecord: RecordOutcome | undefined = record && ((tx, outcome) => record(tx, row, outcome));
    const outcome = await sendClaimed(deps, { ...message, ...owner, key: row.key, stepKey: row.stepKey, to: row.recipient }, claimedAt, false, rowRecord);
    if (outcome === 'skipped') continue;
    results.push({ row, outcome: outcome === 'sent' ? 'sent' : 'failed' });
  }
  return results;
}

/**
 * Sends one pending row by its key, composed from the row at sending time (`compose` returns
 * null to drop it: a link that expired before it could be sent). The row's payload is
 * emptied once it is sent, failed or dropped. 'skipped': the row was already sent by an
 * earlier attempt. Throws on a transient SMTP failure after releasing the claim.
 */
export async function deliverOne(
  deps: ActivityDeps,
  key: string,
  compose: (row: PendingRow) => Promise<Omit<OutgoingMail, 'key' | 'deadlineId' | 'campaignRunId' | 'stepKey' | 'to'> | null>,
  /** Writes that commit with the outcome (the deadline's history); `compose` has run when it is called. */
  record?: RecordOutcome,
): Promise<SendOutcome | 'dropped'> {
  const claimedAt = await claimExisting(deps, key, deps.clock());
  if (!claimedAt) return 'skipped';
  const row = await deps.db.outboxMessage.findUniqueOrThrow({ where: { key } });
  const message = await compose(row);
  if (!message) {
    await deps.db.outboxMessage.update({ where: { key }, data: { status: 'failed', error: 'expired before sending', payload: '{}' } });
    return 'dropped';
  }
  return sendClaimed(deps, { ...message, key, stepKey: row.stepKey, to: row.recipient }, claimedAt, true, record);
}
