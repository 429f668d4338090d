// A world on the real Temporal dev server for tests that start from real emails: the SMTP
// catcher, a migrated SQLite database, a worker with every activity (signed links under the
// development key), service deps on the real clock, and a data folder for report files.
// Tests build their data relative to the real now (no clock can be pinned on the dev server).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { createActivities } from '../../activities';
import { DEVELOPMENT_LINK_KEY } from '../../src/config';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import type { ServiceDeps } from '../../src/services/deps';
import { bundleWorkflows } from '../../src/worker';
import { startTestDevServer } from './temporal';
import { createTestDb } from './test-db';

export interface DevWorld {
  catcher: MailCatcher;
  db: ReturnType<typeof createTestDb>['db'];
  client: Client;
  deps: ServiceDeps;
  /** Where report files are stored ($HBC_DATA_DIR in production). */
  dataDir: string;
  /** Stops the worker, the connections, the server and the catcher, and removes the data. */
  close(): Promise<void>;
}

export async function startDevWorld(taskQueue: string): Promise<DevWorld> {
  const [server, catcher, bundle] = await Promise.all([startTestDevServer(null), startMailCatcher({ port: 0 }), bundleWorkflows()]);
  const testDb = createTestDb();
  const dataDir = mkdtempSync(path.join(tmpdir(), `hbc-${taskQueue}-`));
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: 'default',
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({
      db: testDb.db,
      mailer: nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, ignoreTLS: true }),
      clock: () => new Date(),
      publicUrl: 'http://placeholder.invalid',
      mailFrom: 'Hạn báo cáo <hbc@test.example>',
      linkKeys: [DEVELOPMENT_LINK_KEY],
      temporal: { client, taskQueue, searchAttributes: false },
    }),
  });
  const running = worker.run();
  return {
    catcher,
    db: testDb.db,
    client,
    deps: { db: testDb.db, temporal: client, taskQueue, clock: () => new Date(), searchAttributes: false },
    dataDir,
    async close() {
      worker.shutdown();
      await running.catch(() => undefined);
      await workerConnection.close();
      await client.connection.close();
      await server.stop();
      await catcher.close();
      await testDb.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
