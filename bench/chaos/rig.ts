// The chaos run's world (issue 14 item 3): every part real and separately breakable. The
// Temporal dev server on its own SQLite file (stopped and restarted on it), the app's SQLite
// database (locked from outside), the project's SMTP server with a fault switch
// (src/mail/mail-catcher.ts setFault), and workers in processes of their own
// (test/helpers/worker-process.ts, the product's worker and transport), killed with SIGKILL.
//
// The burst: D deadlines of one agency with C contacts, each recorded as reported at the
// same moment; each report owes a receipt to every contact, sent through the outbox after
// the Update answered (activities/outbox.ts deliverPending). D x C emails, planned for the
// instant their Update answered: the moment a person was told "recorded".
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createClient as createLibsql } from '@libsql/client';
import { Client, Connection } from '@temporalio/client';
import { childEnvironment } from '../../src/config';
import { recordSubmissionUpdate } from '../../src/contract/messages';
import { createDb, type Db } from '../../src/db';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { migrateDatabase } from '../../src/prisma-offline';
import { startDevServer, freePort, type DevServer } from '../../src/temporal/dev-server';
import { findTemporalCli } from '../../src/temporal/temporal-cli';
import { bundleWorkflows } from '../../src/worker';

export const QUEUE = 'chaos';
const LAST_DAY = '2040-11-14';

/** What every rig of a run shares, made once: the workflow bundle and a migrated empty app database. */
export interface Prepared {
  bundleFile: string;
  templateDb: string;
}

export async function prepare(dir: string, log: (line: string) => void): Promise<Prepared> {
  fs.mkdirSync(dir, { recursive: true });
  const templateDb = path.join(dir, 'template.sqlite');
  log('migrating an empty app database…');
  await migrateDatabase(`file:${templateDb}`);
  log('bundling the workflows…');
  const bundleFile = path.join(dir, 'bundle.json');
  fs.writeFileSync(bundleFile, JSON.stringify(await bundleWorkflows()));
  return { bundleFile, templateDb };
}

export interface RigOptions {
  prepared: Prepared;
  /** A folder of its own: the databases and the worker logs go there. */
  dir: string;
  deadlines: number;
  contacts: number;
  /** The SMTP server waits this long before accepting each message, so a burst lasts long enough to break. */
  acceptDelayMs: number;
  log: (line: string) => void;
}

