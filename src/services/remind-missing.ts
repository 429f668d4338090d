// "Nhắc tất cả đơn vị chưa báo cáo": one action of the coordinator for a plan and a period,
// carried out as one reminder by hand per open deadline through remindNow, so each keeps its
// own rules (at most one an hour, held for working hours) and its own audit row. A deadline
// reminded within the hour, or closed meanwhile, is skipped and named, not an error.
import { remindMissingBodySchema } from '../schemas/plan-actions.schemas';
import type { Actor } from './audit';
import { remindNow } from './deadline-updates';
import type { ServiceDeps } from './deps';
import { parseBody, ServiceError } from './errors';

export interface RemindMissingResult {
  reminded: { deadlineId: string; agency: string; sendAt: string; held: boolean }[];
  skipped: { deadlineId: string; agency: string; reasonVi: string; reasonEn: string }[];
  /** One sentence for the page: "Đã nhắc 3 đơn vị; bỏ qua 1: …". */
  summaryVi: string;
}

export async function remindMissing(deps: ServiceDeps, actor: Actor, planId: string, input: unknown): Promise<RemindMissingResult> {
  const body = parseBody(remindMissingBodySchema, input);
  const plan = await deps.db.plan.findUnique({ where: { id: planId }, select: { id: true } });
  if (!plan) throw new ServiceError('not-found', 'Không tìm thấy kế hoạch', 'Plan not found', [planId]);
  // Every report an agency owes for the period; the coordinator's own roll-up is not an agency's.
  const open = await deps.db.deadline.findMany({
    where: { periodKey: body.periodKey, status: 'open', obligation: { planId, kind: { not: 'rollup' } } },
    select: { id: true, obligation: { select: { agency: { select: { name: true } } } } },
    orderBy: { id: 'asc' },
  });
  const result: RemindMissingResult = { reminded: [], skipped: [], summaryVi: '' };
  for (const d of open) {
    const agency = d.obligation.agency.name;
    try {
      const r = await remindNow(deps, actor, d.id, { requestedBy: body.requestedBy, ...(body.note ? { note: body.note } : {}) });
      result.reminded.push({ deadlineId: d.id, agency, sendAt: r.sendAt, held: r.held });
    } catch (err) {
      if (!(err instanceof ServiceError) || (err.code !== 'rate-limited' && err.code !== 'conflict')) throw err;
      result.skipped.push({ deadlineId: d.id, agency, reasonVi: err.messageVi, reasonEn: err.messageEn });
    }
  }
  const skipped = result.skipped.length ? `; bỏ qua ${result.skipped.length}: ${result.skipped.map((s) => s.agency).join(', ')} (đã nhắc trong giờ qua hoặc vừa báo cáo)` : '';
  result.summaryVi = open.length ? `Đã nhắc ${result.reminded.length} đơn vị${skipped}.` : 'Không còn đơn vị nào chưa báo cáo trong kỳ này.';
  return result;
}
