import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../src/db';
import { TEMPLATE_DB } from './global-setup';

/** A fresh, migrated app database in a temp folder; `cleanup` disconnects and removes it. */
export function createTestDb(): { db: Db; url: string; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hbc-db-'));
  const file = path.join(dir, 'app.sqlite');
  fs.copyFileSync(TEMPLATE_DB, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
