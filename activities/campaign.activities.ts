// Side effects of the campaign workflow: the run's row, its notices through the outbox
// (one message per run, step and recipient), and the results report when it arrives.
import { log } from '@temporalio/activity';
import type { CampaignRunToOpen, RecordCampaignResultsBody } from '../src/schemas/campaign.schemas';
import type { Language } from '../src/domain/language';
import { uniqueRecipients, type Recipient } from '../src/stores/deadline-context';
import { emailLanguage, emailLanguages } from '../src/stores/email-language';
import type { ActivityDeps } from './deps';
import { composeCampaignEmail, type CampaignEmailKind } from './email/campaign-email';
import { beat } from './heartbeat';
import { deliverPending, queueNotice, sendOnce } from './outbox';
import type { StepMessage } from '../src/contract/messages';

export interface CampaignActivities {
  openCampaignRun(run: CampaignRunToOpen): Promise<{ runId: string; status: string }>;
  sendCampaignStep(input: { runId: string; step: StepMessage }): Promise<{ sent: number }>;
  noteCampaignStep(input: { runId: string; nextStep: StepMessage | null }): Promise<void>;
  /** Commits the results report and queues the coordinator's acknowledgement; sent by deliverCampaignNotices. */
  recordCampaignResults(input: { runId: string; recordedAt: string; body: RecordCampaignResultsBody }): Promise<void>;
  deliverCampaignNotices(input: { runId: string }): Promise<{ sent: number }>;
  /** The run's results day as the coordinator set it: the emails read it at send time. */
  moveCampaignResults(input: { runId: string; resultsDue: string }): Promise<void>;
}

export function createCampaignActivities(deps: ActivityDeps): CampaignActivities {
  async function loadRun(runId: string) {
    const run = await deps.db.campaignRun.findUniqueOrThrow({ where: { id: runId }, include: { campaign: { include: { plan: true } } } });
    const participantIds = JSON.parse(run.campaign.participants) as string[];
    // Contacts are read at send time: an address changed yesterday is used today.
    const participants = await deps.db.agency.findMany({ where: { id: { in: participantIds } }, include: { contacts: true } });
    const organiser = run.campaign.organiserId
      ? await deps.db.agency.findUnique({ where: { id: run.campaign.organiserId }, include: { contacts: true } })
      : null;
    return { run, participants, organiser };
  }

  function recipients(ctx: Awaited<ReturnType<typeof loadRun>>, audiences: readonly string[]): Recipient[] {
    const people: Recipient[] = [];
    for (const audience of audiences) {
      if (audience === 'agency-contacts') for (const a of ctx.participants) people.push(...a.contacts);
      if (audience === 'agency-head') for (const a of ctx.participants) if (a.headEmail) people.push({ name: a.headName ?? a.headEmail, email: a.headEmail });
      if (audience === 'coordinator' && ctx.organiser) people.push(...ctx.organiser.contacts);
    }
    return uniqueRecipients(people);
  }

  function email(kind: CampaignEmailKind, ctx: Awaited<ReturnType<typeof loadRun>>, language: Language = 'vi') {
    const { run, organiser } = ctx;
    return composeCampaignEmail(kind, {
      planNumber: run.campaign.plan.number,
      planTitle: run.campaign.plan.title,
      campaignName: run.campaign.name,
      year: run.year,
      start: run.start,
      end: run.end,
      resultsDue: run.resultsDue,
      organiser: organiser ? { name: organiser.name, emails: organiser.contacts.map((c) => c.email) } : null,
      publicUrl: deps.publicUrl,
    }, language);
  }

  return {
    async openCampaignRun(r) {
      const id = `${r.campaignId}.${r.year}`;
      const run =
        (await deps.db.campaignRun.findUnique({ where: { id } })) ??
        (await deps.db.campaignRun.create({
          data: { id, campaignId: r.campaignId, year: r.year, start: r.start, end: r.end, resultsDue: r.resultsDue },
        }));
      return { runId: run.id, status: run.status };
    },

    async sendCampaignStep({ runId, step }) {
      const ctx = await loadRun(runId);
      if (ctx.run.status !== 'open') return { sent: 0 };
      const to = recipients(ctx, step.audience);
      // One email per recipient as always (the outbox's key), each in that recipient's language.
      const languages = await emailLanguages(deps.db, to.map((r) => r.email));
      if (to.length === 0) log.warn('no recipients for campaign step', { runId, step: step.key });
      let sent = 0;
      for (const r of to) {
        beat(r.email);
        const composed = email(step.kind as CampaignEmailKind, ctx, languages.get(r.email.trim().toLowerCase()) ?? 'vi');
        const outcome = await sendOnce(deps, {
          key: `${runId}:${step.key}:${r.email.toLowerCase()}`,
          campaignRunId: runId,
          stepKey: step.key,
          to: r.email,
          ...composed,
          headers: { 'X-Hbc-Kind': step.kind, 'X-Hbc-Send-At': step.sendAt },
        });
        if (outcome === 'sent') sent += 1;
      }
      return { sent };
    },

    async noteCampaignStep({ runId, nextStep }) {
      await deps.db.campaignRun.update({
        where: { id: runId },
        data: { nextStepKind: nextStep?.kind ?? null, nextStepAt: nextStep ? new Date(nextStep.sendAt) : null },
      });
    },

    async recordCampaignResults({ runId, body }) {
      const ctx = await loadRun(runId);
      if (ctx.run.status !== 'open') return;
      const subject = email('results-received', ctx).subject;
      const sender = `Người gửi: ${body.submittedBy}${body.documentNumber ? `, số ${body.documentNumber}` : ''}`;
      const senderEn = `Sent by: ${body.submittedBy}${body.documentNumber ? `, document no. ${body.documentNumber}` : ''}`;
      await deps.db.$transaction(async (tx) => {
        await tx.campaignRun.update({ where: { id: runId }, data: { status: 'done', nextStepKind: null, nextStepAt: null } });
        for (const r of recipients(ctx, ['coordinator'])) {
          await queueNotice(tx, deps.clock(), {
            key: `${runId}:results-received:${r.email.toLowerCase()}`,
            campaignRunId: runId,
            stepKey: 'results-received',
            recipient: r.email,
            subject,
            payload: { sender, senderEn },
          });
        }
      });
    },

    async moveCampaignResults({ runId, resultsDue }) {
      await deps.db.campaignRun.update({ where: { id: runId }, data: { resultsDue } });
    },

    async deliverCampaignNotices({ runId }) {
      const results = await deliverPending(deps, { campaignRunId: runId }, async (row) => {
        const language = await emailLanguage(deps.db, row.recipient);
        const composed = email('results-received', await loadRun(runId), language);
        const { sender, senderEn } = JSON.parse(row.payload) as { sender: string; senderEn?: string };
        const line = language === 'en' ? (senderEn ?? sender) : sender;
        return { ...composed, text: `${composed.text}\n\n${line}`, headers: { 'X-Hbc-Kind': 'results-received' } };
      });
      return { sent: results.filter((r) => r.outcome === 'sent').length };
    },
  };
}
