// Replay: a workflow's recorded history must replay against today's workflow code without
// a nondeterminism error. Tests that run workflows hand their histories here; with
// HBC_RECORD_HISTORIES=1 the histories are also written to test/fixtures/histories, where
// test/workflows/replay.test.ts replays them on every run (a change that breaks running
// workflows then fails there, see docs/operations.md "Upgrading running workflows").
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowsPath } from '../../src/worker';

export const HISTORIES_DIR = path.resolve('test/fixtures/histories');

export async function replayAndRecord(client: Pick<Client, 'workflow'>, workflowId: string, name: string, bundle?: WorkflowBundleWithSourceMap): Promise<void> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  await Worker.runReplayHistory(bundle ? { workflowBundle: bundle } : { workflowsPath }, history, workflowId);
  if (process.env.HBC_RECORD_HISTORIES === '1') {
    fs.mkdirSync(HISTORIES_DIR, { recursive: true });
    // protobufjs' own JSON form (enum names, base64 bytes), which historyFromJSON reads back.
    const json = temporal.api.history.v1.History.fromObject(history).toJSON();
    fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(json)}\n`);
  }
}
