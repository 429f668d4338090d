// One execution per campaign (Tháng hành động 15/11-15/12 every year), one run per year:
// it opens the year's run row, walks the notices src/domain computes (before the start,
// the first day, the mid-point, the end, then the results report like a deadline), and
// continues as new into the next year. The `recordResults` Update stops this year's
// results reminders; `setResultsDue` moves this year's results day and replans its
// reminders (under keys carrying the new day, so a reminder already sent for the old day
// does not hide the new one). Deterministic: dates from src/domain only.
//
// Replay: without a `setResultsDue` the commands are those of the earlier code (same steps,
// same keys, same timers), so open executions replay unchanged and need no patch.
import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { campaignPeriods, campaignSteps, type CampaignStep } from '../src/domain/campaign';
import { compareDates, localDateOf, parseIsoDate, toIsoDate } from '../src/domain/local-date';
import { nextSendingInstant } from '../src/domain/timeline';
import { recordCampaignResultsBodySchema, setCampaignResultsDueBodySchema, type CampaignWorkflowInput } from '../src/schemas/campaign.schemas';
import type { CampaignActivities } from '../activities/campaign.activities';
import { recordCampaignResultsUpdate, setCampaignResultsDueUpdate, type CampaignOutcome, type StepMessage } from '../src/contract/messages';
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
  const first = runs.find((r) => input.fromYear === undefined || r.year >= input.fromYear);
  if (!first) return { years: runs.map((r) => r.year) };
  let run = first;

  let resultsIn = false;
  /** How many times the coordinator moved this year's results day (0: the plan's own day). */
  let resultsMoves = 0;
  /** Set once the loop is past its last step: a move then would reach nobody. */
  let stepsDone = false;
  const resultsStepsFrom = (after: Date): CampaignStep[] =>
    campaignSteps(run, policy, calendar, { after }).filter((s) => s.key.startsWith('results-'));
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

  setHandler(
    setCampaignResultsDueUpdate,
    async (body) => {
      await condition(() => runId !== null);
      run = { ...run, resultsDue: parseIsoDate(body.resultsDue) };
      await activities.moveCampaignResults({ runId: runId!, resultsDue: body.resultsDue });
      resultsMoves += 1;
      return { year: run.year, resultsDue: body.resultsDue };
    },
    {
      validator: (body) => {
        setCampaignResultsDueBodySchema.parse(body);
        if (body.year !== run.year) throw new Error(`Đợt đang chạy là năm ${run.year} / the running year is ${run.year}`);
        if (resultsIn) throw new Error('Đã nhận báo cáo kết quả năm này / results already recorded for this year');
        if (stepsDone) throw new Error('Đợt năm nay đã kết thúc các bước nhắc / this year\'s reminders are over');
        const day = parseIsoDate(body.resultsDue);
        if (compareDates(day, run.end) < 0) throw new Error(`Hạn báo cáo kết quả phải từ ngày kết thúc đợt trở đi / the results day cannot be before the campaign's end (${toIsoDate(run.end)})`);
        if (compareDates(day, localDateOf(new Date())) < 0) throw new Error('Hạn báo cáo kết quả đã qua / the results day is in the past');
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
    let steps = campaignSteps(run, policy, calendar, { after: plannedFrom });
    let seenMoves = 0;
    for (let i = 0; i < steps.length; i += 1) {
      const step = steps[i]!;
      const isResults = step.key.startsWith('results-');
      const message: StepMessage = {
        key: isResults && resultsMoves > 0 ? `${step.key}@${toIsoDate(run.resultsDue)}` : step.key,
        kind: step.kind,
        sendAt: step.sendAt.toISOString(),
        audience: [...step.audience],
        explanation: step.explanation,
      };
      if (resultsIn && isResults) break;
      await activities.noteCampaignStep({ runId, nextStep: message });
      let delayMs = step.sendAt.getTime() - Date.now();
      if (delayMs <= 0 && patched('no-night-sending')) {
        // Late (a worker was down across the instant): at once in working hours, else the next working morning.
        delayMs = nextSendingInstant(new Date(), policy, calendar).getTime() - Date.now();
      }
      if (delayMs > 0) await condition(() => (resultsIn && isResults) || resultsMoves !== seenMoves, delayMs);
      if (resultsIn && isResults) break;
      if (resultsMoves !== seenMoves) {
        // The results day moved: the other steps stay, the results steps are planned anew from now.
        seenMoves = resultsMoves;
        steps = [...steps.slice(i).filter((s) => !s.key.startsWith('results-')), ...resultsStepsFrom(new Date())];
        steps.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
        i = -1;
        continue;
      }
      await activities.sendCampaignStep({ runId, step: message });
    }
    await activities.noteCampaignStep({ runId, nextStep: null });
  }
  stepsDone = true;
  // A results report being recorded, and its acknowledgement, finish before the next year's run takes over.
  await condition(allHandlersFinished);
  await Promise.all(deliveries);
  const next = runs[runs.indexOf(run) + 1];
  if (next) await continueAsNew<typeof campaignWorkflow>({ ...input, fromYear: next.year });
  return { years: runs.map((r) => r.year) };
}
