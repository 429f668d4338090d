// One execution per campaign (Tháng hành động 15/11-15/12 every year), one run per year:
// it opens the year's run row, walks the notices src/domain computes (before the start,
// the first day, the mid-point, the end, then the results report like a deadline), and
// continues as new into the next year. The `recordResults` Update stops this year's
// results reminders. Deterministic: dates from src/domain only.
import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { campaignPeriods, campaignSteps } from '../src/domain/campaign';
import { parseIsoDate, toIsoDate } from '../src/domain/local-date';
import { nextSendingInstant } from '../src/domain/timeline';
import { recordCampaignResultsBodySchema, type CampaignWorkflowInput } from '../src/schemas/campaign.schemas';
import type { CampaignActivities } from '../activities/campaign.activities';
import { recordCampaignResultsUpdate, type CampaignOutcome, type StepMessage } from '../src/contract/messages';
import { loadPlanning } from './planning';

const activities = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  // Activities heartbeat per recipient: a dead worker's step is retried within seconds.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignOutcome> {
  const { calendar, policy } = await loadPlanning();
  const runs = campaignPeriods(
    { name: input.name, start: input.start, end: input.end, recurring: input.recurring, resultsDue: input.resultsDue ?? null },
    { from: input.spanFrom, to: input.spanTo },
    calendar,
    { issuedOn: parseIsoDate(input.issuedOn) },
  );
  const run = runs.find((r) => input.fromYear === undefined || r.year >= input.fromYear);
  if (!run) return { years: runs.map((r) => r.year) };

  let resultsIn = false;
  const deliveries: Promise<unknown>[] = [];
  let runId: string | null = null;
  setHandler(
    recordCampaignResultsUpdate,
    async (body) => {
      resultsIn = true;
      await condition(() => runId !== null);
      await activities.recordCampaignResults({ runId: runId!, recordedAt: new Date().toISOString(), body });
      // The acknowledgement goes after the Update has answered (never wait on the mail server).
      if (patched('notices-after-update')) deliveries.push(activities.deliverCampaignNotices({ runId: runId! }));
      return { year: run.year };
    },
    {
      validator: (body) => {
        recordCampaignResultsBodySchema.parse(body);
        if (body.year !== run.year) throw new Error(`Đợt đang chạy là năm ${run.year} / the running year is ${run.year}`);
        if (resultsIn) throw new Error('Đã nhận báo cáo kết quả năm này / results already recorded for this year');
      },
    },
  );

  const opened = await activities.openCampaignRun({
    campaignId: input.campaignId,
    year: run.year,
    start: toIsoDate(run.start),
    end: toIsoDate(run.end),
    resultsDue: toIsoDate(run.resultsDue),
  });
  runId = opened.runId;
  if (opened.status === 'open') {
    // Planned from the run's start: a step due while an activity retried is sent late, not lost.
    const plannedFrom = new Date();
    for (const step of campaignSteps(run, policy, calendar, { after: plannedFrom })) {
      const message: StepMessage = {
        key: step.key,
        kind: step.kind,
        sendAt: step.sendAt.toISOString(),
        audience: [...step.audience],
        explanation: step.explanation,
      };
      if (resultsIn && step.key.startsWith('results-')) break;
      await activities.noteCampaignStep({ runId, nextStep: message });
      let delayMs = step.sendAt.getTime() - Date.now();
      if (delayMs <= 0 && patched('no-night-sending')) {
        // Late (a worker was down across the instant): at once in working hours, else the next working morning.
        delayMs = nextSendingInstant(new Date(), policy, calendar).getTime() - Date.now();
      }
      if (delayMs > 0) await condition(() => resultsIn && step.key.startsWith('results-'), delayMs);
      if (resultsIn && step.key.startsWith('results-')) break;
      await activities.sendCampaignStep({ runId, step: message });
    }
    await activities.noteCampaignStep({ runId, nextStep: null });
  }
  // A results report being recorded, and its acknowledgement, finish before the next year's run takes over.
  await condition(allHandlersFinished);
  await Promise.all(deliveries);
  const next = runs[runs.indexOf(run) + 1];
  if (next) await continueAsNew<typeof campaignWorkflow>({ ...input, fromYear: next.year });
  return { years: runs.map((r) => r.year) };
}
