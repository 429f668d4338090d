// Loads the project's own sample (samples/sample-data.json, written for hanbaocao, not a
// copy of a real plan) relative to the day it is loaded, so a new user on any date sees a
// live mix: one report received on time, one due in a few days, one overdue, one escalated.
//
// What happened before today (the reminders and escalations of the weeks behind, the report
// received on time) is written as history, marked as sample data: no email of it is sent
// now. From today on, everything runs for real: each open deadline has its workflow, which
// plans its next steps from now, and the first start asks for one reminder by hand so the
// inbox has a real email (held until the morning when started at night). Idempotent: a
// restart finds the plan and changes nothing.
import fs from 'node:fs';
import type { RemindNowResult } from '../contract/messages';
import type { BusinessCalendar } from '../domain/business-calendar';
import { addDays, compareDates, instantAt, localDateOf, startOfLocalDay, toIsoDate, type LocalDate } from '../domain/local-date';
import { defaultReminderPolicy, planSteps } from '../domain/timeline';
import type { DbTx } from '../db';
import { sampleDataSchema, type SampleData } from '../schemas/sample-data.schemas';
import { upsertAdhocObligation } from '../stores/adhoc.store';
import { currentCalendar } from '../stores/calendar.store';
import { loadDeadlineContext, recipientsFor } from '../stores/deadline-context';
import { openPeriod } from '../stores/open-period';
import { deadlineStarter } from '../temporal/starters';
import { ensureSampleOrganisations, ensureSampleUsers } from './accounts';
import { systemActor } from './audit';
import { remindNow } from './deadline-updates';
import { starterOf, type ServiceDeps } from './deps';
import { startObligationDeadlines, startObligationWorkflow } from './start-deadlines';

