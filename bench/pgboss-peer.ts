// The peer of issue 14's morning burst: the same reminders built the way a team without
// Temporal would build them, one delayed job per email in PostgreSQL with pg-boss, all
// planned for the same instant, workers fetching batches and sending with pooled nodemailer
// to the same local SMTP server as the other paths.
//
// pg-boss 10 is the last major that runs on Node 20 (11 and 12 want Node 22); it is a
// development dependency, used here only. The jobs live in a database of their own on the
// project's PostgreSQL (scripts/postgres.ts), dropped and created again for every run so
// each N starts from an empty queue.
import nodemailer from 'nodemailer';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { startMailCatcher } from '../src/mail/mail-catcher';
import { ensurePostgres, postgresUrl } from '../scripts/postgres';
import { judge, type BurstResult } from './burst-judge';

const DATABASE = 'hbc_bench_pgboss';
const QUEUE = 'reminder';

export interface PeerOptions {
  /** Pooled SMTP connections, as for the limit. */
  connections: number;
  /** Jobs fetched per poll and sent at once. */
  batchSize: number;
  /** Concurrent work() subscriptions (pg-boss fetches for each on its own). */
  workers: number;
  log: (line: string) => void;
}

export interface PeerResult extends BurstResult {
  /** Time to insert the N delayed jobs before the planned instant. */
  scheduleMs: number;
}

interface ReminderJob {
  to: string;
  messageId: string;
  subject: string;
  text: string;
}

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ensurePostgres() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return postgresUrl(DATABASE);
}

export async function peerBurst(n: number, opts: PeerOptions): Promise<PeerResult> {
  const boss = new PgBoss({ connectionString: await freshDatabase(), max: opts.workers + 4 });
  boss.on('error', (err) => opts.log(`pg-boss: ${err.message}`));
  await boss.start();
  await boss.createQueue(QUEUE);
  const catcher = await startMailCatcher({ port: 0 });
  const mailer = nodemailer.createTransport({ pool: true, maxConnections: opts.connections, maxMessages: Infinity, host: '127.0.0.1', port: catcher.port, ignoreTLS: true });
  try {
    const jobs = Array.from({ length: n }, (_, i) => ({
      to: `donvi${i}@bench.hanbaocao.example`,
      messageId: `<peer.${n}.${i}@bench.hanbaocao.example>`,
      subject: `[Nhắc hạn] Báo cáo năm 2026 – đơn vị ${i}`,
      text: `Kính gửi đơn vị ${i}: hạn nộp báo cáo năm 2026 là ngày 15/11/2026.`,
    }));
    // Planned far enough ahead that every job is in the queue before the instant: the
    // burst measures delivery, not insertion (which is reported on its own).
    const plannedAt = Date.now() + 5_000 + n;
    const insertStarted = Date.now();
    for (let i = 0; i < n; i += 1_000) {
      // The singleton key is what makes a repeated schedule a no-op, as the outbox key does for the engine.
      await boss.insert(jobs.slice(i, i + 1_000).map((data) => ({ name: QUEUE, data, startAfter: new Date(plannedAt), singletonKey: data.messageId })));
      process.stdout.write(`\r[bench] peer N=${n}: ${Math.min(n, i + 1_000)} jobs scheduled`);
    }
    const scheduleMs = Date.now() - insertStarted;
    process.stdout.write('\n');
    if (Date.now() > plannedAt) opts.log(`peer N=${n}: scheduling took past the planned instant; lateness includes it`);

    let sent = 0;
    const tick = Math.max(1, Math.floor(n / 10));
    for (let w = 0; w < opts.workers; w += 1) {
      await boss.work<ReminderJob>(QUEUE, { batchSize: opts.batchSize, pollingIntervalSeconds: 0.5 }, async (batch) => {
        // A batch completes when every email of it is accepted; a failure fails the batch and
        // pg-boss retries it (sending the accepted ones again: the peer's own duplicate window).
        await Promise.all(
          batch.map(async (job) => {
            await mailer.sendMail({ from: 'Hạn báo cáo <hbc@bench.hanbaocao.example>', ...job.data });
            sent += 1;
            if (sent % tick === 0) process.stdout.write(`\r[bench] peer N=${n}: ${Math.round((sent / n) * 100)} % accepted`);
          }),
        );
      });
    }
    const received = await catcher.waitFor(n, undefined, 600_000);
    process.stdout.write('\n');
    return { ...judge(n, jobs.map((j) => j.messageId), received, plannedAt), scheduleMs };
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    mailer.close();
    await catcher.close();
  }
}