export interface Rig {
  readonly opts: RigOptions;
  catcher: MailCatcher;
  db: Db;
  client(): Client;
  deadlineIds: string[];
  /** The outbox keys the burst owes: one receipt per deadline and contact. */
  expectedKeys: string[];
  startWorker(): Promise<ChildProcess>;
  killWorkers(): Promise<void>;
  liveWorkers(): number;
  stopTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  /** Holds SQLite's write lock from another connection for `ms`, as a long backup or a stuck process would. */
  lockDatabase(ms: number): Promise<void>;
  /** Records every deadline as reported at once; resolves when every Update has answered, with the instant each did. */
  fireBurst(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

async function seed(db: Db, deadlines: number, contacts: number): Promise<string[]> {
  await db.organisation.create({ data: { id: 'org', name: 'UBND xã Thử Lửa', kind: 'commune', leadershipName: 'Chủ tịch UBND xã', leadershipEmail: 'chutich@xa.chaos.example' } });
  await db.agency.create({ data: { id: 'coord', organisationId: 'org', name: 'Văn phòng HĐND và UBND xã', headName: 'Chánh Văn phòng', headEmail: 'cvp@xa.chaos.example' } });
  await db.agency.create({
    data: {
      id: 'tyt', organisationId: 'org', name: 'Trạm Y tế xã', headName: 'Trạm trưởng', headEmail: null,
      contacts: { create: Array.from({ length: contacts }, (_, i) => ({ id: `tyt.c${i}`, name: `Cán bộ ${i}`, email: contactEmail(i) })) },
    },
  });
  await db.plan.create({
    data: { id: 'plan', organisationId: 'org', number: '99/KH-UBND', title: 'Kế hoạch thử lửa', issuedOn: '2026-03-01', spanFrom: 2026, spanTo: 2040, coordinatorAgencyId: 'coord' },
  });
  const ids: string[] = [];
  for (let d = 0; d < deadlines; d++) {
    const id = `obl-${d}.2040`;
    await db.obligation.create({ data: { id: `obl-${d}`, planId: 'plan', agencyId: 'tyt', ruleText: `trước ngày 15/11 hằng năm (báo cáo ${d})` } });
    await db.deadline.create({
      data: {
        id, obligationId: `obl-${d}`, periodKey: '2040', periodLabel: 'Năm 2040', lastDay: LAST_DAY,
        dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14', status: 'open', workflowId: `deadline/${id}`,
      },
    });
    ids.push(id);
  }
  return ids;
}

export function contactEmail(i: number): string {
  return `canbo${String(i).padStart(3, '0')}@tyt.chaos.example`;
}

export async function startRig(opts: RigOptions): Promise<Rig> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const cliPath = findTemporalCli(path.resolve('.'));
  if (!cliPath) throw new Error('Temporal CLI missing: run `npm run setup` first');
  const dbFile = path.join(opts.dir, 'app.sqlite');
  const dbUrl = `file:${dbFile}`;
  fs.copyFileSync(opts.prepared.templateDb, dbFile);
  const db = createDb(dbUrl);
  const deadlineIds = await seed(db, opts.deadlines, opts.contacts);
  const bundleFile = opts.prepared.bundleFile;
  const catcher = await startMailCatcher({ port: 0, acceptDelayMs: opts.acceptDelayMs });
  const temporalPort = await freePort();
  const temporalFile = path.join(opts.dir, 'temporal.sqlite');
  let server: DevServer | null = null;
  let client: Client | null = null;
  const workers = new Set<ChildProcess>();
  let workerCount = 0;

  async function startTemporal() {
    server = await startDevServer({ cliPath: cliPath!, port: temporalPort, uiPort: null, dbFilename: temporalFile });
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  }
  await startTemporal();

  const rig: Rig = {
    opts,
    catcher,
    db,
    client: () => client!,
    deadlineIds,
    expectedKeys: deadlineIds.flatMap((id) => Array.from({ length: opts.contacts }, (_, i) => `${id}:receipt:${contactEmail(i)}`)).sort(),
    startWorker() {
      workerCount += 1;
      const logFile = fs.openSync(path.join(opts.dir, `worker-${workerCount}.log`), 'w');
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/worker-process.ts'], {
        env: childEnvironment({
          HBC_TEST_ADDRESS: `127.0.0.1:${temporalPort}`,
          HBC_TEST_QUEUE: QUEUE,
          HBC_TEST_DB: dbUrl,
          HBC_TEST_SMTP_PORT: String(catcher.port),
          HBC_TEST_BUNDLE: bundleFile,
        }),
        stdio: ['ignore', 'pipe', logFile],
      });
      workers.add(child);
      child.once('exit', () => workers.delete(child));
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('READY')) resolve(child);
        });
        child.once('exit', (code) => reject(new Error(`worker ${workerCount} exited with ${code} before it was ready (see ${opts.dir}/worker-${workerCount}.log)`)));
      });
    },
    liveWorkers: () => workers.size,
    async killWorkers() {
      const dying = [...workers].map((w) => new Promise((resolve) => w.once('exit', resolve)));
      for (const w of workers) w.kill('SIGKILL');
      await Promise.all(dying);
    },
    async stopTemporal() {
      await client?.connection.close();
      await server?.stop();
      client = null;
      server = null;
    },
    startTemporal,
    async lockDatabase(ms) {
      // The workers write all the time: take the lock between two of their transactions. A
      // connection whose BEGIN was refused is dropped: reused, it later refused to end the
      // transaction ("SQL statements in progress") and the lock was never given back.
      let locker: ReturnType<typeof createLibsql> | null = null;
      for (let attempt = 1; !locker; attempt++) {
        const candidate = createLibsql({ url: dbUrl });
        try {
          await candidate.execute('BEGIN EXCLUSIVE');
          locker = candidate;
        } catch (err) {
          candidate.close();
          if (attempt >= 200) throw err;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, ms));
      await locker.execute('ROLLBACK'); // nothing was written
      locker.close();
    },
    async fireBurst() {
      for (const id of deadlineIds) {
        await client!.workflow.start('deadlineWorkflow', {
          taskQueue: QUEUE,
          workflowId: `deadline/${id}`,
          args: [{ deadlineId: id, lastDay: LAST_DAY, ruleText: 'trước ngày 15/11 hằng năm' }],
        });
      }
      const answered = new Map<string, number>();
      await Promise.all(
        deadlineIds.map(async (id) => {
          await client!.workflow.getHandle(`deadline/${id}`).executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Văn thư Trạm Y tế' }] });
          answered.set(id, Date.now());
        }),
      );
      return answered;
    },
    async close() {
      await rig.killWorkers();
      await rig.stopTemporal();
      await catcher.close();
      await db.$disconnect();
    },
  };
  return rig;
}
