// A worker killed (SIGKILL, as a crashed machine) in the middle of a burst of 120 emails
// (the receipts of three reports, each to 40 contacts), then a new worker: every expected
// email arrives, none is lost, none is sent under two Message-IDs. Real Temporal dev server,
// real SMTP server, real SQLite, worker processes. The SMTP server takes 50 ms to accept each
// message (a slow relay), so the burst lasts seconds on any machine and the kill always
// lands in the middle of it.
//
// The one duplicate SMTP cannot rule out: an attempt killed after the SMTP server accepted
// a message and before its outbox row was marked sent. The retry sends that message again
// with the same Message-ID (derived from the outbox key), which mailboxes fold. So the test
// asserts exactly one Message-ID per expected email, and at most one extra delivery per
// step that was in flight when the worker died.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { DevServer } from '../../src/temporal/dev-server';
import { bundleWorkflows } from '../../src/worker';
import { recordSubmissionUpdate } from '../../src/contract/messages';
import { seedObligation } from '../helpers/fixtures';
import { startTestDevServer } from '../helpers/temporal';
import { createTestDb } from '../helpers/test-db';

const CONTACTS = 40;
const DEADLINES = ['a', 'b', 'c'];

describe('a worker killed mid-burst', () => {
  let server: DevServer;
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let client: Client;
  const workers: ChildProcess[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-crash-'));
  const bundleFile = path.join(tmp, 'bundle.json');

  function startWorkerProcess(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/worker-process.ts'], {
      env: {
        ...process.env,
        HBC_TEST_ADDRESS: server.address,
        HBC_TEST_QUEUE: 'crash',
        HBC_TEST_DB: testDb.url,
        HBC_TEST_SMTP_PORT: String(catcher.port),
        HBC_TEST_BUNDLE: bundleFile,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('READY')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
    });
  }

  beforeAll(async () => {
    [server, catcher] = await Promise.all([startTestDevServer(path.join(tmp, 'temporal.sqlite')), startMailCatcher({ port: 0, acceptDelayMs: 50 })]);
    fs.writeFileSync(bundleFile, JSON.stringify(await bundleWorkflows()));
    testDb = createTestDb();
    await seedObligation(testDb.db);
    await testDb.db.contact.deleteMany({ where: { agencyId: 'tyt' } });
    for (let i = 0; i < CONTACTS; i++) {
      await testDb.db.contact.create({ data: { id: `tyt.c${i}`, agencyId: 'tyt', name: `Cán bộ ${i}`, email: `canbo${String(i).padStart(2, '0')}@tyt.test.example` } });
    }
    for (const d of DEADLINES) {
      await testDb.db.obligation.create({ data: { id: `obl-${d}`, planId: 'plan', agencyId: 'tyt', ruleText: `trước ngày 15/11 hằng năm (${d})` } });
      await testDb.db.deadline.create({
        data: {
          id: `obl-${d}.2040`, obligationId: `obl-${d}`, periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
          dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14', status: 'open', workflowId: `deadline/obl-${d}.2040`,
        },
      });
    }
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  });

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await client?.connection.close();
    await server?.stop();
    await catcher?.close();
    await testDb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('delivers every receipt of the burst once per Message-ID after a SIGKILL and a restart', async () => {
    const first = await startWorkerProcess();
    for (const d of DEADLINES) {
      await client.workflow.start('deadlineWorkflow', {
        taskQueue: 'crash',
        workflowId: `deadline/obl-${d}.2040`,
        args: [{ deadlineId: `obl-${d}.2040`, lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
      });
    }
    // Three reports recorded at once: 3 receipts x 40 contacts, sent after the Updates answer.
    const updates = DEADLINES.map((d) =>
      client.workflow.getHandle(`deadline/obl-${d}.2040`).executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Văn thư Trạm Y tế' }] }),
    );
    await catcher.waitFor(20);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const deliveredBeforeKill = catcher.messages().length;
    expect(deliveredBeforeKill).toBeLessThan(DEADLINES.length * CONTACTS);

    await startWorkerProcess();
    const results = await Promise.all(updates);
    expect(results.map((r) => r.late)).toEqual([false, false, false]);
    // Each workflow completes only once its receipts are out.
    await Promise.all(DEADLINES.map((d) => client.workflow.getHandle(`deadline/obl-${d}.2040`).result()));

    const expectedKeys = DEADLINES.flatMap((d) =>
      Array.from({ length: CONTACTS }, (_, i) => `obl-${d}.2040:receipt:canbo${String(i).padStart(2, '0')}@tyt.test.example`),
    ).sort();
    const rows = await testDb.db.outboxMessage.findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((r) => [r.key, r.status])).toEqual(expectedKeys.map((k) => [k, 'sent']));

    await catcher.waitFor(expectedKeys.length);
    const byKey = new Map<string, Set<string>>();
    let deliveries = 0;
    for (const m of catcher.messages()) {
      const key = m.headers['x-hbc-key']!;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(m.messageId ?? ''));
      deliveries += 1;
    }
    expect([...byKey.keys()].sort()).toEqual(expectedKeys);
    for (const [key, ids] of byKey) expect(ids.size, key).toBe(1);
    expect(deliveries - expectedKeys.length).toBeLessThanOrEqual(DEADLINES.length);
  }, 240_000);
});
