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
    expect([...types].sort()).toEqual(['campaignWorkflow', 'deadlineWorkflow', 'digestWorkflow', 'obligationWorkflow']);
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
