// The coordinators' review queue of replies by email (src/services/inbound-replies.ts puts
// there what it may not record on its own). A coordinator or administrator of the reply's
// organisation assigns it to a deadline of that organisation, which records the report as
// that person with channel 'email' and the reply's first stored file, or rejects it with a
// reason. Each decision is audited. A decision is claimed first (pending -> assigning, a
// conditional update), so two people deciding at once decide once.
import { z } from 'zod';
import type { Principal } from '../auth/policy';
import { storedFileSchema, type StoredFile } from '../schemas/deadline.schemas';
import { loadResources, scopeFor } from './access';
import { appendAudit, type Actor } from './audit';
import { recordSubmission } from './deadline-updates';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';

export const REPLY_STATUSES = ['pending', 'assigning', 'assigned', 'rejected', 'recorded'] as const;

export const replySummarySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  organisationId: z.string().nullable(),
  deadlineId: z.string().nullable(),
  deadlineTitle: z.string().nullable(),
  fromAddress: z.string(),
  subject: z.string(),
  note: z.string(),
  attachments: z.array(storedFileSchema),
  refused: z.array(z.object({ name: z.string(), problem: z.string() })),
  reason: z.string().nullable(),
  reasonDetail: z.string().nullable(),
  status: z.enum(REPLY_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  receiptNumber: z.string().nullable(),
});
export type ReplySummary = z.infer<typeof replySummarySchema>;

export const listRepliesQuerySchema = z.object({
  status: z.enum(REPLY_STATUSES).optional(),
});

export const assignReplyBodySchema = z.object({
  deadlineId: z.string().trim().min(1, 'bắt buộc / required').max(300),
});
export const rejectReplyBodySchema = z.object({
  reason: z.string().trim().min(1, 'bắt buộc / required').max(2000),
});

/** Vietnamese words for why a reply waits (the page shows them). */
export const REVIEW_REASONS_VI: Record<string, string> = {
  'no-token': 'Thư không gửi tới địa chỉ trả lời của một hạn báo cáo',
  'malformed-token': 'Địa chỉ trả lời bị sửa, không đọc được',
  'forged-token': 'Địa chỉ trả lời không do hệ thống cấp (giả mạo hoặc bị sửa)',
  'expired-token': 'Địa chỉ trả lời đã hết hạn',
  'revoked-token': 'Liên kết của hạn này đã bị thu hồi sau khi thư được gửi',
  'unknown-sender': 'Người gửi không có trong danh sách liên hệ của đơn vị',
  'no-file': 'Thư không kèm tệp báo cáo hợp lệ',
  'not-recorded': 'Hạn báo cáo không nhận báo cáo này (đã ghi nhận hoặc đã miễn)',
};

type Row = Awaited<ReturnType<ServiceDeps['db']['inboundReply']['findMany']>>[number] & { deadline: { periodLabel: string; obligation: { title: string; ruleText: string; agency: { name: string } } } | null };

function summary(r: Row): ReplySummary {
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    organisationId: r.organisationId,
    deadlineId: r.deadlineId,
    deadlineTitle: r.deadline ? deadlineLabel(r.deadline) : null,
    fromAddress: r.fromAddress,
    subject: r.subject,
    note: r.note,
    attachments: JSON.parse(r.attachments) as StoredFile[],
    refused: JSON.parse(r.refused) as { name: string; problem: string }[],
    reason: r.reason,
    reasonDetail: r.reasonDetail,
    status: r.status as ReplySummary['status'],
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    receiptNumber: r.receiptNumber,
  };
}

const withDeadline = { deadline: { select: { periodLabel: true, obligation: { select: { title: true, ruleText: true, agency: { select: { name: true } } } } } } } as const;

/** "Trạm Y tế xã: Báo cáo đột xuất ... – Năm 2026" (a periodic obligation is named by its rule). */
function deadlineLabel(d: { periodLabel: string; obligation: { title: string; ruleText: string; agency: { name: string } } }): string {
  return `${d.obligation.agency.name}: ${d.obligation.title || d.obligation.ruleText} – ${d.periodLabel}`;
}

/** The replies of the organisations the principal may read the queue of, newest first (pending ones by default). */
export async function listReplies(deps: ServiceDeps, principal: Principal, query: unknown): Promise<ReplySummary[]> {
  const { status } = parseBody(listRepliesQuerySchema, query);
  const scope = await scopeFor(deps, principal, 'reply.read');
  const rows = await deps.db.inboundReply.findMany({
    where: { organisationId: { in: scope.organisationIds }, status: status ?? 'pending' },
    include: withDeadline,
    orderBy: { receivedAt: 'desc' },
    take: 500,
  });
  return rows.map(summary);
}

