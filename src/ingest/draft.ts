import type { ConfirmImportInput } from '../schemas/import.schemas';
import type { Proposal, ProposedAgency } from './proposal';
import { wordRegExp } from '../domain/word-boundary';

/**
 * The editable draft a coordinator starts from: the proposal turned into the confirm body.
 * Generic reporters are already expanded to the agencies the plan names; ad-hoc obligations
 * are left out (an ad-hoc request is made when the need arises, with its own date), and so are
 * obligations whose date the document does not give (a warning asks for the date);
 * `warnings` say what the coordinator must still fill in.
 */
export interface ImportDraft {
  body: ConfirmImportInput;
  warnings: string[];
}

/** "Ủy ban nhân dân xã Bình Lư" -> "uy-ban-nhan-dan-xa-binh-lu": ids readable by operators. */
export function slug(text: string, max = 60): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

export function draftFromProposal(p: Proposal): ImportDraft {
  const warnings: string[] = [];
  const issuer = p.plan.issuer ?? 'Cơ quan ban hành';
  const kind = wordRegExp('tỉnh').test(issuer) ? 'province' : /huyện/u.test(issuer) ? 'district' : 'commune';

  const agencies = new Map<string, { name: string; indicators: string }>();
  const add = (name: string, indicators = '') => {
    if (!agencies.has(name)) agencies.set(name, { name, indicators });
  };
  for (const a of p.agencies.filter((a) => a.kind === 'specific')) add(a.name, indicatorText(a, p));

  // An obligation whose date the document does not give cannot start a deadline yet: the
  // coordinator sets the date (nothing is invented), so it is a warning, not a draft line.
  for (const o of p.obligations.filter((o) => o.needsDate)) {
    warnings.push(`Chưa có hạn cho "${o.dueRule}" (${o.reporter}): hãy đặt ngày. / No date for "${o.dueRule}" (${o.reporter}): set one.`);
  }
  const periodic = p.obligations.filter((o) => o.recurrence !== 'adhoc' && !o.needsDate);
  const vias = periodic.map((o) => o.via).filter((v): v is string => v !== null);
  const coordinator = mostCommon(vias);
  if (coordinator) add(coordinator);
  else warnings.push('Chưa rõ cơ quan đầu mối (via): hãy chọn. / No coordinator (via) found: choose one.');

  const obligations: { reporter: string; ruleText: string; title?: string }[] = [];
  for (const o of periodic) {
    if (o.reporters.length === 0) {
      warnings.push(`"${o.reporter}" không có đơn vị cụ thể: hãy thêm các đơn vị báo cáo. / No named agencies for "${o.reporter}": add them.`);
    }
    for (const reporter of o.reporters) {
      add(reporter);
      if (!obligations.some((x) => x.reporter === reporter && x.ruleText === o.dueRule)) obligations.push({ reporter, ruleText: o.dueRule });
    }
  }
  // The plan asks the coordinator to report upward without a date: the roll-up is offered
  // (rollups in the confirm body) once the coordinator sets its date; nothing is invented.
  for (const u of p.upwardReports) {
    warnings.push(`Báo cáo tổng hợp của ${u.reporter} gửi ${u.recipient}: hãy đặt hạn (rollups). / Roll-up from ${u.reporter} to ${u.recipient}: set its date (rollups).`);
  }
  obligations.push(...reviewObligations(p, coordinator, warnings));
  if (p.plan.number === null) warnings.push('Thiếu số kế hoạch. / The plan number is missing.');
  if (p.plan.span === null) warnings.push('Thiếu giai đoạn của kế hoạch. / The plan span is missing.');
  warnings.push(...[...agencies.values()].map((a) => `Chưa có địa chỉ email của ${a.name}. / No email address for ${a.name} yet.`));

  const year = Number(p.plan.date?.slice(0, 4) ?? new Date(0).getUTCFullYear());
  const md = (d: { day: number; month: number }) => `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return {
    body: {
      organisation: { id: slug(issuer), name: issuer, kind },
      plan: {
        number: p.plan.number ?? '',
        title: p.plan.title ?? '',
        issuedOn: p.plan.date ?? '',
        spanFrom: p.plan.span?.from ?? year,
        spanTo: p.plan.span?.to ?? year,
        holidayRule: 'written-date',
        coordinator,
      },
      agencies: [...agencies.values()].map((a) => ({ ...a, contacts: [] })),
      obligations,
      campaigns: p.campaigns.map((c) => ({ name: c.name, start: md(c.start), end: md(c.end), recurring: c.recurring, organiser: c.organiser, resultsDue: null })),
      // null: tracking starts with each obligation's current or next period on the day of confirming.
      rollups: [],
      trackFrom: null,
    },
    warnings,
  };
}

const REVIEW_TITLE = { midterm: 'Báo cáo sơ kết', final: 'Báo cáo tổng kết' } as const;

/**
 * A review (sơ kết, tổng kết) as a one-off report of the coordinator in its year: the year the
 * plan writes, else the middle of the span (mid-term) or its last year (final). The plan
 * rarely dates a review, so its day is the plan's annual report day, said in a warning for
 * the coordinator to check; without an annual day or a coordinator it is only a warning.
 */
function reviewObligations(p: Proposal, coordinator: string | null, warnings: string[]): { reporter: string; ruleText: string; title: string }[] {
  const span = p.plan.span;
  const annual = p.obligations.find((o) => o.recurrence === 'annual' && !o.needsDate && o.due.length === 1)?.due[0];
  const out: { reporter: string; ruleText: string; title: string }[] = [];
  for (const r of p.reviews) {
    const year = r.year ?? (span ? (r.kind === 'final' ? span.to : Math.ceil((span.from + span.to) / 2)) : null);
    const title = `${REVIEW_TITLE[r.kind]}${year ? ` năm ${year}` : ''}`;
    if (!year || !annual || !coordinator) {
      warnings.push(`${title}: hãy thêm hạn nộp. / ${r.kind === 'final' ? 'Final' : 'Mid-term'} review${year ? ` ${year}` : ''}: add its due date.`);
      continue;
    }
    const day = `${String(annual.day).padStart(2, '0')}/${String(annual.month).padStart(2, '0')}/${year}`;
    out.push({ reporter: coordinator, ruleText: `${annual.inclusive ? 'chậm nhất ngày' : 'trước ngày'} ${day}`, title });
    warnings.push(`${title}: hạn ${day} lấy theo hạn báo cáo năm, hãy kiểm tra. / ${r.kind === 'final' ? 'Final' : 'Mid-term'} review ${year}: due ${day}, the annual report's day; check it.`);
  }
  return out;
}

/** "chỉ tiêu 3 của mục tiêu 2 (Tỷ lệ nữ giám đốc ...)" for each indicator the agency owns. */
function indicatorText(a: ProposedAgency, p: Proposal): string {
  return a.indicators
    .map((i) => {
      const goal = p.goals.find((g) => g.number === i.goal);
      const text = goal?.indicators.find((x) => x.number === i.indicator)?.text;
      const label = i.indicator === null ? `mục tiêu ${i.goal}` : `chỉ tiêu ${i.indicator} của mục tiêu ${i.goal}`;
      return text ? `${label} (${text.replace(/[.;]$/u, '')})` : label;
    })
    .join('; ');
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
