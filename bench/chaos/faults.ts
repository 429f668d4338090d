// The faults of the chaos run (issue 14 item 3), each a function of a started rig, and the
// tally every fault is judged by. A fault starts once the burst's Updates have answered
// (the reports are recorded; the receipts are owed) and the first receipts have arrived,
// so it always lands in the middle of the deliveries.
import type { CaughtMail } from '../../src/mail/mail-catcher';
import type { Rig } from './rig';

export interface FaultTimings {
  /** How long the SMTP server refuses (451) before it goes silent. */
  refuseMs: number;
  /** How long it then accepts connections and answers nothing (clients time out). */
  silentMs: number;
  /** How long the app database stays locked. */
  lockMs: number;
  /** How long Temporal, or the workers, stay down. */
  downMs: number;
}

export type FaultName = 'worker-killed' | 'temporal-restarted' | 'smtp-refusing-then-silent' | 'database-locked' | 'all-together';
export const FAULTS: FaultName[] = ['worker-killed', 'temporal-restarted', 'smtp-refusing-then-silent', 'database-locked', 'all-together'];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker needs Temporal to start: while it is down (all faults together), try again. */
async function startWorkerPatiently(rig: Rig) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rig.startWorker();
    } catch (err) {
      if (attempt >= 30) throw err;
      await pause(2_000);
    }
  }
}

async function workerKilled(rig: Rig, t: FaultTimings) {
  await rig.killWorkers();
  await pause(t.downMs);
  await startWorkerPatiently(rig);
}

async function temporalRestarted(rig: Rig, t: FaultTimings) {
  await rig.stopTemporal();
  await pause(t.downMs);
  await rig.startTemporal();
  // A worker that gave up while the server was away is replaced, as a supervisor would.
  if (rig.liveWorkers() === 0) {
    rig.opts.log('temporal-restarted: no worker survived the outage; starting one');
    await startWorkerPatiently(rig);
  }
}

async function smtpRefusingThenSilent(rig: Rig, t: FaultTimings) {
  rig.catcher.setFault('refuse');
  await pause(t.refuseMs);
  rig.catcher.setFault('silent');
  await pause(t.silentMs);
  rig.catcher.setFault('accept');
}

const RUN: Record<Exclude<FaultName, 'all-together'>, (rig: Rig, t: FaultTimings) => Promise<void>> = {
  'worker-killed': workerKilled,
  'temporal-restarted': temporalRestarted,
  'smtp-refusing-then-silent': smtpRefusingThenSilent,
  'database-locked': (rig, t) => rig.lockDatabase(t.lockMs),
};

/** Injects the fault; 'all-together' starts every other one at the same moment. */
export async function inject(rig: Rig, fault: FaultName, t: FaultTimings): Promise<void> {
  if (fault !== 'all-together') return RUN[fault](rig, t);
  await Promise.all(Object.values(RUN).map((run) => run(rig, t)));
}

export interface Tally {
  fault: FaultName;
  expected: number;
  /** Expected messages that arrived, at least once. */
  delivered: number;
  /** Arrivals beyond the first of a message (same key), whatever their Message-ID. */
  duplicated: number;
  /** Messages that arrived under more than one Message-ID: a duplicate no mailbox can fold. */
  distinctMessageIds: number;
  missing: number;
  /** Arrivals the burst did not owe. */
  unexpected: number;
  /** Outbox rows of the owed messages marked sent (the rows the next attempt trusts). */
  outboxSent: number;
  /** 'submitted' events (one per deadline) and 'email-sent' events (one per receipt). */
  events: { submitted: number; emailSent: number };
  /** Arrival minus the instant the Update answered, in ms. */
  largestLatenessMs: number;
  p50LatenessMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Judges the inbox against what the burst owed. */
export async function tally(rig: Rig, fault: FaultName, answered: Map<string, number>, mail: CaughtMail[]): Promise<Tally> {
  const expected = new Set(rig.expectedKeys);
  const byKey = new Map<string, { arrivals: number; ids: Set<string>; firstAt: number }>();
  let unexpected = 0;
  for (const m of mail) {
    const key = m.headers['x-hbc-key'] ?? '';
    if (!expected.has(key)) {
      unexpected += 1;
      continue;
    }
    const at = Date.parse(m.receivedAt);
    const seen = byKey.get(key) ?? { arrivals: 0, ids: new Set<string>(), firstAt: at };
    seen.arrivals += 1;
    seen.ids.add(m.messageId ?? '');
    seen.firstAt = Math.min(seen.firstAt, at);
    byKey.set(key, seen);
  }
  const lateness = [...byKey].map(([key, s]) => s.firstAt - answered.get(key.slice(0, key.indexOf(':')))!).sort((a, b) => a - b);
  const events = await rig.db.deadlineEvent.groupBy({ by: ['type'], _count: { _all: true }, where: { type: { in: ['submitted', 'email-sent'] } } });
  const count = (type: string) => events.find((e) => e.type === type)?._count._all ?? 0;
  // Every outbox row of the burst's deadlines is a receipt it owed (by deadline: a list of
  // every key is over SQLite's parameter limit at 1,000 messages).
  const outboxSent = await rig.db.outboxMessage.count({ where: { deadlineId: { in: rig.deadlineIds }, status: 'sent' } });
  return {
    fault,
    expected: expected.size,
    delivered: byKey.size,
    duplicated: [...byKey.values()].reduce((n, s) => n + s.arrivals - 1, 0),
    distinctMessageIds: [...byKey.values()].filter((s) => s.ids.size > 1).length,
    missing: expected.size - byKey.size,
    unexpected,
    outboxSent,
    events: { submitted: count('submitted'), emailSent: count('email-sent') },
    largestLatenessMs: lateness.at(-1) ?? 0,
    p50LatenessMs: percentile(lateness, 50),
  };
}

/**
 * One fault on a fresh rig: the burst, the fault once the first receipts are in, then wait
 * until every owed message arrived (and `afterCompleteMs` more, for late duplicates) or
 * `quietMs` passed with nothing new arriving.
 */
export async function runFault(
  rig: Rig,
  fault: FaultName,
  t: FaultTimings,
  settle: { quietMs: number; afterCompleteMs: number },
  log: (line: string) => void,
): Promise<Tally> {
  await rig.startWorker();
  const answered = await rig.fireBurst();
  log(`${fault}: ${answered.size} reports recorded; waiting for the first receipts…`);
  await rig.catcher.waitFor(Math.min(5, rig.expectedKeys.length), undefined, 120_000);
  log(`${fault}: injecting after ${rig.catcher.messages().length} of ${rig.expectedKeys.length} receipts`);
  await inject(rig, fault, t);
  log(`${fault}: fault over; waiting for the rest`);
  const expected = new Set(rig.expectedKeys);
  let lastCount = -1;
  let quietSince = Date.now();
  for (;;) {
    const arrived = new Set(rig.catcher.messages().map((m) => m.headers['x-hbc-key'] ?? ''));
    const complete = [...expected].every((k) => arrived.has(k));
    const count = rig.catcher.messages().length;
    if (count !== lastCount) {
      lastCount = count;
      quietSince = Date.now();
      log(`${fault}: ${count} arrivals`);
    }
    // Complete: wait a little longer, so a late duplicate still counts against us.
    if (complete && Date.now() - quietSince > settle.afterCompleteMs) break;
    if (Date.now() - quietSince > settle.quietMs) break;
    await pause(500);
  }
  return tally(rig, fault, answered, rig.catcher.messages());
}
