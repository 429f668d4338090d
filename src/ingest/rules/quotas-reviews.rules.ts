import { sentencesOf } from '../outline';
import type { PlanText } from '../plan-text';
import type { Quota, Review } from '../proposal';

// Recurring quotas: "Mỗi quý có ít nhất 04 tin, bài", "ít nhất 02 hoạt động mỗi năm",
// and indicators that are a rhythm ("Chỉ tiêu 4: Hàng tháng, ... bài phát thanh").
// Reviews: "sơ kết" (mid-term) and "tổng kết" (final).

const UNIT: Record<string, Quota['every']> = { năm: 'year', quý: 'quarter', tháng: 'month' };
const EVERY_THEN_COUNT = /(?:mỗi|hằng|hàng)\s+(năm|quý|tháng)[^.;]*?(?:ít nhất|tối thiểu)\s+(\d+)\s+([^.;]+?)(?=\s+(?:về|trên|trong|cho|tại)\s|[.;]|$)/iu;
const COUNT_THEN_EVERY = /(?:ít nhất|tối thiểu)\s+(\d+)\s+([^.;]+?)\s+(?:mỗi|hằng|hàng|trong một|trong mỗi)\s+(năm|quý|tháng)/iu;
const RHYTHM_INDICATOR = /^Chỉ tiêu\s*(\d+)?\s*:\s*(?:Mỗi|Hằng|Hàng)\s+(năm|quý|tháng)\s*,?\s*(.+)$/u;

export function readQuotas(plan: PlanText): Quota[] {
  const quotas: Quota[] = [];
  let goal: number | null = null;
  for (const p of plan.paragraphs) {
    const heading = /Mục tiêu\s*(\d+)\s*:/u.exec(p.text);
    if (heading && /^(?:\d+(?:\.\d+)*\.\s*)?Mục tiêu/u.test(p.text)) goal = Number(heading[1]);
    const indicatorMatch = /^Chỉ tiêu\s*(\d+)?\s*:/u.exec(p.text);
    const indicator = indicatorMatch ? Number(indicatorMatch[1] ?? 1) : null;
    for (const s of sentencesOf(p)) {
      const a = EVERY_THEN_COUNT.exec(s.quote);
      const b = a ? null : COUNT_THEN_EVERY.exec(s.quote);
      const rhythm = a || b ? null : RHYTHM_INDICATOR.exec(s.quote);
      let q: Pick<Quota, 'every' | 'atLeast' | 'what'> | null = null;
      if (a) q = { every: UNIT[a[1]!.toLowerCase()]!, atLeast: Number(a[2]), what: a[3]!.trim() };
      else if (b) q = { every: UNIT[b[3]!.toLowerCase()]!, atLeast: Number(b[1]), what: b[2]!.trim() };
      else if (rhythm) q = { every: UNIT[rhythm[2]!.toLowerCase()]!, atLeast: 1, what: rhythm[3]!.replace(/[.;]$/u, '').trim() };
      if (q) quotas.push({ ...q, goal: indicator !== null ? goal : null, indicator, quote: s.quote, position: s.position });
    }
  }
  return quotas;
}

export function readReviews(plan: PlanText): Review[] {
  const reviews: Review[] = [];
  const kinds: [Review['kind'], RegExp][] = [
    ['midterm', /sơ kết|giữa kỳ|giữa giai đoạn/iu],
    ['final', /tổng kết/iu],
  ];
  for (const p of plan.paragraphs) {
    for (const s of sentencesOf(p)) {
      for (const [kind, words] of kinds) {
        const m = words.exec(s.quote);
        if (!m || reviews.some((r) => r.kind === kind)) continue;
        reviews.push({ kind, year: nearestYear(s.quote, m.index), quote: s.quote, position: s.position });
      }
    }
  }
  return reviews;
}

/** "Năm 2028 tổ chức sơ kết; năm 2030 tổng kết": the year written closest to the word. */
function nearestYear(sentence: string, at: number): number | null {
  // The clause (between semicolons) holding the word first, then the whole sentence.
  const from = sentence.lastIndexOf(';', at) + 1;
  const end = sentence.indexOf(';', at);
  const clause = sentence.slice(from, end < 0 ? sentence.length : end);
  return closestYear(clause, at - from) ?? closestYear(sentence, at);
}

function closestYear(text: string, at: number): number | null {
  let best: { year: number; distance: number } | null = null;
  for (const m of text.matchAll(/năm\s+(\d{4})/giu)) {
    const distance = Math.abs(m.index - at);
    if (!best || distance < best.distance) best = { year: Number(m[1]), distance };
  }
  return best?.year ?? null;
}
