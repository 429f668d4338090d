// Recorded histories (test/fixtures/histories, written by the workflow tests with
// HBC_RECORD_HISTORIES=1) replay against today's workflow code. A change that would break
// workflows already running in production (reordered activities, a new timer without
// patched()) fails here; see docs/operations.md "Upgrading running workflows".
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/worker';
import { HISTORIES_DIR } from '../helpers/replay';
import { quietRuntime } from '../helpers/temporal';

const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();
/** The files hold protobufjs' JSON form of a History (see test/helpers/replay.ts). */
const load = (file: string) => temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));

describe('replaying recorded histories', () => {
  it('has histories of every workflow type to replay', () => {
    const types = new Set(files.map((f) => load(f).events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
    expect([...types].sort()).toEqual(['campaignWorkflow', 'deadlineWorkflow', 'digestWorkflow', 'mailWorkflow', 'obligationWorkflow']);
  });

  it('holds a deadline closed before the status patch and one closed after it (marker and upsert recorded)', () => {
    const before = load('deadline-submitted-before-status-patch.json').events ?? [];
    const after = load('deadline-submitted-status-patched.json').events ?? [];
    // The SDK also upserts TemporalChangeVersion with a patch; count the HbcStatus upserts.
    const upserts = (events: typeof before) =>
      events.filter((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).includes('HbcStatus')).length;
    const markers = (events: typeof before) => events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').length;
    expect([markers(before), upserts(before)]).toEqual([0, 0]);
    expect([markers(after), upserts(after)]).toEqual([1, 1]);
  });

  it('holds histories from before and after the November 2026 patches, so both paths replay', () => {
    // core_patch markers carry the patch id in their details; a history has a patch once it reached that point live.
    const patches = (file: string) =>
      new Set(
        (load(file).events ?? [])
          .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
          .map((e) => Buffer.from(e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data ?? new Uint8Array()).toString()),
      );
    const has = (file: string, id: string) => [...patches(file)].some((d) => d.includes(id));
    for (const before of ['deadline-ladder-submitted.json', 'deadline-extended.json', 'deadline-waived.json', 'obligation-last-run.json', 'campaign-next-year.json']) {
      expect(has(before, 'calendar-from-activity'), before).toBe(false);
    }
    for (const after of ['deadline-ladder-digest-submitted.json', 'deadline-waived-notices-after-update.json', 'obligation-last-run-calendar-activity.json', 'campaign-next-year-calendar-activity.json']) {
      expect(has(after, 'calendar-from-activity'), after).toBe(true);
    }
    expect(has('deadline-extended.json', 'notices-after-update')).toBe(false);
    expect(has('deadline-extended-notices-after-update.json', 'notices-after-update')).toBe(true);
    expect(has('deadline-submitted-notices-after-update.json', 'notices-after-update')).toBe(true);
    expect(has('deadline-ladder-digest-submitted.json', 'steps-never-drift')).toBe(true);
  });

  it('replays every one without a nondeterminism error', async () => {
    quietRuntime();
    const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: load(f) }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(histories.length).toBeGreaterThanOrEqual(4);
  });
});
