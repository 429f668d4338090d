// One execution per obligation and period. It walks the reminder timeline that src/domain
// computes (no date arithmetic here), sleeping until each step, and stops the moment a
// report is recorded or the period is waived. An extension replans every step.
// Deterministic: only src/domain, src/schemas, src/contract and activity types.
//
// People never wait on the mail server: an Update commits its change through an activity
// that writes the database (and queues the notices it owes) and answers; the notices are
// delivered afterwards by `deliverNotices`, retried until the SMTP server takes them, and
// the workflow does not complete before they are out.
import { allHandlersFinished, condition, patched, proxyActivities, setHandler, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { addDays, compareDates, formatViDate, formatViInstant, localDateOf, parseIsoDate, startOfLocalDay } from '../src/domain/local-date';
import { nextSendingInstant, planSteps, type TimelineStep } from '../src/domain/timeline';
import {
  extendBodySchema,
  remindNowBodySchema,
  submissionRecordSchema,
  waiveBodySchema,
  type DeadlineSnapshot,
  type DeadlineWorkflowInput,
} from '../src/schemas/deadline.schemas';
import {
  extendUpdate,
  recordSubmissionUpdate,
  remindNowUpdate,
  statusQuery,
  waiveUpdate,
  type DeadlineOutcome,
  type RemindNowResult,
  type StepMessage,
  type SubmissionReceipt,
  type WaiverResult,
} from '../src/contract/messages';
import { searchAttributeKeys } from '../src/contract/search-attributes';
import type { DeadlineActivities } from '../activities/deadline.activities';
import { loadPlanning } from './planning';

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '2 minutes',
  // Activities heartbeat per recipient: a dead worker's step is retried within seconds.
  heartbeatTimeout: '20 seconds',
  // One policy for transient failures (SMTP or database briefly away); permanent ones are
  // thrown as non-retryable ApplicationFailures by the activities themselves.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const CLOSED = 'Kỳ báo cáo này đã kết thúc (đã nhận báo cáo hoặc được miễn) / this period is closed (reported or waived)';

/** At most one reminder by hand per deadline in this long (DOMAIN.md: no report overload). */
export const MANUAL_REMINDER_INTERVAL_MS = 60 * 60_000;

/** Patch ids (docs/operations.md "Upgrading running workflows"); each guards a change of commands. */
const NOTICES_PATCH = 'notices-after-update';
const NIGHT_PATCH = 'no-night-sending';
const DRIFT_PATCH = 'steps-never-drift';
const AHEAD_PATCH = 'steps-queued-ahead';

/**
 * How long before its planned instant a ladder step is queued for its recipients' daily
 * digests (workflows/digest.workflow.ts), which send at the instant itself: steps are known
 * in advance, so merging the day's messages never makes them late. Long enough for a
 * morning on which a whole province is reminded at once to queue before the instant; a
 * report or waiver recorded meanwhile still stops the message (sendDigest drops closed
 * deadlines).
 */
export const QUEUE_AHEAD_MS = 5 * 60_000;

function toMessage(step: TimelineStep, revision: number): StepMessage {
  return {
    // A replanned timeline gets new keys, so "3 working days before" the new date is a new
    // message rather than a duplicate the outbox would skip.
    key: revision > 0 ? `r${revision}.${step.key}` : step.key,
    kind: step.kind,
    sendAt: step.sendAt.toISOString(),
    audience: [...step.audience],
    copyTo: [...step.copyTo],
    explanation: step.explanation,
  };
}

export async function deadlineWorkflow(input: DeadlineWorkflowInput): Promise<DeadlineOutcome> {
  let lastDay = input.lastDay;
  // A run started by a return for completion goes on from the revision that return made.
  let revision = input.reopened?.revision ?? 0;
  const sentStepKeys: string[] = [];
  let receipt: SubmissionReceipt | null = null;
  let waiver: WaiverResult | null = null;
  /** A submission or waiver is being recorded: no further step may start. */
  let closing = false;
  /** An extension is being recorded: the loop waits, then replans. */
  let changing = false;
  let replan = false;
  let manualReminders = 0;
  let lastManualAt: number | null = null;
  let nextStep: StepMessage | null = null;
  /** The planned instant of the last step sent: a policy changed since never reaches back before it. */
  let lastSentAt = -Infinity;
  /** Deliveries started by Update handlers; the workflow completes only after they are done. */
  const deliveries: Promise<unknown>[] = [];
  // Steps are planned from the moment the workflow started (or was last replanned), not from
  // "now": two steps due at the same instant, or one that came due while an activity was
  // retrying, are sent late rather than lost. Steps before it are skipped: a deadline
  // created late begins with what is still ahead.
  let plannedFrom = new Date();

  /** Sends the notices a handler committed, after its Update has answered. */
  function deliverLater(notBefore?: number): void {
    deliveries.push(
      (async () => {
        if (notBefore !== undefined && notBefore > Date.now()) await sleep(notBefore - Date.now());
        await activities.deliverNotices({ deadlineId: input.deadlineId, asOf: new Date().toISOString() });
      })(),
    );
  }

  setHandler(statusQuery, (): DeadlineSnapshot => ({
    deadlineId: input.deadlineId,
    lastDay,
    status: receipt ? 'submitted' : waiver ? 'waived' : 'pending',
    revision,
    submittedAt: receipt?.submittedAt ?? null,
    nextStep: closing ? null : nextStep,
    sentStepKeys: [...sentStepKeys],
  }));

  setHandler(
    recordSubmissionUpdate,
    async (body) => {
      closing = true; // before the first await, so the loop stops sending at once
      receipt = await activities.recordSubmission({ deadlineId: input.deadlineId, recordedAt: new Date().toISOString(), body });
      if (patched(NOTICES_PATCH)) deliverLater();
      return receipt;
    },
    {
      validator: (body) => {
        submissionRecordSchema.parse(body);
        if (closing) throw new Error(CLOSED);
      },
    },
  );

  setHandler(
    waiveUpdate,
    async (body) => {
      closing = true;
      const waivedAt = new Date().toISOString();
      await activities.recordWaiver({ deadlineId: input.deadlineId, waivedAt, body });
      if (patched(NOTICES_PATCH)) deliverLater();
      waiver = { waivedAt };
      return waiver;
    },
    {
      validator: (body) => {
        waiveBodySchema.parse(body);
        if (closing) throw new Error(CLOSED);
      },
    },
  );

  setHandler(
    extendUpdate,
    async (body) => {
      changing = true;
      const from = lastDay;
      const next = revision + 1;
      const dueAt = startOfLocalDay(addDays(parseIsoDate(body.newLastDay), 1)).toISOString();
      await activities.recordExtension({ deadlineId: input.deadlineId, fromLastDay: from, dueAt, revision: next, body });
      if (patched(NOTICES_PATCH)) deliverLater();
      lastDay = body.newLastDay;
      revision = next;
      plannedFrom = new Date();
      changing = false;
      replan = true;
      return { lastDay, revision };
    },
    {
      validator: (body) => {
        extendBodySchema.parse(body);
        if (closing) throw new Error(CLOSED);
        if (changing) throw new Error('Đang gia hạn / an extension is being recorded');
        const requested = parseIsoDate(body.newLastDay);
        const current = parseIsoDate(lastDay);
        if (compareDates(requested, current) <= 0) {
          throw new Error(`Ngày gia hạn phải sau hạn hiện tại ${formatViDate(current)} / the new last day must be after ${formatViDate(current)}`);
        }
        if (compareDates(requested, localDateOf(new Date())) < 0) {
          throw new Error(`Ngày gia hạn ${formatViDate(requested)} đã qua / the new last day ${formatViDate(requested)} is in the past`);
        }
      },
    },
  );

  setHandler(
    remindNowUpdate,
    async (body): Promise<RemindNowResult> => {
      manualReminders += 1;
      lastManualAt = Date.now();
      const key = `manual-${manualReminders}`;
      if (!patched(NOTICES_PATCH)) {
        // Executions that ran this handler before notices were committed first sent at once.
        const sent = await activities.sendStep({
          deadlineId: input.deadlineId,
          step: { key, kind: 'manual', sendAt: new Date().toISOString(), audience: ['agency-contacts'], explanation: `Nhắc theo yêu cầu của ${body.requestedBy}` },
        });
        return { sent: (sent as unknown as { sent?: number }).sent ?? 0, sendAt: new Date().toISOString(), held: false };
      }
      // Never at night: a reminder asked for in the evening or on a day off waits for the next working morning.
      const now = new Date();
      const { calendar, policy } = await loadPlanning({ deadlineId: input.deadlineId });
      const sendAt = nextSendingInstant(now, policy, calendar);
      const { queued } = await activities.queueManualReminder({
        deadlineId: input.deadlineId,
        key,
        requestedAt: now.toISOString(),
        sendAt: sendAt.toISOString(),
        requestedBy: body.requestedBy,
        note: body.note,
      });
      deliverLater(sendAt.getTime());
      return { sent: queued, sendAt: sendAt.toISOString(), held: sendAt.getTime() > now.getTime() };
    },
    {
      validator: (body) => {
        remindNowBodySchema.parse(body);
        if (closing) throw new Error(CLOSED);
        if (lastManualAt !== null && Date.now() - lastManualAt < MANUAL_REMINDER_INTERVAL_MS) {
          const again = new Date(lastManualAt + MANUAL_REMINDER_INTERVAL_MS);
          throw new Error(
            `Đã gửi nhắc lúc ${formatViInstant(new Date(lastManualAt))}; có thể nhắc lại từ ${formatViInstant(again)} / ` +
              `a reminder was sent at ${formatViInstant(new Date(lastManualAt))}; the next one is possible from ${formatViInstant(again)}`,
          );
        }
      },
    },
  );

  async function walkLadder(): Promise<void> {
    while (!closing) {
      const plannedAt = Date.now();
      const { calendar, policy } = await loadPlanning({ deadlineId: input.deadlineId });
      // The plan's policy may have changed since the last step (other offsets, other hours):
      // the steps it adds before the last one sent are not sent late, they are skipped.
      const after = new Date(Math.max(plannedFrom.getTime(), lastSentAt));
      const steps = planSteps({ lastDay: parseIsoDate(lastDay) }, policy, calendar, { after });
      const step = steps.map((s) => toMessage(s, revision)).find((s) => !sentStepKeys.includes(s.key));
      nextStep = step ?? null;
      await activities.noteNextStep({ deadlineId: input.deadlineId, nextStep });
      if (!step) return;
      // Measured after every await: the activity above may have taken minutes or hours
      // (a locked database), and the step must still leave at its planned instant. Histories
      // recorded before this fix measured from before the activity (replayed as they ran).
      let delayMs = new Date(step.sendAt).getTime() - (patched(DRIFT_PATCH) ? Date.now() : plannedAt);
      if (delayMs <= 0 && patched(NIGHT_PATCH)) {
        // Late (a worker was down across the instant): at once in working hours, else the next working morning.
        delayMs = nextSendingInstant(new Date(), policy, calendar).getTime() - Date.now();
      }
      // Executions that slept until the instant itself before this patch still do (replayed as they ran).
      const ahead = patched(AHEAD_PATCH);
      const sendAt = Date.now() + Math.max(delayMs, 0);
      if (ahead) delayMs -= QUEUE_AHEAD_MS;
      if (delayMs > 0) await condition(() => closing || changing || replan, delayMs);
      if (changing) await condition(() => !changing);
      if (replan) {
        replan = false;
        continue;
      }
      if (closing) return;
      await activities.sendStep({ deadlineId: input.deadlineId, step, ...(ahead && { notBefore: new Date(sendAt).toISOString() }) });
      sentStepKeys.push(step.key);
      lastSentAt = new Date(step.sendAt).getTime();
    }
  }

  // The run after a return for completion first sends the notice the return committed (with
  // the agency's new link). Only such runs have `reopened` in their input, so no earlier
  // history meets this command and no patch marker is needed.
  if (input.reopened) deliverLater();

  // After the last step, an extension starts a new ladder; a report or waiver ends it.
  for (;;) {
    await walkLadder();
    await condition(() => closing || replan);
    if (closing) break;
    replan = false;
  }

  // The ladder is over, or the period closed: stay open so a late report can still be
  // recorded or the period waived, then let in-flight Updates and their notices finish.
  await condition(() => receipt !== null || waiver !== null);
  await condition(allHandlersFinished);
  await Promise.all(deliveries);
  await markStatus(receipt ? 'submitted' : 'waived');
  // Assigned in Update handlers, which TypeScript's flow analysis cannot see.
  const recorded = receipt as SubmissionReceipt | null;
  return recorded ? { outcome: 'submitted', ...recorded } : { outcome: 'waived', ...(waiver as WaiverResult | null)! };
}

/**
 * HbcStatus in the Temporal UI follows the outcome ("submitted", "waived"), for workflows
 * started with search attributes (the dev server and production register them; the test
 * server does not). Added after deadline workflows were already running: patched() keeps
 * their replay on the old path (no upsert command in their history) while every execution
 * that reaches this point from now on records the marker and upserts. See
 * docs/operations.md "Upgrading running workflows".
 */
async function markStatus(status: 'submitted' | 'waived'): Promise<void> {
  if (workflowInfo().typedSearchAttributes.get(searchAttributeKeys.status) === undefined) return;
  if (!patched('hbc-status-search-attribute')) return;
  upsertSearchAttributes([{ key: searchAttributeKeys.status, value: status }]);
}
