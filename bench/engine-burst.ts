// The engine's own morning burst for bench/burst-bench.ts (issue 14 item 2): N deadlines of
// N agencies (one contact each) whose "1 working day before" reminder falls on the same
// planned instant, scheduled through the real engine: a Temporal dev server of its own
// (.tools/bin/temporal, a free port, its SQLite file under .data/bench/), the real worker in
// its own process (bench/engine-worker.ts), the real outbox, daily digest and mail transport,
// delivering to the SMTP server the other paths use. Judged like them: wall time until the
// last is accepted, lateness from the planned instant, duplicates, missing.
//
// The planned instant is a minute of today (Vietnamese time) set in the plan's reminder
// policy (sendHour, sendMinute), so the bench runs on a working day between 06:00 and 18:00
// there; `lead` is how long it leaves for starting the N workflows before that instant.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Client, Connection } from '@temporalio/client';
import { messageIdFor } from '../activities/outbox';
import { createDb, type Db } from '../src/db';
import { localDateOf, toIsoDate } from '../src/domain/local-date';
import { defaultReminderPolicy, planSteps, type ReminderPolicy } from '../src/domain/timeline';
import { startMailCatcher } from '../src/mail/mail-catcher';
import { migrateDatabase } from '../src/prisma-offline';
import { reminderPolicySchema } from '../src/schemas/policy.schemas';
import { currentCalendar } from '../src/stores/calendar.store';
import { freePort, startDevServer } from '../src/temporal/dev-server';
import { deadlineStarter } from '../src/temporal/starters';
import { judge, type BurstResult } from './burst-judge';

export interface EngineOptions {
  root: string;
  /** Seconds between the bench's start and the planned instant (rounded up to a whole minute). */
  leadSeconds: number;
  /** Workflow starts in flight at once. */
  startConcurrency: number;
  /** Write a CPU profile of the worker into its data folder. */
  cpuProf: boolean;
  /**
   * The dev server's persistence: 'memory' (default) or 'file' (its SQLite file, as `npm
   * start`). On this machine's disk (3 ms per fsync) the file bounds the dev server at a few
   * dozen workflow transitions a second, which says nothing about the engine: production
   * runs a Temporal cluster on PostgreSQL.
   */
  temporalDb: 'memory' | 'file';
  log: (line: string) => void;
}

export interface EngineResult extends BurstResult {
  plannedAt: string;
  /** Time to start the N deadline workflows, and how many per second. */
  startMs: number;
  startsPerSecond: number;
  /** Every workflow had planned its step (Deadline.nextStepAt) this long before the instant; negative: after it. */
  asleepBeforeInstantMs: number;
  workerRssMbAsleep: number;
  workerRssMbPeak: number;
  appDatabaseMb: number;
  cpuProfile: string | null;
}

const BENCH_DOMAIN = 'bench.hanbaocao.example';
const STEP_KEY = 'reminder-1wd';
const TASK_QUEUE = 'bench-burst';

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

function fileMb(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0) / 1024 / 1024;
}

