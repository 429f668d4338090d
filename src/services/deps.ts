import type { Client } from '@temporalio/client';
import type { Db } from '../db';

/** What use cases need; passed as the first argument (STYLE.md). */
export interface ServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  clock: () => Date;
  /** Set search attributes on started workflows (the dev server has them registered). */
  searchAttributes: boolean;
}
