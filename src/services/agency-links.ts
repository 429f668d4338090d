// An agency reports through the signed link of its emails, without an account.
//
// Opening a link checks, in order: its signature under one of the configured keys and its
// expiry (src/stores/signed-link.ts), the coordinator's revocations of that deadline, and
// then the policy table itself (src/auth/policy.ts): the link's holder is a principal of
// its own, which may report on its one deadline and read its agency's deadlines. A link
// naming a deadline of another agency fails that last check. Nothing here writes anything
// but the report itself, which goes the way the coordinator's does (recordSubmission: the
// workflow's Update, then the receipt through the outbox).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, type LinkPrincipal } from '../auth/policy';
import { compareDates, localDateOf, parseIsoDate } from '../domain/local-date';
import type { SubmissionReceipt } from '../contract/messages';
import { isoDaySchema } from '../schemas/calendar.schemas';
import { verifyLink } from '../stores/signed-link';
import { loadResources } from './access';
import { appendAudit, type Actor } from './audit';
import { recordSubmission } from './deadline-updates';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';
import { listDeadlines, type DeadlineView } from './list-deadlines';
import { storeReportFile, type ReportFileOptions } from './report-files';
import { formNonceValid } from './link-form-nonce';

export interface LinkSettings extends ReportFileOptions {
  /** HBC_LINK_KEYS: the first signs, any verifies. */
  keys: readonly string[];
}

/** Why a link is refused; each has its page (src/web/agency/refusal-page.tsx). */
export type LinkRefusal = 'malformed' | 'forged' | 'expired' | 'revoked' | 'other-agency';

export interface OpenLink {
  principal: LinkPrincipal;
  deadline: DeadlineView;
  agencyName: string;
  organisationName: string;
  /** The report recorded in the deadline's current round, if any. */
  current: { receiptNumber: string | null; submittedAt: string; documentNumber: string | null } | null;
}

export type LinkOpening = { ok: true; link: OpenLink } | { ok: false; reason: LinkRefusal; linkId?: string; deadlineId?: string };

/** Checks a link and says whose it is, or why it is refused. Reads only. */
export async function openAgencyLink(deps: ServiceDeps, settings: LinkSettings, token: string): Promise<LinkOpening> {
  const check = verifyLink(settings.keys, token, deps.clock());
  if (!check.ok) return { ok: false, reason: check.reason };
  const { claims, id } = check;
  const refused = (reason: LinkRefusal): LinkOpening => ({ ok: false, reason, linkId: id, deadlineId: claims.deadlineId });
  const revoked = await deps.db.agencyLinkRevocation.findFirst({ where: { deadlineId: claims.deadlineId, revokedAt: { gte: claims.issuedAt } } });
  if (revoked) return refused('revoked');
  const agency = await deps.db.agency.findUnique({ where: { id: claims.agencyId }, include: { organisation: true } });
  const [place] = await loadResources(deps, 'deadline', claims.deadlineId);
  if (!agency || !place) return refused('other-agency');
  const principal: LinkPrincipal = {
    kind: 'link',
    id,
    label: `Liên kết của ${agency.name}`,
    organisationId: agency.organisationId,
    agencyId: agency.id,
    deadlineId: claims.deadlineId,
  };
  // The table decides: a link names one deadline of its own agency, or it is not this deadline's.
  if (!can(principal, 'deadline.submit', place)) return refused('other-agency');
  const [deadline] = await listDeadlines(deps.db, deps.clock(), { id: claims.deadlineId });
  const row = await deps.db.deadline.findUniqueOrThrow({ where: { id: claims.deadlineId }, select: { round: true } });
  const submission = await deps.db.submission.findUnique({ where: { deadlineId_round: { deadlineId: claims.deadlineId, round: row.round } } });
  return {
    ok: true,
    link: {
      principal,
      deadline: deadline!,
      agencyName: agency.name,
      organisationName: agency.organisation.name,
      current: submission && { receiptNumber: submission.receiptNumber, submittedAt: submission.submittedAt.toISOString(), documentNumber: submission.documentNumber },
    },
  };
}

/** The principal of a link that holds, or null (the API's `authorization: Link` header). */
export async function linkPrincipal(deps: ServiceDeps, settings: LinkSettings, token: string): Promise<LinkPrincipal | null> {
  const opened = await openAgencyLink(deps, settings, token);
  return opened.ok ? opened.link.principal : null;
}

