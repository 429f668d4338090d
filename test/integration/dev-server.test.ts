// The product against the real Temporal dev server (the CLI built by scripts/setup.ts),
// a real SMTP server on 127.0.0.1 and a real SQLite database: the sample loads relative to
// today and shows its live mix, the HTTP API records a report through a Temporal Update
// (and answers at once with the SMTP server down), and a dev server restarted on the same
// SQLite file still has the running workflow and its pending timer.
//
// The dev server runs on the real clock, so everything here is built relative to the real
// now (the sample is, by design) and the services use the real clock too: the test passes
// on any day it runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src/api/server';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { ServiceDeps } from '../../src/services/deps';
import { loadSampleData, readSampleData, type SampleLoad } from '../../src/services/load-sample-data';
import type { DevServer } from '../../src/temporal/dev-server';
import { bundleWorkflows, createWorker } from '../../src/worker';
import { createTestDb } from '../helpers/test-db';
import { startTestDevServer } from '../helpers/temporal';
import { bearer, grantToken } from '../helpers/principals';
import { replayAndRecord } from '../helpers/replay';
import { searchAttributeKeys } from '../../src/contract/search-attributes';

describe('hanbaocao on the real Temporal dev server', () => {
  let server: DevServer;
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let bundle: WorkflowBundleWithSourceMap;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;
  let deps: ServiceDeps;
  let sample: SampleLoad;
  let asCoordinator: Record<string, string>;
  /** The sample's live deadline of an agency (an ad-hoc request, dated relative to today). */
  const liveOf = async (agencyId: string) => testDb.db.deadline.findFirstOrThrow({ where: { obligation: { agencyId, kind: 'adhoc' } } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-int-'));

  async function startWorker(address: string) {
    const connection = await NativeConnection.connect({ address });
    worker = await createWorker({
      connection,
      namespace: 'default',
      taskQueue: 'int-test',
      workflowBundle: bundle,
      deps: {
        db: testDb.db,
        mailer: nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, ignoreTLS: true }),
        clock: () => new Date(),
        publicUrl: 'http://hbc.test',
        mailFrom: 'Hạn báo cáo <hbc@test.example>',
        temporal: { client, taskQueue: 'int-test', searchAttributes: true },
      },
    });
    running = worker.run().finally(() => connection.close());
  }

  beforeAll(async () => {
    [server, catcher, bundle] = await Promise.all([
      startTestDevServer(path.join(tmp, 'temporal.sqlite')),
      startMailCatcher({ port: 0 }),
      bundleWorkflows(),
    ]);
    testDb = createTestDb();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    await startWorker(server.address);
    deps = { db: testDb.db, temporal: client, taskQueue: 'int-test', clock: () => new Date(), searchAttributes: true };
    sample = await loadSampleData(deps, readSampleData('samples/sample-data.json'));
    // The commune's coordinator, as an integration would call: an API token (no CSRF needed).
    asCoordinator = bearer(await grantToken(testDb.db, { organisationId: 'xa-hoa-an', role: 'coordinator' }));
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await client?.connection.close();
    await server?.stop();
    await catcher?.close();
    await testDb?.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads the sample relative to today: received on time, due soon, overdue and escalated, and a first real reminder', async () => {
    const list = (await buildServer(deps, { catcher, logger: false }).inject({ method: 'GET', url: '/api/deadlines', headers: asCoordinator })).json().deadlines as {
      id: string; agency: string; kind: string; state: string; stateLabel: string;
    }[];
    const live = Object.fromEntries(list.filter((d) => d.kind === 'adhoc').map((d) => [d.agency, d]));
    expect(live['Trạm Y tế xã']).toMatchObject({ state: 'submitted-on-time' });
    expect(live['Trường THCS Hòa An']).toMatchObject({ state: 'due-soon', stateLabel: 'Sắp đến hạn: còn 3 ngày làm việc' });
    expect(live['Công an xã']).toMatchObject({ state: 'overdue', stateLabel: 'Quá hạn 2 ngày làm việc' });
    expect(live['Hội Liên hiệp Phụ nữ xã']).toMatchObject({
      state: 'escalated',
      stateLabel: 'Quá hạn 9 ngày làm việc; đã gửi thư đôn đốc tới Phó Chủ tịch UBND xã Nguyễn Văn Minh',
    });
    // The yearly reports of a plan issued ten days ago are never already late.
    for (const d of list.filter((d) => d.kind === 'periodic')) expect(d.state).toBe('upcoming');

    // The first start reminds the agency whose report is due soon: at once in working
    // hours, otherwise held for 08:00 the next working day, never at night.
    const thcs = await liveOf('hoa-an.thcs');
    expect(sample).toMatchObject({ fresh: true, firstReminder: { sent: 1 } });
    if (sample.firstReminder!.held) {
      const [row] = await testDb.db.outboxMessage.findMany({ where: { deadlineId: thcs.id, stepKey: 'manual-1' } });
      expect(row).toMatchObject({ status: 'pending', notBefore: new Date(sample.firstReminder!.sendAt) });
      expect(new Date(sample.firstReminder!.sendAt).getUTCHours()).toBe(1); // 08:00 local
    } else {
      const [first] = await catcher.waitFor(1);
      expect(first!.to).toEqual(['vanphong@thcs.hoa-an.example']);
      expect(first!.subject).toMatch(/^\[Nhắc hạn\] 52\/KH-UBND – Trường THCS Hòa An: báo cáo đột xuất: tình hình học sinh nữ bỏ học, hạn Thứ .+, \d\d\/\d\d\/\d{4}$/);
    }
    // A second load (a restart) changes nothing.
    expect(await loadSampleData(deps, readSampleData('samples/sample-data.json'))).toEqual({ fresh: false, firstReminder: null });
  });

  it('records a report through the API at once while the SMTP server is down; the receipt follows once it is back', async () => {
    const app = buildServer(deps, { catcher, logger: false });
    const { id } = await liveOf('hoa-an.ca');
    const bad = await app.inject({ method: 'POST', url: `/api/deadlines/${id}/submission`, headers: asCoordinator, payload: { link: 'not a url' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual(expect.arrayContaining([expect.stringMatching(/^submittedBy: /), expect.stringMatching(/^link: /)]));

    // The SMTP server goes away: connections to its port are refused from now on.
    const smtpPort = catcher.port;
    await catcher.close();
    const ok = await app.inject({ method: 'POST', url: `/api/deadlines/${id}/submission`, headers: asCoordinator, payload: { submittedBy: 'Thượng úy Trần Văn Long', documentNumber: '45/BC-CA' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ late: true });
    // Answered with no mail server: the report is committed and its receipt waits in the outbox.
    expect((await testDb.db.deadline.findUniqueOrThrow({ where: { id } })).status).toBe('submitted');
    const waiting = await testDb.db.outboxMessage.findMany({ where: { deadlineId: id, stepKey: 'receipt' } });
    expect(waiting.map((r) => r.recipient)).toEqual(['tonghop@ca.hoa-an.example']);
    expect(waiting[0]!.status).not.toBe('sent');
    const again = await app.inject({ method: 'POST', url: `/api/deadlines/${id}/submission`, headers: asCoordinator, payload: { submittedBy: 'x' } });
    expect(again.statusCode).toBe(409);

    // The delivery activity really tried while the server was down: the attempt released its claim.
    await vi.waitFor(async () => {
      const row = await testDb.db.outboxMessage.findFirstOrThrow({ where: { deadlineId: id, stepKey: 'receipt' } });
      expect([row.status, row.claimedAt.getTime()]).toEqual(['claimed', 0]);
    }, { timeout: 30_000, interval: 200 });
    catcher = await startMailCatcher({ port: smtpPort });
    const [receipt] = await catcher.waitFor(1, (m) => m.subject.startsWith('[Đã nhận báo cáo]'), 90_000);
    expect(receipt!.to).toEqual(['tonghop@ca.hoa-an.example']);
    expect(receipt!.text).toContain('Số văn bản: 45/BC-CA');
    expect(receipt!.text).toContain('(muộn hạn)');

    // The workflow completes once the receipt is out, exactly once, and sets HbcStatus for the Temporal UI.
    const handle = client.workflow.getHandle(`deadline/${id}`);
    expect(await handle.result()).toMatchObject({ outcome: 'submitted', late: true });
    expect(catcher.messages().filter((m) => m.subject.startsWith('[Đã nhận báo cáo]'))).toHaveLength(1);
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributeKeys.status)).toBe('submitted');
    expect(attributes.get(searchAttributeKeys.agency)).toBe('Công an xã');
    await replayAndRecord(client, `deadline/${id}`, 'deadline-submitted-notices-after-update', bundle);

    const list = (await app.inject({ method: 'GET', url: '/api/deadlines', headers: asCoordinator })).json().deadlines as { id: string; state: string }[];
    expect(list.find((d) => d.id === id)?.state).toBe('submitted-late');
    expect((await app.inject({ method: 'GET', url: '/', headers: asCoordinator })).body).toContain('Công an xã');
    await app.close();
  });

  it('keeps a running workflow and its pending timer across a dev-server restart', async () => {
    // The escalated agency: its next step (a weekly repeat) is days ahead, whatever the hour.
    const workflowId = (await liveOf('hoa-an.hlhpn')).workflowId;
    const handle = client.workflow.getHandle(workflowId);
    const before = await handle.describe();
    expect(before.status.name).toBe('RUNNING');
    const timersBefore = (await handle.fetchHistory()).events?.filter((e) => e.timerStartedEventAttributes).length ?? 0;
    expect(timersBefore).toBeGreaterThan(0);

    worker.shutdown();
    await running;
    await client.connection.close();
    const port = Number(server.address.split(':')[1]);
    await server.stop();
    server = await startTestDevServer(path.join(tmp, 'temporal.sqlite'), port);
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
    await startWorker(server.address);

    const after = await client.workflow.getHandle(workflowId).describe();
    expect(after.status.name).toBe('RUNNING');
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const fired = history.events?.filter((e) => e.timerFiredEventAttributes).length ?? 0;
    const started = history.events?.filter((e) => e.timerStartedEventAttributes).length ?? 0;
    expect(started - fired).toBe(1); // the next reminder is still waiting
  });
});
