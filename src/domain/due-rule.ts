import { DomainError } from './errors';
import { localDate } from './local-date';
import { wholeWords, wordRegExp } from './word-boundary';

/**
 * A due rule as plain JSON data, keeping the plan's own words in `text` so users always
 * see what the plan said. Parsed from the wordings real plans use (see parseDueRule).
 */
export interface DueRule {
  /** The rule's own words, NFC-normalised, whitespace collapsed. */
  text: string;
  schedules: DueSchedule[];
  /** "hoặc đột xuất theo yêu cầu": coordinators may also ask for ad-hoc reports. */
  adhoc: boolean;
}

/**
 * A day of the year a report is due. inclusive=false is "trước ngày D" (D itself is late);
 * inclusive=true is "chậm nhất ngày D", "trong ngày D", "đến hết ngày D".
 */
export interface DueDay {
  day: number;
  month: number;
  inclusive: boolean;
}

export type DueSchedule =
  | { kind: 'annual'; due: DueDay }
  /** Six-month report of the first half (due mid-year) or the second half (due at year end). */
  | { kind: 'semiannual'; due: DueDay }
  /** Every quarter, on dayOfMonth of the quarter's last month, or of the next month (monthOffset 1). */
  | { kind: 'quarterly'; dayOfMonth: number; inclusive: boolean; monthOffset: 0 | 1 }
  /** Every month on dayOfMonth of the reported month, or of the next month (monthOffset 1). */
  | { kind: 'monthly'; dayOfMonth: number; inclusive: boolean; monthOffset: 0 | 1 }
  | { kind: 'once'; date: { year: number; month: number; day: number }; inclusive: boolean };

export type Recurrence = DueSchedule['kind'] | 'adhoc';

/** The coarsest recurrence of a rule, for lists and the import proposal. */
export function recurrenceOf(rule: DueRule): Recurrence {
  const kinds = rule.schedules.map((s) => s.kind);
  if (kinds.length === 0) return 'adhoc';
  if (kinds.includes('monthly')) return 'monthly';
  if (kinds.includes('quarterly')) return 'quarterly';
  if (kinds.includes('semiannual')) return 'semiannual';
  if (kinds.includes('annual')) return 'annual';
  return 'once';
}

