// Loads the project's own sample plan (samples/sample-data.json, written for hanbaocao, not
// a copy of a real plan) and starts its deadlines. Idempotent: existing rows are kept, so
// a restart changes nothing and running workflows continue.
import fs from 'node:fs';
import { sampleDataSchema, type SampleData } from '../schemas/sample-data.schemas';
import type { ServiceDeps } from './deps';
import { remindNow } from './deadline-updates';
import { startObligationDeadlines, startObligationWorkflow } from './start-deadlines';

export function readSampleData(file: string): SampleData {
  return sampleDataSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Returns true when the data was new (first start). */
export async function loadSampleData(deps: ServiceDeps, data: SampleData): Promise<boolean> {
  const { db } = deps;
  const fresh = (await db.plan.findUnique({ where: { id: data.plan.id } })) === null;
  const { organisation: org } = data;
  await db.organisation.upsert({ where: { id: org.id }, update: {}, create: { ...org } });
  for (const { contacts, ...agency } of data.agencies) {
    await db.agency.upsert({ where: { id: agency.id }, update: {}, create: { ...agency, organisationId: org.id } });
    for (const c of contacts) {
      await db.contact.upsert({ where: { id: c.id }, update: {}, create: { ...c, agencyId: agency.id } });
    }
  }
  await db.plan.upsert({ where: { id: data.plan.id }, update: {}, create: { ...data.plan, organisationId: org.id } });
  for (const o of data.obligations) {
    await db.obligation.upsert({ where: { id: o.id }, update: {}, create: { ...o, planId: data.plan.id } });
  }
  const started: string[] = [];
  for (const o of data.obligations) {
    started.push(...(await startObligationDeadlines(deps, o.id)));
    await startObligationWorkflow(deps, o.id);
  }

  // On the very first start, show the path end to end at once: the coordinator "sends a
  // reminder now" to the first open deadline, so the inbox has a real email to look at.
  if (fresh) {
    const first = await db.deadline.findFirst({ where: { status: 'open' }, orderBy: { id: 'asc' } });
    if (first) await remindNow(deps, first.id, { requestedBy: 'Dữ liệu mẫu (lần chạy đầu)' });
  }
  return fresh;
}
