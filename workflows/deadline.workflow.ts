// One execution per obligation and period. It walks the reminder timeline that src/domain
// computes (no date arithmetic here), sleeping until each step, and stops the moment a
// report is recorded or the period is waived. An extension replans every step.
// Deterministic: only src/domain, src/schemas and activity types.
import { allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { createBusinessCalendar } from '../src/domain/business-calendar';
import { addDays, compareDates, localDateOf, parseIsoDate, startOfLocalDay } from '../src/domain/local-date';
import { defaultReminderPolicy, planSteps, type TimelineStep } from '../src/domain/timeline';
import {
  extendBodySchema,
  recordSubmissionBodySchema,
  remindNowBodySchema,
  waiveBodySchema,
  type DeadlineSnapshot,
  type DeadlineWorkflowInput,
} from '../src/schemas/deadline.schemas';
import type { DeadlineActivities, StepMessage } from '../activities/deadline.activities';
import {
  extendUpdate,
  recordSubmissionUpdate,
  remindNowUpdate,
  statusQuery,
  waiveUpdate,
  type DeadlineOutcome,
  type SubmissionReceipt,
  type WaiverResult,
} from './messages';
import { searchAttributeKeys } from './search-attributes';

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '2 minutes',
  // Activities heartbeat per recipient: a dead worker's step is retried within seconds.
  heartbeatTimeout: '20 seconds',
  // One policy for transient failures (SMTP or database briefly away); permanent ones are
  // thrown as non-retryable ApplicationFailures by the activities themselves.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const CLOSED = 'Kỳ báo cáo này đã kết thúc (đã nhận báo cáo hoặc được miễn) / this period is closed (reported or waived)';

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
  const calendar = createBusinessCalendar();
  let lastDay = input.lastDay;
  let revision = 0;
  const sentStepKeys: string[] = [];
  let receipt: SubmissionReceipt | null = null;
  let waiver: WaiverResult | null = null;
  /** A submission or waiver is being recorded: no further step may start. */
  let closing = false;
  /** An extension is being recorded: the loop waits, then replans. */
  let changing = false;
  let replan = false;
  let manualReminders = 0;
  let nextStep: StepMessage | null = null;
  // Steps are planned from the moment the workflow started (or was last replanned), not from
  // "now": two steps due at the same instant, or one that came due while an activity was
  // retrying, are sent late rather than lost. Steps before it are skipped: a deadline
  // created late begins with what is still ahead.
  let plannedFrom = new Date();

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
      return receipt;
    },
    {
      validator: (body) => {
        recordSubmissionBodySchema.parse(body);
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
        if (compareDates(requested, parseIsoDate(lastDay)) <= 0) {
          throw new Error(`Ngày gia hạn phải sau hạn hiện tại ${lastDay} / the new last day must be after ${lastDay}`);
        }
        if (compareDates(requested, localDateOf(new Date())) < 0) {
          throw new Error('Ngày gia hạn đã qua / the new last day is in the past');
        }
      },
    },
  );

  setHandler(
    remindNowUpdate,
    async (body) => {
      manualReminders += 1;
      return activities.sendStep({
        deadlineId: input.deadlineId,
        step: {
          key: `manual-${manualReminders}`,
          kind: 'manual',
          sendAt: new Date().toISOString(),
          audience: ['agency-contacts'],
          explanation: `Nhắc theo yêu cầu của ${body.requestedBy}`,
        },
        note: body.note,
      });
    },
    {
      validator: (body) => {
        remindNowBodySchema.parse(body);
        if (closing) throw new Error(CLOSED);
      },
    },
  );

  async function walkLadder(): Promise<void> {
    while (!closing) {
      const now = new Date();
      const steps = planSteps({ lastDay: parseIsoDate(lastDay) }, defaultReminderPolicy, calendar, { after: plannedFrom });
      const step = steps.map((s) => toMessage(s, revision)).find((s) => !sentStepKeys.includes(s.key));
      nextStep = step ?? null;
      await activities.noteNextStep({ deadlineId: input.deadlineId, nextStep });
      if (!step) return;
      const delayMs = new Date(step.sendAt).getTime() - now.getTime();
      if (delayMs > 0) await condition(() => closing || changing || replan, delayMs);
      if (changing) await condition(() => !changing);
      if (replan) {
        replan = false;
        continue;
      }
      if (closing) return;
      await activities.sendStep({ deadlineId: input.deadlineId, step });
      sentStepKeys.push(step.key);
    }
  }

  // After the last step, an extension starts a new ladder; a report or waiver ends it.
  for (;;) {
    await walkLadder();
    await condition(() => closing || replan);
    if (closing) break;
    replan = false;
  }

  // The ladder is over, or the period closed: stay open so a late report can still be
  // recorded or the period waived, then let in-flight Updates finish before completing.
  await condition(() => receipt !== null || waiver !== null);
  await condition(allHandlersFinished);
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
