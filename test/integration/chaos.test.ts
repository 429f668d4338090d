// The parts of the chaos run (bench/chaos.ts, docs/RELIABILITY.md) that take under two
// minutes, at a small size: each fault on a fresh world of real parts (Temporal dev server,
// SQLite, the project's SMTP server, worker processes), injected in the middle of a burst of
// receipts. Every owed email arrives, none under two Message-IDs, every one recorded in the
// deadline's history. The only duplicate SMTP cannot rule out (a worker killed after the
// server accepted a message and before its row was marked sent) is bounded by the messages
// in flight: one per deadline, since a deadline's notices go out one after another.
// (This replaces the earlier worker-crash test, which was the first of these faults alone.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFault, type FaultName, type FaultTimings } from '../../bench/chaos/faults';
import { prepare, startRig, type Prepared, type Rig } from '../../bench/chaos/rig';
import { SMTP_POOL_CONNECTIONS } from '../../src/mail/transport';

const DEADLINES = 4;
const CONTACTS = 6;
/** Long enough for nodemailer's socket timeout (src/mail/transport.ts) to fire while the relay is silent. */
const TIMINGS: FaultTimings = { refuseMs: 4_000, silentMs: 17_000, lockMs: 8_000, downMs: 3_000 };
const quiet = () => undefined;

describe('the chaos run, short faults', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-chaos-test-'));
  let prepared: Prepared;
  const rigs: Rig[] = [];

  beforeAll(async () => {
    prepared = await prepare(root, quiet);
  }, 120_000);

  afterAll(async () => {
    for (const rig of rigs) await rig.close().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  });

  const cases: { fault: FaultName; inFlightDuplicates: number }[] = [
    { fault: 'worker-killed', inFlightDuplicates: Math.min(DEADLINES, SMTP_POOL_CONNECTIONS) },
    { fault: 'temporal-restarted', inFlightDuplicates: 0 },
    { fault: 'smtp-refusing-then-silent', inFlightDuplicates: 0 },
    { fault: 'database-locked', inFlightDuplicates: 0 },
  ];

  it.each(cases)('$fault: delivered = expected, nothing missing, one Message-ID each, every email in the history', async ({ fault, inFlightDuplicates }) => {
    const rig = await startRig({ prepared, dir: path.join(root, fault), deadlines: DEADLINES, contacts: CONTACTS, acceptDelayMs: 100, log: quiet });
    rigs.push(rig);
    const t = await runFault(rig, fault, TIMINGS, { quietMs: 100_000, afterCompleteMs: 3_000 }, quiet);
    expect({ missing: t.missing, delivered: t.delivered, unexpected: t.unexpected, twoMessageIds: t.distinctMessageIds, rowsSent: t.outboxSent }).toEqual({
      missing: 0,
      delivered: DEADLINES * CONTACTS,
      unexpected: 0,
      twoMessageIds: 0,
      rowsSent: DEADLINES * CONTACTS,
    });
    expect(t.duplicated).toBeLessThanOrEqual(inFlightDuplicates);
    expect(t.events).toEqual({ submitted: DEADLINES, emailSent: DEADLINES * CONTACTS });
  }, 150_000);
});