/** NFC, lower case, one spelling of "hằng", no markdown debris, single spaces. */
export function normaliseRuleText(text: string): string {
  return text.normalize('NFC').replace(/[*#_`]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?`;
const WORDED_DATE = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`;
const DAY_ONLY = String.raw`ngày\s+(\d{1,2})(?!\s*[/.-]\s*\d|\s+tháng\s+\d)`;

/**
 * The due words that say whether the written day is still on time. Only "trước" ("trước
 * ngày 05/11" = by 04/11) makes it late; "chậm nhất", "không quá" (no later than), "trong
 * ngày", "đến hết", "hạn chót", "vào ngày", "đến ngày" keep it on time. The one nearest the
 * date decides, so "số liệu năm trước chậm nhất ngày 10/01" is inclusive.
 */
const DUE_WORD = wordRegExp('trước|chậm nhất|không quá|trong ngày|đến hết|hạn chót|vào ngày|đến ngày', 'g');

/** "quý cơ quan", "quý vị": the courtesy word, not a quarter. */
const COURTESY_QUY = String.raw`quý\s+` + wholeWords('cơ quan|đơn vị|vị|ông|bà|anh|chị|đồng chí|địa phương|sở|ban|ngành|thầy|cô|khách');
const SEMIANNUAL_WORDS = wordRegExp('6 tháng|sáu tháng|bán niên');
const QUARTERLY_WORDS = new RegExp(`(?!${COURTESY_QUY})${wholeWords('quý')}`, 'u');
/** "hằng tháng", or a day of "tháng sau" (the following month) without a longer period. */
const MONTHLY_WORDS = wordRegExp('hằng tháng|mỗi tháng|theo tháng|tháng sau|tháng kế tiếp|tháng tiếp theo');
const ANNUAL_WORDS = wordRegExp('năm');
/** The due day is in the month (or quarter) after the period: "tháng sau", "quý sau". */
const NEXT_WORDS = wordRegExp('sau|kế tiếp|tiếp theo');

interface Clause {
  text: string;
}

/**
 * Reads a due rule as written in a plan. Accepts, among others:
 * "trước ngày 05/11 hằng năm", "trước ngày 5/11 hàng năm", "trước ngày 15 tháng 11",
 * "trước 30/11 hằng năm", "chậm nhất ngày 05/11", "định kỳ hằng năm, trước ngày 30/11",
 * "báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12",
 * "trước ngày 30/11 hằng năm hoặc đột xuất theo yêu cầu", "trước ngày 20 hằng tháng",
 * "hằng quý, trước ngày 15 của tháng cuối quý", "trước ngày 30/06/2027", "đột xuất theo yêu cầu".
 * Throws DomainError('unreadable-due-rule') with a bilingual message on anything else, and
 * DomainError('invalid-date') on impossible dates (31/02, 5/13).
 */
export function parseDueRule(input: string): DueRule {
  const text = normaliseRuleText(input);
  const lower = text.toLowerCase().replace(/hàng (năm|quý|tháng)/g, 'hằng $1');
  const adhoc = /đột xuất|theo yêu cầu/.test(lower);
  const ruleLevel = recurrenceWords(lower);
  const schedules: DueSchedule[] = [];
  for (const clause of splitClauses(lower)) {
    const schedule = readClause(clause, ruleLevel, text);
    if (schedule) schedules.push(schedule);
  }
  if (schedules.length === 0 && !adhoc) {
    throw new DomainError(
      'unreadable-due-rule',
      `Không đọc được hạn báo cáo trong "${text}". Hãy ghi rõ ngày, ví dụ "trước ngày 05/11 hằng năm" hoặc "chậm nhất ngày 15/06".`,
      `Cannot read a due date in "${text}". Write the date, e.g. "trước ngày 05/11 hằng năm" or "chậm nhất ngày 15/06".`,
    );
  }
  return { text, schedules, adhoc };
}

type Level = 'annual' | 'semiannual' | 'quarterly' | 'monthly' | null;

/** The recurrence the words name, the longest period first ("báo cáo 6 tháng" is not monthly). */
function recurrenceWords(s: string): Level {
  if (SEMIANNUAL_WORDS.test(s)) return 'semiannual';
  if (QUARTERLY_WORDS.test(s)) return 'quarterly';
  if (MONTHLY_WORDS.test(s)) return 'monthly';
  if (ANNUAL_WORDS.test(s)) return 'annual';
  return null;
}

/** "báo cáo 6 tháng trước ngày 05/06 và báo cáo năm trước ngày 05/12" -> two clauses. */
function splitClauses(s: string): Clause[] {
  return s
    .split(/;|,|\svà\s|\shoặc\s/)
    .map((t) => ({ text: t.trim() }))
    .filter((c) => c.text.length > 0);
}

/** Whether the date after `prefix` is on time itself; a bare date ("ngày 05/11") is. */
function inclusiveBefore(prefix: string): boolean {
  const near = prefix.slice(-30);
  let last: string | undefined;
  for (const m of near.matchAll(DUE_WORD)) last = m[0];
  return last !== 'trước';
}

function readClause(clause: Clause, ruleLevel: Level, original: string): DueSchedule | null {
  const s = clause.text;
  const level = recurrenceWords(s) ?? ruleLevel;
  const dated = new RegExp(DATE).exec(s) ?? new RegExp(WORDED_DATE).exec(s);
  if (dated) {
    const day = Number(dated[1]);
    const month = Number(dated[2]);
    const inclusive = inclusiveBefore(s.slice(0, dated.index));
    if (dated[3]) {
      const date = localDate(Number(dated[3]), month, day);
      return { kind: 'once', date, inclusive };
    }
    // Validate against a leap year so 29/02 is allowed and 31/02 or 5/13 is not.
    localDate(2028, month, day);
    const due = { day, month, inclusive };
    return level === 'semiannual' ? { kind: 'semiannual', due } : { kind: 'annual', due };
  }
  const dayOnly = new RegExp(DAY_ONLY).exec(s);
  if (dayOnly && (level === 'monthly' || level === 'quarterly')) {
    const dayOfMonth = Number(dayOnly[1]);
    if (dayOfMonth < 1 || dayOfMonth > 28) {
      throw new DomainError(
        'unreadable-due-rule',
        `Ngày ${dayOfMonth} không có ở mọi tháng; hãy chọn ngày từ 1 đến 28 trong "${original}"`,
        `Day ${dayOfMonth} does not exist in every month; use 1-28 in "${original}"`,
      );
    }
    const inclusive = inclusiveBefore(s.slice(0, dayOnly.index));
    const monthOffset = NEXT_WORDS.test(s) ? 1 : 0;
    return level === 'monthly'
      ? { kind: 'monthly', dayOfMonth, inclusive, monthOffset }
      : { kind: 'quarterly', dayOfMonth, inclusive, monthOffset };
  }
  return null;
}
