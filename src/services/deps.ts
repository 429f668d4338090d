import type { Client } from '@temporalio/client';
import type { Db } from '../db';
import type { WorkflowStarter } from '../temporal/start-once';

/** What use cases need; passed as the first argument (STYLE.md). */
export interface ServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  clock: () => Date;
  /** Set search attributes on started workflows (the server has them registered). */
  searchAttributes: boolean;
}

/** How this service process starts workflows. */
export function starterOf(deps: ServiceDeps): WorkflowStarter {
  return { client: deps.temporal, taskQueue: deps.taskQueue, searchAttributes: deps.searchAttributes };
}
