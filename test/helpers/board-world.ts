// A province with two communes and their deadlines in every state the board counts, written
// straight into the database (no workflow runs: the board reads rows, STYLE.md #7). Dates
// are fixed; tests read them with the clock at NOW.
import type { Db } from '../../src/db';

export const NOW = new Date('2026-11-16T03:00:00Z'); // Monday 16/11/2026, 10:00 local
export const PROVINCE = 'tinh-bang';
export const HOSTILE_AGENCY = 'Trường <b>Tiểu học</b> "A" \u202Efdp.exe';

export const COMMUNES = [
  { id: 'xa-dong', name: 'UBND xã Đông', plan: '12/KH-UBND' },
  { id: 'xa-tay', name: 'UBND xã Tây', plan: '645/KH-UBND' },
] as const;

interface Seed {
  agency: string;
  year: number;
  lastDay: string;
  submittedAt?: string;
  waived?: boolean;
  extendedFrom?: string;
  escalation?: { level: number; to: string };
}

/** Per commune: agency names and their deadlines (the annual report "trước ngày 05/11", last day 04/11). */
const SEEDS: Seed[] = [
  // 2026, as of 16/11: on time, late, overdue 8 working days and escalated, overdue after an extension, waived, not yet due.
  { agency: 'Trạm Y tế xã', year: 2026, lastDay: '2026-11-04', submittedAt: '2026-11-03T02:00:00Z' },
  { agency: 'Công an xã', year: 2026, lastDay: '2026-11-04', submittedAt: '2026-11-10T02:00:00Z' },
  { agency: HOSTILE_AGENCY, year: 2026, lastDay: '2026-11-04', escalation: { level: 2, to: 'Chủ tịch UBND xã' } },
  { agency: 'Phòng Kinh tế', year: 2026, lastDay: '2026-11-12', extendedFrom: '2026-11-04' },
  { agency: 'Hội Liên hiệp Phụ nữ', year: 2026, lastDay: '2026-11-04', waived: true },
  { agency: 'Đoàn Thanh niên', year: 2026, lastDay: '2026-12-15' },
  // Earlier years, for the chart: Trạm Y tế on time in 2024, late in 2025.
  { agency: 'Trạm Y tế xã', year: 2025, lastDay: '2025-11-04', submittedAt: '2025-11-06T02:00:00Z' },
  { agency: 'Trạm Y tế xã', year: 2024, lastDay: '2024-11-04', submittedAt: '2024-11-01T02:00:00Z' },
];

export const deadlineId = (commune: string, agency: string, year: number) => `${commune}.${SEEDS.findIndex((s) => s.agency === agency)}.${year}`;

export async function seedBoardWorld(db: Db): Promise<void> {
  await db.organisation.create({ data: { id: PROVINCE, name: 'UBND tỉnh Bảng', kind: 'province' } });
  for (const c of COMMUNES) {
    await db.organisation.create({ data: { id: c.id, name: c.name, kind: 'commune', parentId: PROVINCE } });
    const planId = `${c.id}.plan`;
    await db.plan.create({ data: { id: planId, organisationId: c.id, number: c.plan, title: `Kế hoạch bình đẳng giới của ${c.name}`, issuedOn: '2024-03-01', spanFrom: 2024, spanTo: 2030 } });
    for (const [i, s] of SEEDS.entries()) {
      const agencyId = `${c.id}.a${SEEDS.findIndex((x) => x.agency === s.agency)}`;
      await db.agency.upsert({ where: { id: agencyId }, update: {}, create: { id: agencyId, organisationId: c.id, name: s.agency, headName: 'Thủ trưởng', headEmail: `head-${i}@${c.id}.example` } });
      const obligationId = `${c.id}.o${SEEDS.findIndex((x) => x.agency === s.agency)}`;
      await db.obligation.upsert({ where: { id: obligationId }, update: {}, create: { id: obligationId, planId, agencyId, ruleText: 'trước ngày 05/11 hằng năm' } });
      const id = deadlineId(c.id, s.agency, s.year);
      await db.deadline.create({
        data: {
          id, obligationId, periodKey: String(s.year), periodLabel: `Năm ${s.year}`, lastDay: s.lastDay, dueAt: new Date(`${s.lastDay}T17:00:00Z`),
          dataFrom: `${s.year - 1}-12-15`, dataTo: `${s.year}-12-14`, workflowId: `deadline/${id}`,
          status: s.submittedAt ? 'submitted' : s.waived ? 'waived' : 'open',
          extendedFrom: s.extendedFrom ?? null,
          escalationLevel: s.escalation?.level ?? 0, escalatedTo: s.escalation?.to ?? null, escalatedAt: s.escalation ? new Date('2026-11-13T01:00:00Z') : null,
        },
      });
      if (s.submittedAt) {
        await db.submission.create({ data: { id: `${id}.s`, deadlineId: id, submittedAt: new Date(s.submittedAt), recordedAt: new Date(s.submittedAt), submittedBy: 'Văn thư', late: s.submittedAt.slice(0, 10) > s.lastDay } });
      }
    }
  }
}