/** Open deadlines of the reply's organisation, for the page's choice (the agency's of the sender first is not guessed). */
export async function assignableDeadlines(deps: ServiceDeps, organisationIds: string[]): Promise<{ id: string; organisationId: string; label: string }[]> {
  const rows = await deps.db.deadline.findMany({
    where: { status: 'open', obligation: { plan: { organisationId: { in: organisationIds } } } },
    select: { id: true, periodLabel: true, obligation: { select: { title: true, ruleText: true, agency: { select: { name: true } }, plan: { select: { organisationId: true } } } } },
    orderBy: { dueAt: 'asc' },
    take: 500,
  });
  return rows.map((d) => ({ id: d.id, organisationId: d.obligation.plan.organisationId, label: deadlineLabel(d) }));
}

async function claim(deps: ServiceDeps, id: string): Promise<NonNullable<Awaited<ReturnType<typeof findReply>>>> {
  const reply = await findReply(deps, id);
  if (!reply) throw new ServiceError('not-found', 'Không tìm thấy thư trả lời', 'No such reply', [id]);
  const taken = await deps.db.inboundReply.updateMany({ where: { id, status: 'pending' }, data: { status: 'assigning' } });
  if (taken.count !== 1) throw decided(reply.status);
  return reply;
}

const decided = (status: string) => new ServiceError('conflict', 'Thư này đã được xử lý', 'This reply was already decided', [`status: ${status}`]);

const findReply = (deps: ServiceDeps, id: string) => deps.db.inboundReply.findUnique({ where: { id } });
const labelOf = (actor: Actor) => (actor.principal.kind === 'anonymous' ? '' : actor.principal.label);

/** Records the reply as the report of a deadline of its organisation, as the deciding person. */
export async function assignReply(deps: ServiceDeps, actor: Actor, id: string, body: unknown): Promise<ReplySummary> {
  const { deadlineId } = parseBody(assignReplyBodySchema, body);
  const existing = await findReply(deps, id);
  const [place] = await loadResources(deps, 'deadline', deadlineId);
  if (existing && (!place || place.organisationId !== existing.organisationId)) {
    throw new ServiceError('invalid-input', 'Hạn báo cáo không thuộc tổ chức của thư này', "The deadline is not one of this reply's organisation", [`deadlineId: ${deadlineId}`]);
  }
  const reply = await claim(deps, id);
  const file = (JSON.parse(reply.attachments) as StoredFile[])[0];
  let receiptNumber: string | null;
  try {
    const receipt = await recordSubmission(deps, actor, deadlineId, { submittedBy: reply.fromAddress.slice(0, 200), note: reply.note || undefined, channel: 'email' }, file ? { file } : {});
    receiptNumber = receipt.receiptNumber ?? null;
  } catch (err) {
    await deps.db.inboundReply.update({ where: { id }, data: { status: 'pending' } });
    throw err;
  }
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    await tx.inboundReply.update({ where: { id }, data: { status: 'assigned', deadlineId, decidedBy: labelOf(actor), decidedAt: now, receiptNumber } });
    await appendAudit(tx, now, actor, { action: 'reply.decide', organisationId: reply.organisationId, subjectType: 'reply', subjectId: id, before: { status: 'pending', deadlineId: reply.deadlineId }, after: { status: 'assigned', deadlineId, receiptNumber } });
  });
  return summary((await deps.db.inboundReply.findUniqueOrThrow({ where: { id }, include: withDeadline })) as Row);
}

/** Sets the reply aside with a reason; nothing is recorded. */
export async function rejectReply(deps: ServiceDeps, actor: Actor, id: string, body: unknown): Promise<ReplySummary> {
  const { reason } = parseBody(rejectReplyBodySchema, body);
  const reply = await findReply(deps, id);
  if (!reply) throw new ServiceError('not-found', 'Không tìm thấy thư trả lời', 'No such reply', [id]);
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    const taken = await tx.inboundReply.updateMany({ where: { id, status: 'pending' }, data: { status: 'rejected', rejectReason: reason, decidedBy: labelOf(actor), decidedAt: now } });
    if (taken.count !== 1) throw decided(reply.status);
    await appendAudit(tx, now, actor, { action: 'reply.decide', organisationId: reply.organisationId, subjectType: 'reply', subjectId: id, before: { status: 'pending' }, after: { status: 'rejected', reason } });
  });
  return summary((await deps.db.inboundReply.findUniqueOrThrow({ where: { id }, include: withDeadline })) as Row);
}
