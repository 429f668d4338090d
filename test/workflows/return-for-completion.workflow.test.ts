// Yêu cầu bổ sung on the time-skipping server, with real SMTP and SQLite: a report recorded
// on Thursday 08/11/2040 for a deadline of Wednesday 14/11 is sent back with a new last day,
// Wednesday 28/11. The deadline reopens, the agency gets the notice with a new signed link,
// the next reminders go out on the new timeline under new keys, and the next report is a
// second row of the history. Instants are 08:00 local = 01:00Z.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSubmissionUpdate } from '../../src/contract/messages';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { ServiceDeps } from '../../src/services/deps';
import { listDeadlines } from '../../src/services/list-deadlines';
import { returnForCompletion } from '../../src/services/return-for-completion';
import { bundleWorkflows } from '../../src/worker';
import { PEOPLE, seedDeadline, seedObligation, testActivities } from '../helpers/fixtures';
import { actorWith } from '../helpers/principals';
import { replayAndRecord } from '../helpers/replay';
import { createTimeSkippingEnv } from '../helpers/temporal';
import { createTestDb } from '../helpers/test-db';

const { agencyContacts: contacts, coordinator } = PEOPLE;
const TASK_QUEUE = 'returns';

describe('a report sent back for completion', () => {
  let env: TestWorkflowEnvironment;
  let catcher: MailCatcher;
  let testDb: ReturnType<typeof createTestDb>;
  let worker: Worker;
  let running: Promise<void>;
  let bundle: WorkflowBundleWithSourceMap;
  /** The test server's time, for the service's clock (set after each sleep). */
  let now = new Date('2040-10-01T02:00:00Z');

  const sleepUntil = async (iso: string) => {
    await env.sleep(new Date(iso).getTime() - (await env.currentTimeMs()));
    now = new Date(await env.currentTimeMs());
  };
  const mailOf = (deadlineId: string) =>
    catcher
      .messages()
      .filter((m) => (m.headers['x-hbc-key'] ?? '').startsWith(`${deadlineId}:`))
      .map((m) => `${m.headers['x-hbc-step']} ${m.headers['x-hbc-send-at'] ?? '-'} ${m.to.join(',')}`)
      .sort();
  const each = (step: string, at: string, to: readonly string[]) => to.map((t) => `${step} ${at} ${t}`);

  beforeAll(async () => {
    [env, catcher] = await Promise.all([createTimeSkippingEnv(), startMailCatcher({ port: 0 })]);
    testDb = createTestDb();
    await seedObligation(testDb.db, 'trước ngày 15/11 hằng năm');
    await seedDeadline(testDb.db, {
      id: 'obl.2040', periodKey: '2040', periodLabel: 'Năm 2040', lastDay: '2040-11-14',
      dueAt: new Date('2040-11-14T17:00:00Z'), dataFrom: '2039-12-15', dataTo: '2040-12-14',
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: (bundle = await bundleWorkflows()),
      activities: testActivities(testDb.db, catcher.port, { client: env.client, taskQueue: TASK_QUEUE, searchAttributes: false }),
    });
    running = worker.run();
    await sleepUntil('2040-10-01T02:00:00Z');
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await catcher?.close();
    await testDb?.cleanup();
  });

  it('reopens the deadline with the new last day; the notice carries a new link; reminders resume on the new timeline; the history keeps both reports', async () => {
    const deps: ServiceDeps = { db: testDb.db, temporal: env.client, taskQueue: TASK_QUEUE, clock: () => now, searchAttributes: false };
    const handle = await env.client.workflow.start('deadlineWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'deadline/obl.2040',
      args: [{ deadlineId: 'obl.2040', lastDay: '2040-11-14', ruleText: 'trước ngày 15/11 hằng năm' }],
    });
    await sleepUntil('2040-11-08T03:00:00Z'); // Thursday 10:00
    const first = await handle.executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Văn thư Trạm Y tế', documentNumber: '15/BC-TYT' }] });
    // Not handle.result(): on this server, waiting for a result skips time far ahead.
    await sleepUntil('2040-11-08T03:05:00Z');
    expect((await handle.describe()).status.name).toBe('COMPLETED');

    const returned = await returnForCompletion(deps, actorWith([{ organisationId: 'org', role: 'coordinator' }]), 'obl.2040', {
      reason: 'Thiếu số liệu chỉ tiêu 4',
      newLastDay: '2040-11-28',
      returnedBy: 'Chuyên viên VH-XH',
    });
    expect(returned).toEqual({ lastDay: '2040-11-28', revision: 1, round: 1 });
    // The board shows it open again, on the new last day.
    const [view] = await listDeadlines(testDb.db, now, { id: 'obl.2040' });
    expect([view!.lastDay, view!.submission, view!.state]).toEqual(['2040-11-28', null, 'upcoming']);
    // A second return of the same report is refused: the deadline is open now.
    await expect(returnForCompletion(deps, actorWith([{ organisationId: 'org', role: 'coordinator' }]), 'obl.2040', { reason: 'x', newLastDay: '2040-11-30', returnedBy: 'x' })).rejects.toMatchObject({ code: 'conflict' });

    await sleepUntil('2040-11-27T03:00:00Z'); // Tuesday 10:00, the day before the new last day
    const notice = catcher.messages().find((m) => m.headers['x-hbc-step'] === 'return-1' && m.to.includes(contacts[0]))!;
    expect(notice).toBeDefined();
    expect(notice.subject).toBe('[Yêu cầu bổ sung] 77/KH-UBND – Trạm Y tế xã: báo cáo năm 2040, hạn Thứ Tư, 28/11/2040');
    expect(notice.text).toContain('Lý do: Thiếu số liệu chỉ tiêu 4');
    expect(notice.text).toMatch(/http:\/\/hbc\.test\/bao-cao\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/);

    const run = env.client.workflow.getHandle('deadline/obl.2040');
    const second = await run.executeUpdate(recordSubmissionUpdate, { args: [{ submittedBy: 'Văn thư Trạm Y tế', documentNumber: '15b/BC-TYT' }] });
    expect(second.receiptNumber).not.toBe(first.receiptNumber);
    expect(second.late).toBe(false);
    await sleepUntil('2040-11-27T03:05:00Z');
    expect((await run.describe()).status.name).toBe('COMPLETED');
    await replayAndRecord(env.client, 'deadline/obl.2040', 'deadline-returned-for-completion', bundle);

    expect(mailOf('obl.2040')).toEqual(
      [
        ...each('reminder-14wd', '2040-10-25T01:00:00.000Z', contacts),
        ...each('reminder-7wd', '2040-11-05T01:00:00.000Z', contacts),
        ...each('receipt', '-', contacts),
        ...each('return-1', '-', [...contacts, coordinator]),
        // 14 working days before 28/11 is Thursday 08/11, before the return: skipped.
        ...each('r1.reminder-7wd', '2040-11-19T01:00:00.000Z', contacts),
        ...each('r1.reminder-3wd', '2040-11-23T01:00:00.000Z', contacts),
        ...each('r1.reminder-1wd', '2040-11-27T01:00:00.000Z', contacts),
        ...each('receipt-1', '-', contacts),
      ].sort(),
    );
    const history = await testDb.db.submission.findMany({ where: { deadlineId: 'obl.2040' }, orderBy: { round: 'asc' } });
    expect(history.map((s) => [s.round, s.documentNumber, s.returnReason, s.receiptNumber])).toEqual([
      [0, '15/BC-TYT', 'Thiếu số liệu chỉ tiêu 4', first.receiptNumber],
      [1, '15b/BC-TYT', null, second.receiptNumber],
    ]);
    const row = await testDb.db.deadline.findUniqueOrThrow({ where: { id: 'obl.2040' } });
    expect([row.lastDay, row.revision, row.round, row.status]).toEqual(['2040-11-28', 1, 1, 'submitted']);
    expect(await testDb.db.auditEvent.count({ where: { subjectId: 'obl.2040', action: 'deadline.return' } })).toBe(1);
  }, 180_000);
});
