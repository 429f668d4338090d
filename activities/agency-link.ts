// The signed link an email to an agency carries (src/stores/signed-link.ts): composed when
// the email leaves, for recipients of the deadline's own agency only (its contacts and
// head). The coordinator, heads and leadership in copy get the dashboard link instead: a
// link is the agency's credential, not theirs to forward.
import { DEVELOPMENT_LINK_KEY } from '../src/config';
import { addDays, formatViDate, parseIsoDate } from '../src/domain/local-date';
import type { DeadlineContext } from '../src/stores/deadline-context';
import { agencyLinkUrl, linkExpiry, LINK_VALID_DAYS_AFTER_LAST_DAY, signLink } from '../src/stores/signed-link';
import type { ActivityDeps } from './deps';

export function agencyLinkFor(deps: ActivityDeps, ctx: DeadlineContext, recipient: string | undefined): { url: string; expiresOn: string } | undefined {
  if (!recipient) return undefined;
  const to = recipient.trim().toLowerCase();
  const ofAgency = ctx.agency.contacts.some((c) => c.email.trim().toLowerCase() === to) || ctx.agency.headEmail?.trim().toLowerCase() === to;
  if (!ofAgency) return undefined;
  const token = signLink(deps.linkKeys ?? [DEVELOPMENT_LINK_KEY], {
    agencyId: ctx.agency.id,
    deadlineId: ctx.deadline.id,
    issuedAt: deps.clock(),
    expiresAt: linkExpiry(ctx.deadline.lastDay),
  });
  const lastValidDay = addDays(parseIsoDate(ctx.deadline.lastDay), LINK_VALID_DAYS_AFTER_LAST_DAY);
  return { url: agencyLinkUrl(deps.publicUrl, token), expiresOn: formatViDate(lastValidDay) };
}
