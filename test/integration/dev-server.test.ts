// The product against the real Temporal dev server (the CLI built by scripts/setup.ts),
// a real SMTP server on 127.0.0.1 and a real SQLite database: the HTTP API records a
// report through a Temporal Update, and a dev server restarted on the same SQLite file
// still has the running workflow and its pending timer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { ServiceDeps } from '../../src/services/deps';
import { loadSampleData, readSampleData } from '../../src/services/load-sample-data';
import type { DevServer } from '../../src/temporal/dev-server';
import { bundleWorkflows, createWorker } from '../../src/worker';
import { createTestDb } from '../helpers/test-db';
import { startTestDevServer } from '../helpers/temporal';
import { replayAndRecord } from '../helpers/replay';
import { searchAttributeKeys } from '../../src/contract/search-attributes';

// An explicit "today" for the service layer: 20/11/2026, after the sample plan's 2026
// deadline (last day 04/11/2026), so each sample agency has one overdue deadline.
const NOW = new Date('2026-11-20T03:00:00Z');

describe('hanbaocao on the real Temporal dev server', () => {
  let server: DevServer;
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let bundle: WorkflowBundleWithSourceMap;
  let worker: Worker;
  let running: Promise<void>;
  let client: Client;
  let deps: ServiceDeps;
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
    deps = { db: testDb.db, temporal: client, taskQueue: 'int-test', clock: () => NOW, searchAttributes: true };
    await loadSampleData(deps, readSampleData('samples/sample-data.json'));
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

  it('loads the sample plan: one open deadline per agency and a first reminder in the inbox', async () => {
    const rows = await testDb.db.deadline.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.id, r.lastDay, r.status])).toEqual([
      ['hoa-an.52-2026.ca.2026', '2026-11-04', 'open'],
      ['hoa-an.52-2026.thcs.2026', '2026-11-04', 'open'],
      ['hoa-an.52-2026.tyt.2026', '2026-11-04', 'open'],
    ]);
    const [first] = await catcher.waitFor(1);
    expect(first!.to).toEqual(['tonghop@ca.hoa-an.example']);
    expect(first!.subject).toBe('[Nhắc hạn] 52/KH-UBND – Công an xã: báo cáo năm 2026, hạn Thứ Tư, 04/11/2026');
    expect(first!.text).toContain('Quy định: trước ngày 05/11 hằng năm');
  });

  it('records a report through the API, sends a receipt, and refuses a second one', async () => {
    const app = buildServer(deps, { catcher });
    const id = 'hoa-an.52-2026.tyt.2026';
    const bad = await app.inject({ method: 'POST', url: `/api/deadlines/${id}/submission`, payload: { link: 'not a url' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual(expect.arrayContaining([expect.stringMatching(/^submittedBy: /), expect.stringMatching(/^link: /)]));

    const ok = await app.inject({
      method: 'POST',
      url: `/api/deadlines/${id}/submission`,
      payload: { submittedBy: 'Y sĩ Lường Thị Mai', documentNumber: '45/BC-TYT', submittedAt: '2026-11-03T02:00:00Z' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ submittedAt: '2026-11-03T02:00:00.000Z', late: false });

    const [receipt] = await catcher.waitFor(1, (m) => m.subject.startsWith('[Đã nhận báo cáo]'));
    expect(receipt!.to).toEqual(['vanthu@tyt.hoa-an.example']);
    expect(receipt!.text).toContain('Số văn bản: 45/BC-TYT');

    const again = await app.inject({ method: 'POST', url: `/api/deadlines/${id}/submission`, payload: { submittedBy: 'x' } });
    expect(again.statusCode).toBe(409);

    // The workflow completes and sets HbcStatus, so operators can filter in the Temporal UI.
    const handle = client.workflow.getHandle(`deadline/${id}`);
    expect(await handle.result()).toMatchObject({ outcome: 'submitted' });
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributeKeys.status)).toBe('submitted');
    expect(attributes.get(searchAttributeKeys.agency)).toBe('Trạm Y tế xã');
    await replayAndRecord(client, `deadline/${id}`, 'deadline-submitted-notices-after-update', bundle);

    const list = (await app.inject({ method: 'GET', url: '/api/deadlines' })).json().deadlines as { id: string; state: string }[];
    expect(list.find((d) => d.id === id)?.state).toBe('submitted-on-time');
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('Trạm Y tế xã');
    await app.close();
  });

  it('keeps a running workflow and its pending timer across a dev-server restart', async () => {
    const handle = client.workflow.getHandle('deadline/hoa-an.52-2026.thcs.2026');
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

    const after = await client.workflow.getHandle('deadline/hoa-an.52-2026.thcs.2026').describe();
    expect(after.status.name).toBe('RUNNING');
    const history = await client.workflow.getHandle('deadline/hoa-an.52-2026.thcs.2026').fetchHistory();
    const fired = history.events?.filter((e) => e.timerFiredEventAttributes).length ?? 0;
    const started = history.events?.filter((e) => e.timerStartedEventAttributes).length ?? 0;
    expect(started - fired).toBe(1); // the next reminder is still waiting
  });
});