/** The next whole minute at least `leadSeconds` away, with the local day and time it is. */
function plannedInstant(leadSeconds: number): { at: Date; hour: number; minute: number } {
  const at = new Date(Math.ceil((Date.now() + leadSeconds * 1000) / 60_000) * 60_000);
  // Vietnam is UTC+7 without daylight saving.
  const local = new Date(at.getTime() + 7 * 3600_000);
  return { at, hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** A policy whose only step is the reminder one working day before, at the planned minute. */
function burstPolicy(hour: number, minute: number): ReminderPolicy {
  const policy: ReminderPolicy = {
    ...defaultReminderPolicy,
    reminderWorkingDaysBefore: [1],
    sendHour: hour,
    sendMinute: minute,
    latestSendHour: 21,
    dueToday: false,
    overdue: false,
    escalations: [],
    repeatEveryDays: 0,
    repeatCap: 0,
  };
  return reminderPolicySchema.parse(policy) as ReminderPolicy;
}

async function seed(db: Db, n: number, policy: ReminderPolicy, lastDay: string): Promise<void> {
  await db.organisation.create({ data: { id: 'org', name: 'UBND tỉnh Thử Nghiệm', kind: 'province' } });
  await db.agency.create({ data: { id: 'coord', organisationId: 'org', name: 'Văn phòng UBND tỉnh' } });
  await db.plan.create({
    data: {
      id: 'plan', organisationId: 'org', number: '1/KH-BENCH', title: 'Kế hoạch đo tải buổi sáng', issuedOn: '2026-01-05',
      spanFrom: 2026, spanTo: 2027, coordinatorAgencyId: 'coord', reminderPolicy: JSON.stringify(policy),
    },
  });
  const year = lastDay.slice(0, 4);
  for (let from = 0; from < n; from += 1000) {
    const ids = Array.from({ length: Math.min(1000, n - from) }, (_, k) => from + k);
    await db.agency.createMany({ data: ids.map((i) => ({ id: `a${i}`, organisationId: 'org', name: `Đơn vị ${i}` })) });
    await db.contact.createMany({ data: ids.map((i) => ({ id: `c${i}`, agencyId: `a${i}`, name: `Cán bộ ${i}`, email: `donvi${i}@${BENCH_DOMAIN}` })) });
    await db.obligation.createMany({ data: ids.map((i) => ({ id: `o${i}`, planId: 'plan', agencyId: `a${i}`, ruleText: `chậm nhất ngày ${lastDay}`, indicators: `Chỉ tiêu ${i}` })) });
    await db.deadline.createMany({
      data: ids.map((i) => ({
        id: `o${i}.${year}`, obligationId: `o${i}`, periodKey: year, periodLabel: `Năm ${year}`, lastDay,
        dueAt: new Date(`${lastDay}T17:00:00Z`), dataFrom: `${year}-01-01`, dataTo: lastDay, status: 'open', workflowId: `deadline/o${i}.${year}`,
      })),
    });
  }
}

/** The worker's latest "ASLEEP <n>" line (bench/engine-worker.ts). */
let reportedAsleep = 0;

function spawnWorker(dir: string, settings: object, cpuProf: boolean): Promise<ChildProcess> {
  const profiling = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', path.join(import.meta.dirname, 'engine-worker.ts'), JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', fs.openSync(path.join(dir, 'worker.log'), 'w')],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench worker exited (${code}); see ${path.join(dir, 'worker.log')}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'READY') resolve(child);
      const asleep = /^ASLEEP (\d+)$/.exec(line)?.[1];
      if (asleep) reportedAsleep = Number(asleep);
    });
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function engineBurst(n: number, opts: EngineOptions): Promise<EngineResult> {
  const { log } = opts;
  const { at, hour, minute } = plannedInstant(opts.leadSeconds);
  const calendar = currentCalendar();
  const today = localDateOf(at);
  if (!calendar.isWorkingDay(today) || hour < 6 || hour > 18) {
    throw new Error(`the engine's burst plans a reminder for ${hour}:${String(minute).padStart(2, '0')} today (Vietnamese time): run it on a working day between 06:00 and 18:00 there, or with --engine no`);
  }
  const policy = burstPolicy(hour, minute);
  const lastDay = toIsoDate(calendar.nextWorkingDay(today));
  const [step] = planSteps({ lastDay: calendar.nextWorkingDay(today) }, policy, calendar);
  if (step?.key !== STEP_KEY || step.sendAt.getTime() !== at.getTime()) throw new Error(`the burst's step is ${step?.key} at ${step?.sendAt.toISOString()}, not ${at.toISOString()}`);

  const dir = path.join(opts.root, '.data', 'bench', `engine-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const databaseFile = path.join(dir, 'app.sqlite');
  const databaseUrl = `file:${databaseFile}`;
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  const catcher = await startMailCatcher({ port: 0 });
  const server = await startDevServer({ cliPath: path.join(opts.root, '.tools', 'bin', 'temporal'), port: await freePort(), uiPort: null, dbFilename: opts.temporalDb === 'file' ? path.join(dir, 'temporal.sqlite') : null });
  let worker: ChildProcess | null = null;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, worker?.pid ? rssMb(worker.pid) : 0)), 500);
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  try {
    await seed(db, n, policy, lastDay);
    // From here on only the worker opens the app database (see bench/engine-worker.ts).
    await db.$disconnect();
    reportedAsleep = 0;
    log(`engine N=${n}: ${n} deadlines seeded, reminder planned for ${at.toISOString()} (${hour}:${String(minute).padStart(2, '0')} Vietnamese time)`);
    worker = await spawnWorker(dir, { address: server.address, taskQueue: TASK_QUEUE, databaseUrl, smtpPort: catcher.port }, opts.cpuProf);

    const start = deadlineStarter({ client, taskQueue: TASK_QUEUE, searchAttributes: true });
    const startedAt = Date.now();
    let started = 0;
    let next = 0;
    const tick = setInterval(() => process.stdout.write(`\r[bench] engine N=${n}: ${started} workflows started (${Math.round(started / ((Date.now() - startedAt) / 1000))}/s)   `), 1000);
    await Promise.all(
      Array.from({ length: opts.startConcurrency }, async () => {
        while (next < n) {
          const i = next++;
          await start(`deadline/o${i}.${lastDay.slice(0, 4)}`, { deadlineId: `o${i}.${lastDay.slice(0, 4)}`, lastDay, ruleText: `chậm nhất ngày ${lastDay}` }, {
            organisation: 'UBND tỉnh Thử Nghiệm', plan: '1/KH-BENCH', agency: `Đơn vị ${i}`, period: lastDay.slice(0, 4), due: new Date(`${lastDay}T17:00:00Z`),
          });
          started += 1;
        }
      }),
    );
    clearInterval(tick);
    const startMs = Date.now() - startedAt;
    process.stdout.write(`\n`);
    log(`engine N=${n}: ${n} started in ${(startMs / 1000).toFixed(1)} s; waiting until every workflow has planned its step`);
    for (;;) {
      const asleep = reportedAsleep;
      process.stdout.write(`\r[bench] engine N=${n}: ${asleep} asleep until their step, worker ${rssMb(worker.pid!)} MB   `);
      if (asleep >= n) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const asleepBeforeInstantMs = at.getTime() - Date.now();
    const workerRssMbAsleep = rssMb(worker.pid!);
    const appDatabaseMb = Math.round(fileMb(databaseFile) * 10) / 10;
    process.stdout.write('\n');
    log(`engine N=${n}: all asleep ${Math.round(asleepBeforeInstantMs / 1000)} s before the instant; worker ${workerRssMbAsleep} MB, app database ${appDatabaseMb} MB`);

    const progress = setInterval(() => {
      const late = Math.round((Date.now() - at.getTime()) / 1000);
      process.stdout.write(`\r[bench] engine N=${n}: ${catcher.messages().length} accepted, ${late < 0 ? `${-late} s before` : `${late} s after`} the instant, worker ${rssMb(worker!.pid!)} MB   `);
    }, 1000);
    await catcher.waitFor(n, undefined, Math.max(0, at.getTime() - Date.now()) + 1_800_000).finally(() => clearInterval(progress));
    // Anything sent twice arrives shortly after; give it a moment before judging.
    await new Promise((r) => setTimeout(r, 2000));
    process.stdout.write('\n');
    const year = lastDay.slice(0, 4);
    const ids = Array.from({ length: n }, (_, i) => messageIdFor(`o${i}.${year}:${STEP_KEY}:donvi${i}@${BENCH_DOMAIN}`));
    const judged = judge(n, ids, catcher.messages(), at.getTime());
    await stopWorker(worker);
    const profile = opts.cpuProf ? (fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) ?? null) : null;
    return {
      ...judged,
      plannedAt: at.toISOString(),
      startMs,
      startsPerSecond: Math.round((n / startMs) * 1000 * 10) / 10,
      asleepBeforeInstantMs,
      workerRssMbAsleep,
      workerRssMbPeak: peakRss,
      appDatabaseMb,
      cpuProfile: profile && path.relative(opts.root, path.join(dir, profile)),
    };
  } finally {
    clearInterval(sampler);
    if (worker) await stopWorker(worker);
    await client.connection.close();
    await server.stop();
    await catcher.close();
    await db.$disconnect();
  }
}
