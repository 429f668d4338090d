// The signed link an email to an agency carries (src/stores/signed-link.ts): composed when
// the email leaves, for recipients of the deadline's own agency only (its contacts and
// head). The coordinator, heads and leadership in copy get the dashboard link instead: a
// link is the agency's credential, not theirs to forward.
import { DEVELOPMENT_LINK_KEY, DEVELOPMENT_REPLY_ADDRESS } from '../src/config';
import { addDays, formatViDate, parseIsoDate } from '../src/domain/local-date';
import type { Language } from '../src/domain/language';
import type { DeadlineContext } from '../src/stores/deadline-context';
import { agencyLinkUrl, linkExpiry, LINK_VALID_DAYS_AFTER_LAST_DAY, signLink } from '../src/stores/signed-link';
import { replyAddress, replyHandleOf, signReplyToken } from '../src/stores/reply-token';
import type { ActivityDeps } from './deps';

function ofAgency(ctx: DeadlineContext, recipient: string | undefined): boolean {
  if (!recipient) return false;
  const to = recipient.trim().toLowerCase();
  return ctx.agency.contacts.some((c) => c.email.trim().toLowerCase() === to) || ctx.agency.headEmail?.trim().toLowerCase() === to;
}

/**
 * `language`: the recipient's. An English email's link passes through GET /lang/en, which sets
 * the page language (the `hbc_lang` cookie) and goes on to the link's page: the pages behind
 * a link then read English, as the email did, with no language in the signed token.
 */
export function agencyLinkFor(deps: ActivityDeps, ctx: DeadlineContext, recipient: string | undefined, language: Language = 'vi'): { url: string; expiresOn: string } | undefined {
  if (!ofAgency(ctx, recipient)) return undefined;
  const token = signLink(deps.linkKeys ?? [DEVELOPMENT_LINK_KEY], {
    agencyId: ctx.agency.id,
    deadlineId: ctx.deadline.id,
    issuedAt: deps.clock(),
    expiresAt: linkExpiry(ctx.deadline.lastDay),
  });
  const lastValidDay = addDays(parseIsoDate(ctx.deadline.lastDay), LINK_VALID_DAYS_AFTER_LAST_DAY);
  const url = agencyLinkUrl(deps.publicUrl, token);
  const english = `${deps.publicUrl}/lang/en?next=${encodeURIComponent(url.slice(deps.publicUrl.length))}`;
  return { url: language === 'en' ? english : url, expiresOn: formatViDate(lastValidDay) };
}

/**
 * The Reply-To of an email to the deadline's own agency (docs/reply-by-email.md): a token
 * address for that deadline, signed and expiring like the link beside it. Others get none
 * (a reply of theirs goes to the sender address as before). Writes the deadline's
 * ReplyAddress row the first time, so the intake can find the deadline from the token.
 */
export async function replyToFor(deps: ActivityDeps, ctx: DeadlineContext, recipient: string | undefined): Promise<string | undefined> {
  if (!ofAgency(ctx, recipient)) return undefined;
  const handle = replyHandleOf(ctx.deadline.id);
  try {
    await deps.db.replyAddress.upsert({ where: { deadlineId: ctx.deadline.id }, update: {}, create: { handle, deadlineId: ctx.deadline.id, createdAt: deps.clock() } });
  } catch (err) {
    // Two emails of the deadline leaving at once: the other one wrote the same row.
    if ((err as { code?: string }).code !== 'P2002') throw err;
  }
  const token = signReplyToken(deps.linkKeys ?? [DEVELOPMENT_LINK_KEY], { handle, issuedAt: deps.clock(), expiresAt: linkExpiry(ctx.deadline.lastDay) });
  return replyAddress(deps.replies ?? DEVELOPMENT_REPLY_ADDRESS, token);
}
