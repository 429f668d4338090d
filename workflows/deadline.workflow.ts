// One execution per obligation and period. It walks the reminder timeline that src/domain
// computes (no date arithmetic here), sleeping until each step, and stops the moment a
// report is recorded. Deterministic: only src/domain, src/schemas and activity types.
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { createBusinessCalendar } from '../src/domain/business-calendar';
import { parseIsoDate } from '../src/domain/local-date';
import { defaultReminderPolicy, planSteps, type TimelineStep } from '../src/domain/timeline';
import {
  recordSubmissionBodySchema,
  remindNowBodySchema,
  type DeadlineSnapshot,
  type DeadlineWorkflowInput,
} from '../src/schemas/deadline.schemas';
import type { DeadlineActivities, StepMessage } from '../activities/deadline.activities';
import { recordSubmissionUpdate, remindNowUpdate, statusQuery, type SubmissionReceipt } from './messages';

const activities = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '2 minutes',
  // One policy for transient failures (SMTP or database briefly away); permanent ones are
  // thrown as non-retryable ApplicationFailures by the activities themselves.
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

function toMessage(step: TimelineStep): StepMessage {
  return {
    key: step.key,
    kind: step.kind,
    sendAt: step.sendAt.toISOString(),
    audience: [...step.audience],
    copyTo: [...step.copyTo],
    explanation: step.explanation,
  };
}

export async function deadlineWorkflow(input: DeadlineWorkflowInput): Promise<SubmissionReceipt> {
  const calendar = createBusinessCalendar();
  const lastDay = parseIsoDate(input.lastDay);
  const sentStepKeys: string[] = [];
  let receipt: SubmissionReceipt | null = null;
  let submitting = false;
  let manualReminders = 0;
  let nextStep: StepMessage | null = null;

  setHandler(statusQuery, (): DeadlineSnapshot => ({
    deadlineId: input.deadlineId,
    lastDay: input.lastDay,
    status: receipt ? 'submitted' : 'pending',
    submittedAt: receipt?.submittedAt ?? null,
    nextStep: receipt ? null : nextStep,
    sentStepKeys: [...sentStepKeys],
  }));

  setHandler(
    recordSubmissionUpdate,
    async (body) => {
      // Claim before the first await so the timeline loop stops sending at once.
      submitting = true;
      receipt = await activities.recordSubmission({
        deadlineId: input.deadlineId,
        recordedAt: new Date().toISOString(),
        body,
      });
      return receipt;
    },
    {
      validator: (body) => {
        recordSubmissionBodySchema.parse(body);
        if (submitting) throw new Error('Báo cáo đã được ghi nhận / a report is already recorded');
      },
    },
  );

  setHandler(
    remindNowUpdate,
    async (body) => {
      manualReminders += 1;
      const at = new Date();
      return activities.sendStep({
        deadlineId: input.deadlineId,
        step: {
          key: `manual-${manualReminders}`,
          kind: 'manual',
          sendAt: at.toISOString(),
          audience: ['agency-contacts'],
          explanation: `Nhắc theo yêu cầu của ${body.requestedBy}`,
        },
        note: body.note,
      });
    },
    {
      validator: (body) => {
        remindNowBodySchema.parse(body);
        if (submitting) throw new Error('Báo cáo đã được ghi nhận / a report is already recorded');
      },
    },
  );

  // Steps are planned from the moment the workflow started, not from "now": two steps due at
  // the same instant (or a step that came due while an activity was retrying) are sent late
  // rather than lost. Steps before the start are skipped: a deadline created late begins with
  // what is still ahead.
  const plannedFrom = new Date();
  for (;;) {
    const now = new Date();
    const upcoming = planSteps({ lastDay }, defaultReminderPolicy, calendar, { after: plannedFrom }).filter(
      (s) => !sentStepKeys.includes(s.key),
    );
    const step = upcoming[0];
    nextStep = step ? toMessage(step) : null;
    await activities.noteNextStep({ deadlineId: input.deadlineId, nextStep });
    if (!step) break;
    const delayMs = step.sendAt.getTime() - now.getTime();
    const stopped = delayMs > 0 ? await condition(() => submitting, delayMs) : submitting;
    if (stopped) break;
    await activities.sendStep({ deadlineId: input.deadlineId, step: nextStep! });
    sentStepKeys.push(step.key);
  }

  // The ladder is over (or a report arrived): stay open so a late report can still be
  // recorded, then let in-flight Updates finish before completing.
  await condition(() => receipt !== null);
  await condition(allHandlersFinished);
  return receipt!;
}
