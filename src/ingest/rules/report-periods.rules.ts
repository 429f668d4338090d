import type { Recurrence } from '../../domain/due-rule';
import { wholeWords } from '../../domain/word-boundary';

// The genre states a report's period apart from its date ("Báo cáo quý gửi trước ngày 05
// tháng cuối cùng của mỗi quý", "Báo cáo định kỳ 6 tháng: Thời hạn gửi báo cáo chậm nhất
// vào ngày 20/6 và ngày 20/12 hàng năm"), lists several periods before several dates in
// order ("báo cáo 6 tháng và năm trước ngày 15/6 và 15/12"), or states a period with no date
// at all ("định kỳ 6 tháng, hằng năm"). These helpers find the period words and turn them
// into words parseDueRule reads, so the proposal and the deadlines keep one parser.

export type Period = Exclude<Recurrence, 'once' | 'adhoc'>;

/** "tháng" but not "Tháng hành động", the campaign. */
const PERIOD_WORD = String.raw`0?6\s+tháng|sáu tháng|bán niên|quý|tháng(?!\s+(?:hành động|cao điểm))|năm|cả năm`;
/** "báo cáo tháng", "báo cáo định kỳ hàng quý", "báo cáo 6 tháng và năm"; not "báo cáo năm 2024". */
const PERIOD_AFTER_REPORT = new RegExp(
  String.raw`báo cáo\s+(?:định kỳ\s+)?((?:(?:hằng|hàng|mỗi)\s+)?(?:${PERIOD_WORD})(?:\s*(?:,|và|hoặc)\s*(?:báo cáo\s+)?(?:(?:hằng|hàng|mỗi)\s+)?(?:${PERIOD_WORD}))*)(?!\s*\d)(?!\s+(?:đầu|cuối)\s+năm\s+\d)`,
  'giu',
);
/** "định kỳ 6 tháng, hằng năm", "định kỳ hằng quý": a period without "báo cáo" right before it. */
const PERIODIC_LIST = new RegExp(
  String.raw`định kỳ\s+((?:(?:hằng|hàng|mỗi)\s+)?(?:${PERIOD_WORD})(?:\s*(?:,|và|hoặc)\s*(?:(?:hằng|hàng|mỗi)\s+)?(?:${PERIOD_WORD}))*)(?!\s*\d)`,
  'giu',
);
/** "vào cuối năm", "hằng quý": a period named loosely in a periodic sentence. */
const LOOSE_PERIOD = new RegExp(wholeWords(String.raw`(?:hằng|hàng|mỗi|cuối)\s+(?:năm|quý|tháng)|6 tháng|sáu tháng`), 'giu');

/** The periods a phrase lists, in its order: "6 tháng và năm" -> semiannual, annual. */
export function periodsIn(words: string): Period[] {
  const out: Period[] = [];
  for (const m of words.toLowerCase().matchAll(/0?6\s+tháng|sáu tháng|bán niên|quý|tháng|năm/gu)) {
    const w = m[0].replace(/^0?6\s+/u, '6 ');
    out.push(w === 'quý' ? 'quarterly' : w === 'tháng' ? 'monthly' : w === 'năm' ? 'annual' : 'semiannual');
  }
  return out;
}

/** The periods named nearest before `index` in the sentence ("Báo cáo quý gửi trước ..."). */
export function periodsBefore(text: string, index: number): Period[] {
  const before = text.slice(0, index);
  let last: RegExpMatchArray | undefined;
  for (const m of before.matchAll(PERIOD_AFTER_REPORT)) last = m;
  return last ? periodsIn(last[1]!) : [];
}

/** The periods named after `index` in the same clause: "… đối với báo cáo định kỳ hằng quý". */
export function periodsAfter(text: string, index: number): Period[] {
  const after = text.slice(index).split(/;/u)[0]!;
  const m = new RegExp(PERIOD_AFTER_REPORT.source, 'iu').exec(after);
  return m ? periodsIn(m[1]!) : [];
}

/** The periods a sentence without a date states ("định kỳ 6 tháng, hằng năm", "báo cáo quý"). */
export function statedPeriods(text: string): Period[] {
  const found = new Set<Period>();
  for (const m of text.matchAll(PERIOD_AFTER_REPORT)) for (const p of periodsIn(m[1]!)) found.add(p);
  for (const m of text.matchAll(PERIODIC_LIST)) for (const p of periodsIn(m[1]!)) found.add(p);
  if (found.size === 0 && /định kỳ/iu.test(text)) {
    for (const m of text.matchAll(LOOSE_PERIOD)) {
      if (/\s*\d{4}/u.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) continue;
      for (const p of periodsIn(m[0])) found.add(p);
    }
  }
  return [...found];
}

