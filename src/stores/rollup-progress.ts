// How many agencies have reported for one plan and period: what the coordinator's own
// upward report (an obligation of kind "rollup") shows, in its emails and on the dashboard.
// Waived periods are not expected; ad-hoc requests and other roll-ups do not count.
import type { Db } from '../db';

export interface RollUpProgress {
  reported: number;
  expected: number;
  /** Agencies still to report, by name. */
  missing: string[];
}

export async function rollUpProgress(db: Db, planId: string, periodKey: string): Promise<RollUpProgress> {
  const rows = await db.deadline.findMany({
    where: { periodKey, status: { notIn: ['waived', 'before-tracking'] }, obligation: { planId, kind: 'periodic' } },
    include: { obligation: { include: { agency: true } } },
  });
  const missing = rows.filter((r) => r.status !== 'submitted').map((r) => r.obligation.agency.name);
  return { reported: rows.length - missing.length, expected: rows.length, missing: [...new Set(missing)].sort((a, b) => a.localeCompare(b, 'vi')) };
}

/** "Đã nhận báo cáo của 7/9 đơn vị; còn thiếu: Công an xã, Trạm Y tế xã." */
export function progressLine(p: RollUpProgress, language: 'vi' | 'en' = 'vi'): string {
  if (language === 'en') return `Reports received from ${p.reported}/${p.expected} agencies${p.missing.length ? `; still missing: ${p.missing.join(', ')}` : ''}.`;
  return `Đã nhận báo cáo của ${p.reported}/${p.expected} đơn vị${p.missing.length ? `; còn thiếu: ${p.missing.join(', ')}` : ''}.`;
}