export function readSampleData(file: string): SampleData {
  return sampleDataSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export interface SampleLoad {
  /** False when the sample was already there (a restart). */
  fresh: boolean;
  /** The first start's reminder by hand: when it goes (at once, or the next working morning). */
  firstReminder: RemindNowResult | null;
}

/** A day this many working days from today (negative: before); 0 is today. */
function workingDaysFrom(calendar: BusinessCalendar, today: LocalDate, n: number): LocalDate {
  return n === 0 ? today : calendar.addWorkingDays(today, n);
}

export async function loadSampleData(deps: ServiceDeps, data: SampleData): Promise<SampleLoad> {
  const { db } = deps;
  // The province above the sample commune, a second commune, and an account per role in each.
  await ensureSampleOrganisations(deps, data.accounts);
  if (await db.plan.findUnique({ where: { id: data.plan.id } })) {
    await ensureSampleUsers(deps, data.accounts, data.organisation);
    return { fresh: false, firstReminder: null };
  }
  const now = deps.clock();
  const today = localDateOf(now);
  const calendar = currentCalendar();
  const issuedOn = addDays(today, -data.plan.issuedDaysAgo);

  const { organisation: org } = data;
  const { issuedDaysAgo: _days, spanYears, ...plan } = data.plan;
  await db.$transaction(async (tx) => {
    await tx.organisation.create({ data: { ...org } });
    for (const { contacts, ...agency } of data.agencies) {
      await tx.agency.create({ data: { ...agency, organisationId: org.id, contacts: { create: contacts } } });
    }
    await tx.plan.create({
      data: { ...plan, organisationId: org.id, issuedOn: toIsoDate(issuedOn), spanFrom: issuedOn.year, spanTo: issuedOn.year + spanYears - 1 },
    });
    for (const o of data.obligations) await tx.obligation.create({ data: { ...o, planId: plan.id } });
  });
  await ensureSampleUsers(deps, data.accounts, data.organisation);
  // The yearly reports: a plan issued days ago has no period that is already late.
  for (const o of data.obligations) {
    await startObligationDeadlines(deps, o.id);
    await startObligationWorkflow(deps, o.id);
  }

  const startDeadline = deadlineStarter(starterOf(deps));
  let dueSoon: string | null = null;
  for (const live of data.live) {
    const requestedOn = workingDaysFrom(calendar, today, -live.requestedWorkingDaysAgo);
    const requestedAt = instantAt(requestedOn, 9);
    const lastDay = workingDaysFrom(calendar, today, live.lastDayWorkingDaysFromToday);
    const reportedAt = live.report ? instantAt(workingDaysFrom(calendar, lastDay, -live.report.workingDaysBeforeLastDay), 10) : null;
    const deadlineId = await db.$transaction(async (tx) => {
      const adhoc = await upsertAdhocObligation(tx, { planId: plan.id, agencyId: live.agencyId, title: live.title, lastDay, indicators: live.indicators });
      const id = `${adhoc.obligationId}.${adhoc.periodKey}`;
      await tx.deadline.create({
        data: {
          id,
          obligationId: adhoc.obligationId,
          periodKey: adhoc.periodKey,
          periodLabel: `Đột xuất: ${live.title}`,
          lastDay: adhoc.periodKey,
          dueAt: startOfLocalDay(addDays(lastDay, 1)),
          dataFrom: toIsoDate(requestedOn),
          dataTo: adhoc.periodKey,
          status: reportedAt ? 'submitted' : 'open',
          workflowId: `deadline/${id}`,
        },
      });
      await sampleEvent(tx, id, requestedAt, 'period-opened', { periodKey: adhoc.periodKey, lastDay: adhoc.periodKey });
      await writeHistory(tx, id, { lastDay, requestedAt, until: reportedAt ?? now, calendar });
      if (reportedAt && live.report) {
        await tx.submission.create({
          data: {
            id: `${id}.sample`,
            deadlineId: id,
            submittedAt: reportedAt,
            recordedAt: reportedAt,
            submittedBy: live.report.submittedBy,
            documentNumber: live.report.documentNumber,
            late: false,
          },
        });
        await sampleEvent(tx, id, reportedAt, 'submitted', { by: live.report.submittedBy, late: false, at: reportedAt.toISOString() });
      }
      return id;
    });
    if (compareDates(lastDay, today) >= 0 && !reportedAt) dueSoon ??= deadlineId;
    // Deadlines still open run for real from now on (a reported one has nothing left to run).
    const row = await db.deadline.findUniqueOrThrow({ where: { id: deadlineId } });
    await openPeriod({ ...deps, startDeadline }, { obligationId: row.obligationId, periodKey: row.periodKey, label: row.periodLabel, lastDay: row.lastDay, dueAt: row.dueAt.toISOString(), dataFrom: row.dataFrom, dataTo: row.dataTo });
  }

  // One real email on the first start: the coordinator "reminds now" the agency whose report is due soon.
  const firstReminder = dueSoon ? await remindNow(deps, systemActor('sample-data'), dueSoon, { requestedBy: 'Dữ liệu mẫu (lần chạy đầu)' }) : null;
  return { fresh: true, firstReminder };
}

async function sampleEvent(tx: DbTx, deadlineId: string, at: Date, type: string, payload: object): Promise<void> {
  await tx.deadlineEvent.create({ data: { deadlineId, type, at, payload: JSON.stringify({ ...payload, sample: true }) } });
}

/**
 * The steps of the ladder that fell between the request and `until` (today, or the day the
 * report came), as if sent by the digest at their instant: outbox rows marked
 * sent and events marked as sample data. The deadline's escalation fields follow the last
 * escalation among them, as the digest activity sets them for real ones.
 */
async function writeHistory(tx: DbTx, deadlineId: string, h: { lastDay: LocalDate; requestedAt: Date; until: Date; calendar: BusinessCalendar }): Promise<void> {
  const ctx = await loadDeadlineContext({ db: tx }, deadlineId);
  const steps = planSteps({ lastDay: h.lastDay }, defaultReminderPolicy, h.calendar, { after: h.requestedAt }).filter((s) => s.sendAt.getTime() < h.until.getTime());
  for (const step of steps) {
    const sentAt = step.sendAt;
    for (const r of recipientsFor(ctx, [...step.audience, ...step.copyTo])) {
      const key = `${deadlineId}:${step.key}:${r.email.toLowerCase()}`;
      await tx.outboxMessage.create({
        data: { id: key, key, deadlineId, stepKey: step.key, recipient: r.email, subject: '(dữ liệu mẫu)', status: 'sent', claimedAt: sentAt, sentAt },
      });
      await sampleEvent(tx, deadlineId, sentAt, 'email-sent', { step: step.key, kind: step.kind, to: r.email });
    }
    if (step.kind === 'escalation' && step.escalationLevel) {
      const to = recipientsFor(ctx, step.audience.slice(0, 1)).map((r) => r.name).join(', ');
      await tx.deadline.update({ where: { id: deadlineId }, data: { escalationLevel: step.escalationLevel, escalatedTo: to, escalatedAt: sentAt } });
    }
  }
}