/** Words parseDueRule reads as the period. */
const CANONICAL: Record<Period, string> = { annual: 'hằng năm', semiannual: '6 tháng', quarterly: 'hằng quý', monthly: 'hằng tháng' };

const CLAUSE_SPLIT = /\s*(?:;|,|\svà\s|\shoặc\s)\s*/u;
const DUE_WORD_START = /^(?:trước|chậm nhất(?:\s+(?:là|vào))*|không quá|đến hết|trong|hạn chót(?:\s+là)?)/iu;

/**
 * The rule's words with each dated clause given its period: "trước ngày 15/6 và 15/12" with
 * periods [semiannual, annual] -> "6 tháng trước ngày 15/6, hằng năm trước 15/12". A bare date
 * after a due word keeps that word ("trước ngày 15/6 và 15/12": both "trước"). "hằng năm"
 * after a six-month, quarterly or monthly date only says "every year" and is dropped.
 */
export function withPeriods(ruleWords: string, periods: Period[]): string {
  let word = 'trước';
  let index = 0;
  const out: string[] = [];
  for (const clause of ruleWords.split(CLAUSE_SPLIT).filter((c) => c.length > 0)) {
    if (!/\d/u.test(clause)) {
      if (!/^(?:hằng|hàng|mỗi)\s+năm$/iu.test(clause)) out.push(clause);
      continue;
    }
    // A clause that names its own report ("báo cáo năm (trước ngày 12/12") keeps it.
    const named = periodsBefore(clause, clause.length);
    const bare = clause.replace(/[()]/gu, ' ').replace(/^.*?(?=(?:trước|chậm nhất|không quá|đến hết|trong|hạn chót|ngày)\s)/iu, '').trim();
    const own = DUE_WORD_START.exec(bare);
    if (own) word = own[0];
    const period = named[0] ?? periods[Math.min(index, periods.length - 1)]!;
    if (named.length === 0) index += 1;
    let body = own ? bare : `${word} ${bare}`;
    if (period !== 'annual') body = body.replace(/\s+(?:hằng|hàng|mỗi)\s+năm$/iu, '');
    out.push(`${CANONICAL[period]} ${body}`);
  }
  return out.join(', ');
}

/** Words naming a report's recurrence anywhere in the sentence (dates and years left out). */
export function hasRecurrenceWords(text: string): boolean {
  const bare = text
    .replace(/\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?/gu, ' ')
    .replace(/\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?/gu, ' ')
    .replace(/năm\s+\d{4}/gu, ' ');
  return new RegExp(wholeWords(String.raw`hằng|hàng|mỗi|định kỳ|năm|quý|tháng|bán niên`), 'iu').test(bare);
}

/** "không phải báo cáo quý", "bãi bỏ báo cáo tháng": the periods a sentence says not to report. */
export function periodsNotReported(text: string): Period[] {
  const m = /(?:không\s+(?:phải\s+|thực hiện\s+|yêu cầu\s+|cần\s+)?(?:gửi\s+)?báo cáo|bãi bỏ(?:\s+chế độ)?\s+báo cáo|thôi\s+(?:thực hiện\s+)?báo cáo)\s+(?:định kỳ\s+)?((?:(?:hằng|hàng|mỗi)\s+)?(?:6 tháng|sáu tháng|quý|tháng|năm)(?:\s*(?:,|và)\s*(?:(?:hằng|hàng)\s+)?(?:6 tháng|sáu tháng|quý|tháng|năm))*)/iu.exec(
    text,
  );
  return m ? periodsIn(m[1]!) : [];
}

/**
 * Whether the due phrase at `index` dates something other than a report: a data window
 * ("số liệu tính từ ngày 15/12 ... đến ngày 14/12"), a meeting, the duty to draft a plan, or
 * a task to finish. Looks at the words since the last ";" (or the sentence start): when
 * they name a report, the date is the report's.
 */
export function datesSomethingElse(text: string, index: number): boolean {
  // "Sở Kế hoạch và Đầu tư", "Phòng Tài chính - Kế hoạch" name agencies, not plans.
  const region = text
    .slice(0, index)
    .split(/;/u)
    .pop()!
    .replace(/kế hoạch\s*(?:và|-|–)\s*đầu tư|tài chính\s*(?:-|–)\s*kế hoạch/giu, ' ');
  if (/chốt số liệu|tính từ|số liệu[^.;]{0,60}từ ngày/iu.test(region)) return true;
  if (/báo cáo|số liệu|kết quả/iu.test(region)) return false;
  return /kế hoạch|hội nghị|cuộc họp|phiên họp|họp|hoàn thành|lễ\s/iu.test(region);
}
