// The email one step of one deadline gets, whether sent alone, inside a digest, or by hand:
// composed at delivery time from the database, so it says what is true when it leaves.
import type { StepMessage } from '../src/contract/messages';
import { formatInstantIn, type Language } from '../src/domain/language';
import { localDateOf, parseIsoDate } from '../src/domain/local-date';
import { currentCalendar } from '../src/stores/calendar.store';
import { lateAgencies } from '../src/stores/late-agencies';
import { progressLine, rollUpProgress } from '../src/stores/rollup-progress';
import type { DeadlineContext } from '../src/stores/deadline-context';
import { agencyLinkFor } from './agency-link';
import type { ActivityDeps } from './deps';
import { composeDeadlineEmail, type EmailKind } from './email/deadline-email';
import { lateAgencyLines } from './email/late-agency-lines';

/** A step delivered more than this after its planned instant says that it is late. */
const LATE_NOTE_AFTER_MS = 60 * 60_000;

/**
 * `recipient`: who the email is for (an agency's own people get its signed link);
 * `language`: the one that recipient reads (src/stores/email-language.ts).
 */
export async function composeStepEmail(deps: ActivityDeps, ctx: DeadlineContext, step: StepMessage, kind: EmailKind, note?: string, recipient?: string, language: Language = 'vi') {
  const now = deps.clock();
  const extraLines: string[] = [];
  // The coordinator's own upward report says how far the agencies' reports have come.
  if (ctx.obligation.kind === 'rollup') extraLines.push(progressLine(await rollUpProgress(deps.db, ctx.plan.id, ctx.deadline.periodKey), language));
  // An escalation tells the coordinator's head and leadership about every late agency of
  // the plan and period, not only this one (DOMAIN.md: leadership acts on the list), as of
  // the step's planned instant so a retried step says the same thing.
  if (kind === 'escalation') extraLines.push(...lateAgencyLines(await lateAgencies(deps.db, ctx.plan.id, ctx.deadline.periodKey, new Date(step.sendAt)), language));
  // Never silently late: a step that leaves well after its planned instant (a worker was
  // down, the night rule held it) says when it was meant to go.
  if (kind !== 'manual' && now.getTime() - new Date(step.sendAt).getTime() > LATE_NOTE_AFTER_MS) {
    const planned = formatInstantIn(new Date(step.sendAt), language);
    extraLines.push(language === 'en' ? `(This email is later than planned; it was due to leave at ${planned}.)` : `(Thư này gửi muộn so với lịch; dự kiến gửi lúc ${planned}.)`);
  }
  const lastDay = parseIsoDate(ctx.deadline.lastDay);
  const overdueWorkingDays = currentCalendar().workingDaysBetween(lastDay, localDateOf(now));
  return composeDeadlineEmail(kind, ctx, { publicUrl: deps.publicUrl, note, extraLines, overdueWorkingDays, agencyLink: agencyLinkFor(deps, ctx, recipient, language), language });
}
