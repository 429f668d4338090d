// An agency's reply by email (docs/reply-by-email.md): the intake behind the inbound SMTP
// listener (src/mail/inbound-smtp.ts) and, in development, the SMTP catcher.
//
// A reply is recorded on its own only when all of these hold: its reply address carries a
// token signed under HBC_LINK_KEYS, unexpired and issued after the deadline's last link
// revocation (src/stores/reply-token.ts); its From address is one of the deadline's agency's
// contacts or its head; and it carries at least one acceptable file (report-files: type by
// content, size-capped). The report then goes the way a link's does (recordSubmission, the
// workflow's Update, the receipt through the outbox), channel 'email', with the FIRST
// acceptable attachment as its file (a report is one document; the others stay listed on
// the reply's row). Anything else is never recorded on its own: it waits in the review queue
// of the organisation it can be traced to. Idempotent by Message-ID.
import { createHash, randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { can, type LinkPrincipal } from '../auth/policy';
import { stripQuotedReply } from '../domain/reply-text';
import type { StoredFile } from '../schemas/deadline.schemas';
import { replyTokenIn, verifyReplyToken, type ReplyAddressSettings } from '../stores/reply-token';
import { loadResources } from './access';
import type { Actor } from './audit';
import { recordSubmission } from './deadline-updates';
import type { ServiceDeps } from './deps';
import { ServiceError } from './errors';
import { storeReportFile, type ReportFileOptions } from './report-files';

export interface ReplySettings extends ReportFileOptions, ReplyAddressSettings {
  /** HBC_LINK_KEYS: any verifies a token. */
  keys: readonly string[];
}

export type ReviewReason =
  | 'no-token'
  | 'malformed-token'
  | 'forged-token'
  | 'expired-token'
  | 'revoked-token'
  | 'unknown-sender'
  | 'no-file'
  | 'not-recorded';

export type IntakeOutcome =
  | { outcome: 'recorded'; replyId: string; receiptNumber: string }
  | { outcome: 'review'; replyId: string; reason: ReviewReason; organisationId: string | null }
  | { outcome: 'duplicate'; replyId: string };

export interface Envelope {
  from: string;
  to: string[];
}

/** Notes longer than the report's note field allows are cut (the whole text stays in the mail server's copy). */
const NOTE_MAX = 2000;

/** A line for the operator's log: nothing a sender typed but the address, cut short. */
export type IntakeLog = (line: string) => void;

/**
 * Takes one received message. Throws only when it could not decide (the database or
 * Temporal unavailable): the SMTP side then answers 451 and the sending server retries.
 */
export async function receiveReply(deps: ServiceDeps, settings: ReplySettings, raw: Buffer, envelope: Envelope, log: IntakeLog = () => undefined): Promise<IntakeOutcome> {
  const mail = await simpleParser(raw);
  const messageId = (mail.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`).slice(0, 500);
  const seen = await deps.db.inboundReply.findUnique({ where: { messageId }, select: { id: true } });
  if (seen) return { outcome: 'duplicate', replyId: seen.id };

  const from = (mail.from?.value[0]?.address ?? envelope.from).trim().toLowerCase();
  const now = deps.clock();
  const judged = await judge(deps, settings, mail, envelope, from, now);
  const { stored, refused } = await storeAttachments(settings, mail);
  const note = stripQuotedReply(mail.text ?? '').slice(0, NOTE_MAX);
  const id = randomUUID();
  const row = {
    id,
    messageId,
    receivedAt: now,
    organisationId: judged.organisationId,
    deadlineId: judged.deadlineId,
    fromAddress: from.slice(0, 320),
    subject: (mail.subject ?? '').slice(0, 500),
    note,
    attachments: JSON.stringify(stored),
    refused: JSON.stringify(refused),
  };
  const review = async (reason: ReviewReason, detail?: string): Promise<IntakeOutcome> => {
    const created = await claimRow(deps, { ...row, status: 'pending', reason, reasonDetail: detail ?? null });
    if (!created) return duplicateOf(deps, messageId);
    if (!judged.organisationId) log(`reply ${messageId} from ${from}: ${reason}; no organisation to review it (kept as InboundReply ${id})`);
    return { outcome: 'review', replyId: id, reason, organisationId: judged.organisationId };
  };
  if (!judged.ok) return review(judged.reason);
  const file = stored[0];
  if (!file) return review('no-file', refused.map((r) => `${r.name}: ${r.problem}`).join('; ') || undefined);

  // Claimed first (unique Message-ID): the same mail delivered twice at once records once.
  if (!(await claimRow(deps, { ...row, status: 'assigning', reason: null, reasonDetail: null }))) return duplicateOf(deps, messageId);
  const actor: Actor = { principal: judged.principal, ip: null };
  try {
    const receipt = await recordSubmission(
      deps,
      actor,
      judged.deadlineId,
      { submittedBy: judged.senderName, note: note || undefined, channel: 'email' },
      { file },
    );
    await deps.db.inboundReply.update({ where: { id }, data: { status: 'recorded', receiptNumber: receipt.receiptNumber ?? null } });
    return { outcome: 'recorded', replyId: id, receiptNumber: receipt.receiptNumber ?? '' };
  } catch (err) {
    if (!(err instanceof ServiceError) || err.code === 'unavailable') {
      // Undecided (Temporal or the database away): forget the claim, so the sending server's retry is taken afresh.
      await deps.db.inboundReply.delete({ where: { id } });
      throw err;
    }
    // Refused by the deadline itself (already recorded, waived): a person looks at it.
    await deps.db.inboundReply.update({ where: { id }, data: { status: 'pending', reason: 'not-recorded', reasonDetail: err.messageVi.slice(0, 500) } });
    return { outcome: 'review', replyId: id, reason: 'not-recorded', organisationId: judged.organisationId };
  }
}

type Judgement =
  | { ok: true; deadlineId: string; organisationId: string; principal: LinkPrincipal; senderName: string }
  | { ok: false; reason: ReviewReason; deadlineId: string | null; organisationId: string | null };

async function judge(deps: ServiceDeps, settings: ReplySettings, mail: ParsedMail, envelope: Envelope, from: string, now: Date): Promise<Judgement> {
  const token = replyTokenIn(settings, [...envelope.to, ...addressesOf(mail.to), ...addressesOf(mail.cc)]);
  const bySender = async (reason: ReviewReason): Promise<Judgement> => ({ ok: false, reason, deadlineId: null, organisationId: await organisationOfSender(deps, from) });
  if (!token) return bySender('no-token');
  const check = verifyReplyToken(settings.keys, token, now);
  if (!check.ok && check.reason !== 'expired') return bySender(check.reason === 'forged' ? 'forged-token' : 'malformed-token');
  const address = await deps.db.replyAddress.findUnique({
    where: { handle: check.claims.handle },
    select: { deadline: { select: { id: true, obligation: { select: { agency: { include: { contacts: true } }, plan: { select: { organisationId: true } } } } } } },
  });
  if (!address) return bySender('forged-token');
  const deadline = address.deadline;
  const organisationId = deadline.obligation.plan.organisationId;
  const refused = (reason: ReviewReason): Judgement => ({ ok: false, reason, deadlineId: deadline.id, organisationId });
  // Expired but genuine: the signature holds, so its reply waits on the deadline it was for.
  if (!check.ok) return refused('expired-token');
  const revoked = await deps.db.agencyLinkRevocation.findFirst({ where: { deadlineId: deadline.id, revokedAt: { gte: check.claims.issuedAt } } });
  if (revoked) return refused('revoked-token');
  const agency = deadline.obligation.agency;
  const contact = agency.contacts.find((c) => c.email.trim().toLowerCase() === from);
  const isHead = agency.headEmail?.trim().toLowerCase() === from;
  if (!contact && !isHead) return refused('unknown-sender');
  const principal: LinkPrincipal = {
    kind: 'link',
    id: createHash('sha256').update(token).digest('hex').slice(0, 16),
    label: `Thư trả lời của ${agency.name} (${from})`,
    organisationId,
    agencyId: agency.id,
    deadlineId: deadline.id,
  };
  // The table decides, as for a link: the token's holder reports on its one deadline.
  const [place] = await loadResources(deps, 'deadline', deadline.id);
  if (!place || !can(principal, 'deadline.submit', place)) return refused('unknown-sender');
  return { ok: true, deadlineId: deadline.id, organisationId, principal, senderName: (contact?.name ?? agency.headName ?? from).slice(0, 200) };
}

/** The organisation whose agencies list `from` as a contact or head, when exactly one does. */
async function organisationOfSender(deps: ServiceDeps, from: string): Promise<string | null> {
  if (!from) return null;
  const agencies = await deps.db.agency.findMany({
    where: { OR: [{ headEmail: { equals: from } }, { contacts: { some: { email: { equals: from } } } }] },
    select: { organisationId: true },
  });
  const organisations = [...new Set(agencies.map((a) => a.organisationId))];
  return organisations.length === 1 ? organisations[0]! : null;
}

function addressesOf(field: ParsedMail['to']): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

interface RefusedFile {
  name: string;
  problem: string;
}

/** Every attachment through report-files (inline pictures of a signature are not attachments). */
async function storeAttachments(settings: ReplySettings, mail: ParsedMail): Promise<{ stored: StoredFile[]; refused: RefusedFile[] }> {
  const stored: StoredFile[] = [];
  const refused: RefusedFile[] = [];
  for (const a of mail.attachments) {
    if (a.related) continue;
    const name = a.filename ?? 'tep-dinh-kem';
    try {
      stored.push(await storeReportFile(settings, a.content, name));
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      refused.push({ name: name.slice(0, 255), problem: [err.messageVi, ...err.details].join(': ').slice(0, 300) });
    }
  }
  return { stored, refused };
}

type NewRow = Parameters<ServiceDeps['db']['inboundReply']['create']>[0]['data'];

/** Creates the reply's row; false when a row with its Message-ID exists (the same mail again). */
async function claimRow(deps: ServiceDeps, data: NewRow): Promise<boolean> {
  try {
    await deps.db.inboundReply.create({ data });
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') return false;
    throw err;
  }
}

async function duplicateOf(deps: ServiceDeps, messageId: string): Promise<IntakeOutcome> {
  const row = await deps.db.inboundReply.findUniqueOrThrow({ where: { messageId }, select: { id: true } });
  return { outcome: 'duplicate', replyId: row.id };
}
