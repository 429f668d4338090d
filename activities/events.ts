// The append-only event table behind the dashboard's history; rows are never changed.
// Takes a transaction client so an event commits together with the change it records.
import type { DbTx } from '../src/db';

export async function appendEvent(db: DbTx, at: Date, deadlineId: string, type: string, payload: object = {}) {
  await db.deadlineEvent.create({ data: { deadlineId, type, at, payload: JSON.stringify(payload) } });
}
