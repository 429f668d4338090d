// The world of a time-skipping workflow test: the Java test server, a real SMTP server on
// 127.0.0.1 stamping mail with the test server's clock, and a fresh migrated database, set
// up once per file and torn down after it.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import type { WorkflowStarter } from '../../activities/deps';
import type { Db } from '../../src/db';
import { startMailCatcher, type MailCatcher } from '../../src/mail/mail-catcher';
import { createTimeSkippingEnv } from './temporal';
import { createTestDb } from './test-db';

export interface TimeSkippingWorld {
  env: TestWorkflowEnvironment;
  catcher: MailCatcher;
  db: Db;
  /** Moves the test server's clock to an instant (and lets every timer before it fire). */
  sleepUntil(iso: string): Promise<void>;
  /** How activities start and signal workflows on this server's task queue. */
  starter(taskQueue: string): WorkflowStarter;
}

export function timeSkippingWorld(seed: (db: Db) => Promise<unknown> = async () => undefined): TimeSkippingWorld {
  let testDb: ReturnType<typeof createTestDb> | undefined;
  const world = {
    async sleepUntil(iso: string) {
      await world.env.sleep(new Date(iso).getTime() - (await world.env.currentTimeMs()));
    },
    starter(taskQueue: string): WorkflowStarter {
      return { client: world.env.client, taskQueue, searchAttributes: false };
    },
  } as TimeSkippingWorld;
  beforeAll(async () => {
    world.env = await createTimeSkippingEnv();
    // Every message is stamped with the test server's clock when the SMTP server takes it:
    // tests assert when mail really arrived, not only the instant a header says was planned.
    world.catcher = await startMailCatcher({ port: 0, clock: async () => new Date(await world.env.currentTimeMs()) });
    testDb = createTestDb();
    world.db = testDb.db;
    await seed(world.db);
  });
  afterAll(async () => {
    await world.env?.teardown();
    await world.catcher?.close();
    await testDb?.cleanup();
  });
  return world;
}
