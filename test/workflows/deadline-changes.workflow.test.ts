// Extensions and waivers on the time-skipping server, with real SMTP, on SQLite and on
// PostgreSQL (the deadline's status and steps are written by activities). The
// deadline: Wednesday 14/11/2040 ("trước ngày 15/11"); instants are 08:00 local = 01:00Z.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { listDeadlines } from '../../src/services/list-deadlines';
import { bundleWorkflows } from '../../src/worker';
import { extendUpdate, recordSubmissionUpdate, waiveUpdate } from '../../src/contract/messages';
import { PEOPLE, seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { createTimeSkippingEnv } from '../helpers/temporal';
import { createTestDbOn, TEST_DATABASES, type TestDb } from '../helpers/test-db';
import { replayAndRecord } from '../helpers/replay';

const { agencyContacts: contacts, coordinator } = PEOPLE;

describe.each(TEST_DATABASES)('changing a running deadline on %s', (database) => {
  let env: TestWorkflowEnvironment;
  let catcher: MailCatcher;
  let testDb: TestDb;
  let worker: Worker;
  let running: Promise<void>;
  let bundle: WorkflowBundleWithSourceMap;

  const sleepUntil = async (iso: string) => env.sleep(new Date(iso).getTime() - (await env.currentTimeMs()));
  const mailOf = (deadlineId: string) =>
    catcher
      .messages()
      .filter((m) => (m.headers['x-hbc-key'] ?? '').startsWith(`${deadlineId}:`))
      .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at'] ?? '-'} ${m.to.join(',')}`)
      .sort();
  const each = (step: string, at: string, to: readonly string[]) => to.map((t) => `${step} ${at} ${t}`);

  beforeAll(async () => {
    [env, catcher] = await Promise.all([createTimeSkippingEnv(), startMailCatcher({ port: 0 })]);
    testDb = await createTestDbOn(database);
    await seedObligation(testDb.db, 'trước ngày 15/11 hằng năm');
    for (const [year, lastDay] of [['2040', '2040-11-14'], ['2041', '2041-11-14']] as const) {
      await seedDeadline(testDb.db, {
        id: `obl.${year}`, periodKey: year, periodLabel: `Năm ${year}`, lastDay,
        dueAt: new Date(`${lastDay}T17:00:00Z`), dataFrom: `${Number(year) - 1}-12-15`, dataTo: `${year}-12-14`,
      });
    }
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'changes',
      workflowBundle: (bundle = await bundleWorkflows()),
      activities: testActivities(testDb.db, catcher.port, { client: env.client, taskQueue: 'changes', searchAttributes: false }),
    });
    running = worker.run();
    // As if the deadlines had been created on 01/10/2040 (see deadline.workflow.test.ts).
    await sleepUntil('2040-10-01T02:00:00Z');
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await catcher?.close();
    await testDb?.cleanup();
  });

  const start = (deadlineId: string, lastDay: string) =>
    env.client.workflow.start('deadlineWorkflow', {
      taskQueue: 'changes',
      workflowId: `deadline/${deadlineId}`,
      args: [{ deadlineId, lastDay, ruleText: 'trước ngày 15/11 hằng năm' }],
    });

  it('an extension to 28/11 replans every step: old ones stop, new ones follow the new date', async () => {
    const handle = await start('obl.2040', '2040-11-14');
    await sleepUntil('2040-11-08T05:00:00Z'); // Thursday noon, before the old reminder-3wd (Fri 09/11)

    const refused = await handle.executeUpdate(extendUpdate, { args: [{ newLastDay: '2040-11-10', reason: 'sớm hơn', grantedBy: 'Trưởng phòng' }] }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    // People read dates as dd/MM/yyyy, in the refusal too.
    expect((refused as WorkflowUpdateFailedError).cause?.message).toMatch(/^Ngày gia hạn phải sau hạn hiện tại 14\/11\/2040 \//);
    const extended = await handle.executeUpdate(extendUpdate, {
      args: [{ newLastDay: '2040-11-28', reason: 'Đơn vị xin thêm thời gian tổng hợp số liệu', grantedBy: 'Trưởng phòng VH-XH' }],
    });
    expect(extended).toEqual({ lastDay: '2040-11-28', revision: 1 });
    // The dashboard says so: the label carries "(đã gia hạn)" (extendedFrom reaches the status).
    const [view] = await listDeadlines(testDb.db, new Date('2040-11-08T05:00:00Z'), { id: 'obl.2040' });
    expect(view!.stateLabel).toBe('Chưa đến hạn: còn 14 ngày làm việc (đã gia hạn)');

    await sleepUntil('2040-11-27T03:00:00Z'); // Tuesday 10:00, the day before the new last day
    const receipt = await handle.executeUpdate(recordSubmissionUpdate, {
      args: [{ submittedBy: 'Văn thư Trạm Y tế', submittedAt: '2040-11-27T02:30:00Z' }],
    });
    expect(receipt.late).toBe(false);
    expect(await handle.result()).toMatchObject({ outcome: 'submitted', late: false });
    await sleepUntil('2041-01-10T03:00:00Z');
    await replayAndRecord(env.client, 'deadline/obl.2040', 'deadline-extended-notices-after-update', bundle);

    expect(mailOf('obl.2040')).toEqual(
      [
        ...each('reminder-14wd', '2040-10-25T01:00:00.000Z', contacts),
        ...each('reminder-7wd', '2040-11-05T01:00:00.000Z', contacts),
        ...each('extension-1', '-', [...contacts, coordinator]),
        // 14 working days before 28/11 is Thursday 08/11, before the extension: skipped.
        ...each('r1.reminder-7wd', '2040-11-19T01:00:00.000Z', contacts),
        ...each('r1.reminder-3wd', '2040-11-23T01:00:00.000Z', contacts),
        ...each('r1.reminder-1wd', '2040-11-27T01:00:00.000Z', contacts),
        ...each('receipt', '-', contacts),
      ].sort(),
    );
    const newReminder = catcher.messages().find((m) => m.headers['x-hbc-step'] === 'r1.reminder-1wd')!;
    expect(newReminder.subject).toBe('[Nhắc hạn] 77/KH-UBND – Trạm Y tế xã: báo cáo năm 2040, hạn Thứ Tư, 28/11/2040');
    const row = await testDb.db.deadline.findUniqueOrThrow({ where: { id: 'obl.2040' } });
    expect([row.lastDay, row.extendedFrom, row.revision, row.status]).toEqual(['2040-11-28', '2040-11-14', 1, 'submitted']);
    const events = await testDb.db.deadlineEvent.findMany({ where: { deadlineId: 'obl.2040', type: 'extended' } });
    expect(events).toHaveLength(1);
  });

  it('a waiver ends the period: a notice, then nothing more', async () => {
    await sleepUntil('2041-10-01T02:00:00Z');
    const handle = await start('obl.2041', '2041-11-14');
    await sleepUntil('2041-10-10T03:00:00Z');
    await handle.executeUpdate(waiveUpdate, { args: [{ reason: 'Đơn vị sáp nhập', waivedBy: 'Chủ tịch UBND xã' }] });
    expect(await handle.result()).toMatchObject({ outcome: 'waived' });
    await sleepUntil('2042-02-01T03:00:00Z');

    expect(mailOf('obl.2041')).toEqual(each('waiver', '-', [...contacts, coordinator]).sort());
    const row = await testDb.db.deadline.findUniqueOrThrow({ where: { id: 'obl.2041' } });
    expect([row.status, row.nextStepAt]).toEqual(['waived', null]);
  });
});