/** The form behind a link, as it is posted (multipart with a file, or JSON with a link). */
export const linkReportFormSchema = z.object({
  submittedBy: z.string().trim().min(1, 'bắt buộc / required').max(200),
  documentNumber: z.string().trim().min(1, 'bắt buộc / required').max(100),
  documentDate: isoDaySchema,
  link: z.union([z.literal(''), z.url().max(2000)]).optional(),
  note: z.string().trim().max(2000).optional(),
  /** The page's nonce (src/services/link-form-nonce.ts): the POST comes from a page this server rendered. */
  nonce: z.string().max(200),
});
export type LinkReportForm = z.infer<typeof linkReportFormSchema>;

export interface AttachedFile {
  bytes: Buffer;
  name: string;
}

/**
 * Records the report posted from a link's confirmation page. The file, if any, is checked
 * and stored first (by content hash: a refused report leaves at most an orphan blob, never
 * a row); a report needs a file or a link to it.
 */
export async function recordReportByLink(
  deps: ServiceDeps,
  settings: LinkSettings,
  link: OpenLink,
  ip: string | null,
  form: unknown,
  file: AttachedFile | null,
): Promise<SubmissionReceipt> {
  const parsed = parseBody(linkReportFormSchema, form);
  if (!formNonceValid(settings.keys, parsed.nonce, deps.clock())) {
    throw new ServiceError('invalid-input', 'Trang xác nhận đã cũ; hãy mở lại liên kết trong thư và gửi lại', 'The confirmation page is stale: open the link from the email again and resend', ['nonce']);
  }
  const documentDay = parseIsoDate(parsed.documentDate);
  if (compareDates(documentDay, localDateOf(deps.clock())) > 0) {
    throw new ServiceError('invalid-input', 'Ngày văn bản chưa đến', 'The document is dated on a day still to come', [`documentDate: ${parsed.documentDate}`]);
  }
  const url = parsed.link || undefined;
  if (!file && !url) {
    throw new ServiceError('invalid-input', 'Hãy đính kèm tệp báo cáo hoặc ghi liên kết tới báo cáo', 'Attach the report file or give a link to it', ['file, link']);
  }
  const stored = file ? await storeReportFile(settings, file.bytes, file.name) : undefined;
  const actor: Actor = { principal: link.principal, ip };
  return recordSubmission(
    deps,
    actor,
    link.principal.deadlineId,
    // Through its own link, on line: the board counts it with the other online reports.
    { submittedBy: parsed.submittedBy, documentNumber: parsed.documentNumber, note: parsed.note || undefined, link: url, channel: 'online' },
    { documentDate: parsed.documentDate, ...(stored && { file: stored }) },
  );
}

export const revokeLinksBodySchema = z.object({
  reason: z.string().trim().max(2000).optional(),
});

/**
 * Withdraws every link of a deadline issued until now (a link forwarded to the wrong
 * person, a clerk who left). Emails sent afterwards carry new links, which work.
 */
export async function revokeAgencyLinks(deps: ServiceDeps, actor: Actor, deadlineId: string, body: unknown): Promise<{ revokedAt: string }> {
  const parsed = parseBody(revokeLinksBodySchema, body);
  const deadline = await deps.db.deadline.findUnique({ where: { id: deadlineId }, include: { obligation: { select: { plan: { select: { organisationId: true } } } } } });
  if (!deadline) throw new ServiceError('not-found', 'Không tìm thấy hạn báo cáo', 'Deadline not found', [deadlineId]);
  const revokedAt = deps.clock();
  const by = actor.principal.kind === 'anonymous' ? '' : actor.principal.label;
  await deps.db.$transaction(async (tx) => {
    await tx.agencyLinkRevocation.create({ data: { id: randomUUID(), deadlineId, revokedAt, revokedBy: by, reason: parsed.reason || null } });
    await tx.deadlineEvent.create({ data: { deadlineId, at: revokedAt, type: 'links-revoked', payload: JSON.stringify({ by, ...(parsed.reason && { reason: parsed.reason }) }) } });
    await appendAudit(tx, revokedAt, actor, {
      action: 'deadline.links',
      organisationId: deadline.obligation.plan.organisationId,
      subjectType: 'deadline',
      subjectId: deadlineId,
      after: { revokedAt: revokedAt.toISOString(), reason: parsed.reason ?? null },
    });
  });
  return { revokedAt: revokedAt.toISOString() };
}
