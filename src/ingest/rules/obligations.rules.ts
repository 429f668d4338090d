import { parseDueRule, recurrenceOf, type DueRule } from '../../domain/due-rule';
import { DomainError } from '../../domain/errors';
import { wholeWords, WORD_END } from '../../domain/word-boundary';
import { sentencesOf, type Sentence } from '../outline';
import type { PlanMetadata, ProposedAgency, ProposedObligation, UpwardReport } from '../proposal';
import { agencyKind, agencyName, type AgencyReading } from './agencies.rules';
import { datesSomethingElse, hasRecurrenceWords, periodsAfter, periodsBefore, periodsNotReported, statedPeriods, withPeriods, type Period } from './report-periods.rules';

// A reporting obligation is a sentence that asks for a report ("báo cáo") and gives a due
// day ("trước ngày 05/11", "chậm nhất ngày 15/6", "trước ngày 15 tháng 11"). Who reports is
// the sentence's subject or the agency whose duties it is in; to whom follows "về"/"gửi";
// via whom is "(qua ...)". A report asked for without a day is an upward report.

const DATE = String.raw`\d{1,2}\s*(?:[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)`;
const DUE_WORD = String.raw`(?:trước|chậm nhất(?:\s+(?:là|vào))*|không quá)`;
const DUE_PHRASE = new RegExp(
  String.raw`(?:${DUE_WORD}|trong|đến hết|hạn chót(?:\s+là)?)\s+(?:ngày\s+)?${DATE}` +
    // Monthly and quarterly rules give only the day: "trước ngày 15 của tháng cuối quý",
    // "trước ngày 15 tháng cuối quý", "chậm nhất ngày 25 hằng tháng", "chậm nhất ngày 20 tháng sau",
    // "chậm nhất vào ngày 20 của tháng báo cáo", "trước ngày 05 tháng cuối cùng của mỗi quý".
    String.raw`|${DUE_WORD}\s+ngày\s+\d{1,2}(?=\s+(?:của\s+tháng|tháng\s+(?:cuối|đầu)(?:\s+cùng)?(?:\s+của)?(?:\s+(?:mỗi|hằng|hàng))?\s+quý|hằng tháng|hàng tháng|mỗi tháng|tháng sau|tháng kế tiếp|tháng tiếp theo)${WORD_END})`,
  'giu',
);
/** More dates after the last due phrase: "chậm nhất ngày 20/6 và ngày 20/12", "trước ngày 15/6, 15/12". */
const MORE_DATES = new RegExp(String.raw`^(?:\s*(?:,|và)\s*(?:ngày\s+)?${DATE}(?!\s*[/.-]?\s*\d))+`, 'u');
/** Recurrence words just before a due phrase belong to the rule ("báo cáo 6 tháng trước ngày 5/6"). */
const LEAD_IN = /(?:(?:báo cáo\s+)?(?:định kỳ\s+)?(?:6 tháng|sáu tháng|năm|quý|tháng|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng)\s*,?\s*)$/iu;
/** Recurrence words right after the last due phrase: "hằng năm", "của tháng cuối quý", "tháng đầu quý sau". */
const TAIL = new RegExp(
  String.raw`^\s*(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)${WORD_END}` +
    String.raw`|^\s*(?:của\s+)?(?:năm|quý|tháng)(?:\s+(?:cuối|đầu)\s+quý(?:\s+(?:sau|kế tiếp|tiếp theo))?|\s+(?:sau|kế tiếp|tiếp theo))${WORD_END}`,
  'iu',
);
/** "đột xuất", "theo yêu cầu", "khi có yêu cầu"; not "theo yêu cầu của Bộ ..." (whose request it answers). */
const ADHOC = /đột xuất|(?:theo|khi có)\s+yêu cầu(?!\s+của)|(?:khi|ngay khi)\s+(?:có\s+)?phát sinh/iu;
/** A sentence that asks for a report or for figures to be sent. */
const REPORT_WORDS = /báo cáo|số liệu[^.;]{0,60}gửi|gửi\s+(?:số liệu|kết quả)/iu;
/** Monitoring plans say "đánh giá kết quả ... định kỳ 6 tháng, hằng năm": a periodic report. */
const EVALUATION_WORDS = /đánh giá kết quả[^.;]*định kỳ|định kỳ[^.;]*đánh giá kết quả/iu;
/**
 * A report asked for on request, without a date: "báo cáo đột xuất", "khi có yêu cầu", "theo
 * yêu cầu của cấp trên", "ngay khi phát sinh"; not "nộp báo cáo theo yêu cầu" (as asked).
 */
const ADHOC_ON_REQUEST = /đột xuất|khi (?:có|được) yêu cầu|theo yêu cầu(?:\s+của)?\s+(?:cấp trên|cơ quan có thẩm quyền)|(?:khi|ngay khi)\s+(?:có\s+)?phát sinh/iu;
/** Figures counted over a window ("thời gian chốt số liệu", "tính từ ngày 15/12"): not a report's period. */
const DATA_WINDOW = /chốt số liệu|tính từ ngày/iu;
const PERIODIC_WORDS = /báo cáo (?:định kỳ|hằng|hàng|6 tháng|sáu tháng|quý|tháng|năm|sơ kết|tổng kết)|định kỳ báo cáo|chế độ báo cáo/iu;
const SUBJECT_VERB = new RegExp(String.raw`\s+` + wholeWords(String.raw`tổng hợp(?:,)?\s+báo cáo|gửi báo cáo|có trách nhiệm báo cáo|định kỳ báo cáo|báo cáo`), 'iu');
const RECIPIENT =
  /(?:gửi\s+)?(?:về|cho|lên|gửi)\s+((?:Ủy ban|Uỷ ban|UBND|Sở|Ban|Phòng|Bộ|Thường trực|Văn phòng|Hội đồng|HĐND|Tỉnh ủy|Huyện ủy|Đảng ủy)[^(,;.]*?)\s*(?=\(|\s(?:qua|trước|chậm nhất|trong|đến hết)(?:\s|$)|,|;|\.|$)/u;
const VIA = new RegExp(
  String.raw`\(?\s*qua\s+((?:Phòng|Văn phòng|Sở|Ban|Trung tâm|Bộ phận|cơ quan)[^)(,;.]*?)\s*(?:\)|(?=\s+${wholeWords('trước|chậm nhất|trong|đến hết')})|,|;|\.|$)`,
  'u',
);
const UPWARD_RECIPIENT = /báo cáo\s+((?:(?:Ủy ban nhân dân|UBND|Sở|Bộ|Ban|Thường trực)[^;.]*?))(?:\s+theo quy định|;|\.|$)/u;

export interface ObligationReading {
  obligations: ProposedObligation[];
  upwardReports: UpwardReport[];
  unread: string[];
}

export function readObligations(reading: AgencyReading, meta: PlanMetadata): ObligationReading {
  const { agencies, sectionOf, outline } = reading;
  const obligations: ProposedObligation[] = [];
  const upwardReports: UpwardReport[] = [];
  const unread: string[] = [];
  const notReported = new Set<Period>();
  for (const [index, node] of outline.nodes.entries()) {
    const section = sectionOf.has(index) ? agencies[sectionOf.get(index)!]! : null;
    for (const original of sentencesOf(node.paragraph)) {
      // Rules read the sentence with numbers spelled out in brackets blanked ("ngày 15 (mười
      // lăm)"); every quote stays the document's own words.
      const sentence = { ...original, quote: maskNumberWords(original.quote) };
      const text = sentence.quote;
      const reports = REPORT_WORDS.test(text);
      if (!reports && !EVALUATION_WORDS.test(text)) continue;
      // "không phải báo cáo quý": removes that obligation rather than creating one.
      for (const p of periodsNotReported(text)) notReported.add(p);
      const dues = reports ? [...text.matchAll(DUE_PHRASE)].filter((d) => !datesSomethingElse(text, d.index!)) : [];
      if (dues.length > 0) {
        const read = readObligation(sentence, dues, section, agencies, meta);
        if ('unread' in read) unread.push(read.unread);
        else obligations.push(...read.obligations.map((o) => ({ ...o, quote: original.quote })));
        continue;
      }
      const periods = node.level === 0 && !DATA_WINDOW.test(text) ? statedPeriods(text) : [];
      if (periods.length > 0) {
        // A period with no date: proposed with its recurrence and no date, for the coordinator
        // to set one (never invented), and listed in unread so it is seen.
        obligations.push(...undatedObligations(original, periods, section, agencies, meta));
        unread.push(`Báo cáo định kỳ chưa có hạn, cần đặt ngày (periodic report without a date, set one): ${original.quote}`);
        continue;
      }
      const up = section?.kind === 'specific' && reports ? UPWARD_RECIPIENT.exec(text) : null;
      if (section && up && /\s(?:tỉnh|huyện|xã|Nội vụ|cấp trên)|Sở|Bộ/u.test(up[1]!)) {
        upwardReports.push({ reporter: section.name, recipient: up[1]!.trim(), quote: original.quote, position: sentence.position });
        unread.push(`Báo cáo không nêu hạn (no due date): ${original.quote}`);
      } else if (reports && ADHOC_ON_REQUEST.test(text)) {
        obligations.push(...undatedObligations(original, ['adhoc'], section, agencies, meta));
      } else if (reports && node.level === 0 && PERIODIC_WORDS.test(text)) {
        // A periodic report with no day the rules can read ("trong quý IV"): the coordinator
        // must see it rather than lose it.
        unread.push(`Báo cáo định kỳ chưa đọc được hạn (periodic report, no readable date): ${original.quote}`);
      }
    }
  }
  const kept = obligations.filter((o) => !notReported.has(o.recurrence as Period));
  return { obligations: kept, upwardReports, unread };
}

/** The rule's words as written, or with the periods the sentence names when they are needed. */
function ruleWordsOf(text: string, dues: RegExpMatchArray[]): { words: string; periods: Period[]; lead: boolean } {
  // From the recurrence words before the first due phrase to the end of the last, plus more
  // dates ("và ngày 20/12") and "hằng năm" right after it.
  const first = dues[0]!;
  const last = dues[dues.length - 1]!;
  let from = first.index!;
  const lead = LEAD_IN.exec(text.slice(Math.max(0, from - 40), from));
  if (lead) from -= lead[0].length;
  let to = last.index! + last[0].length;
  const more = MORE_DATES.exec(text.slice(to));
  if (more) to += more[0].length;
  const tail = TAIL.exec(text.slice(to));
  if (tail) to += tail[0].length;
  const words = text.slice(from, to).replace(/^[(\s]+|[)\s]+$/gu, '');
  // "Chậm nhất ngày 15 của tháng báo cáo đối với báo cáo định kỳ hằng tháng": after the date.
  const before = periodsBefore(text, first.index!);
  return { words, periods: before.length > 0 ? before : periodsAfter(text, to), lead: lead !== null };
}

/**
 * Whether the rule read from its own words stands: they start with their period ("báo cáo 6
 * tháng trước ngày 5/6 và báo cáo năm trước ngày 5/12"), or read the periods the sentence
 * names for them ("Báo cáo quý gửi ... chậm nhất ngày 10 của tháng đầu quý sau").
 */
function agrees(rule: DueRule, lead: boolean, periods: Period[]): boolean {
  const kinds = rule.schedules.map((s) => s.kind);
  if (kinds.length === 0) return periods.length === 0;
  if (lead || periods.length === 0 || kinds.includes('once')) return true;
  if (periods.length === 1) return kinds.every((k) => k === periods[0]);
  return kinds.length === periods.length && kinds.every((k, i) => k === periods[i]);
}

function readObligation(
  sentence: Sentence,
  dues: RegExpMatchArray[],
  section: ProposedAgency | null,
  agencies: ProposedAgency[],
  meta: PlanMetadata,
): { obligations: ProposedObligation[] } | { unread: string } {
  const text = sentence.quote;
  const notes: string[] = [];
  const adhoc = ADHOC.test(text);
  const parse = (words: string) => parseDueRule(adhoc ? `${words} hoặc đột xuất` : words);
  const read = ruleWordsOf(text, dues);
  let ruleWords = read.words;
  const { periods, lead } = read;
  let rule: DueRule;
  try {
    rule = parse(ruleWords);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (periods.length === 0) return { unread: `${err.messageVi}: ${text}` };
    rule = { text: ruleWords, schedules: [], adhoc };
  }
  if (!agrees(rule, lead, periods)) {
    // "Báo cáo 6 tháng gửi trước ngày 05/6": the period is named apart from the date.
    try {
      ruleWords = withPeriods(ruleWords, periods);
      rule = parse(ruleWords);
      notes.push('Kỳ báo cáo lấy từ loại báo cáo nêu trong câu (period from the kind of report the sentence names).');
    } catch (err) {
      if (err instanceof DomainError) return { unread: `${err.messageVi}: ${text}` };
      throw err;
    }
  }
  if (rule.schedules.length === 0) return { unread: `Không đọc được hạn (no due date read): ${text}` };
  let needsDate = false;
  if (rule.schedules.some((s) => s.kind === 'once')) {
    notes.push('Hạn một lần, có năm cụ thể (a one-off date with a year).');
  } else if (isOneOff(text, rule, meta)) {
    // "báo cáo Chính phủ trước 30/9" in a letter: one report, this year, not every year.
    const once = oneOffRule(rule, meta);
    if (once) {
      ruleWords = once;
      rule = parse(once);
      notes.push('Hạn một lần trong năm của văn bản (a one-off date in the year of the document).');
    } else {
      needsDate = true;
      notes.push('Hạn một lần nhưng không rõ năm: cần đặt năm (a one-off date without a year: set the year).');
    }
  }
  const { confidence, ...parties } = partiesOf(sentence, section, agencies, meta, notes);

  const base = { ...parties, quote: text, position: sentence.position };
  const obligations: ProposedObligation[] = [
    {
      ...base,
      recurrence: needsDate ? 'once' : recurrenceOf({ ...rule, schedules: rule.schedules }),
      due: rule.schedules.flatMap((s) => ('due' in s ? [s.due] : s.kind === 'once' ? [{ day: s.date.day, month: s.date.month, inclusive: s.inclusive }] : [])),
      dueRule: ruleWords,
      needsDate,
      confidence: round(confidence),
      notes,
    },
  ];
  if (rule.adhoc) {
    obligations.push({ ...base, recurrence: 'adhoc', due: [], dueRule: 'đột xuất theo yêu cầu', needsDate: false, confidence: round(confidence - 0.05), notes: [...notes, 'Báo cáo đột xuất: hạn do người yêu cầu đặt (ad hoc: the date is set on request).'] });
  }
  return { obligations };
}

/** "15 (mười lăm)" -> "15" plus spaces: the same length, so offsets still point into the text. */
function maskNumberWords(text: string): string {
  return text.replace(/\((?:\s*(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mốt|linh|lẻ)\s*)+\)/giu, (m) => ' '.repeat(m.length));
}

/** A dated sentence with no period words, in a document that is not a multi-year plan. */
function isOneOff(text: string, rule: DueRule, meta: PlanMetadata): boolean {
  if (!rule.schedules.every((s) => s.kind === 'annual')) return false;
  if (meta.span && meta.span.to > meta.span.from) return false;
  return !hasRecurrenceWords(text);
}

/** The rule with the year of the document: the issue date's year, or the next when the date has passed. */
function oneOffRule(rule: DueRule, meta: PlanMetadata): string | null {
  const issued = meta.date ? { year: Number(meta.date.slice(0, 4)), month: Number(meta.date.slice(5, 7)), day: Number(meta.date.slice(8, 10)) } : null;
  const year = issued?.year ?? meta.span?.from ?? null;
  if (year === null) return null;
  return rule.schedules
    .map((s) => {
      const due = (s as { due: { day: number; month: number; inclusive: boolean } }).due;
      const passed = issued !== null && (due.month < issued.month || (due.month === issued.month && due.day < issued.day));
      return `${due.inclusive ? 'chậm nhất' : 'trước'} ngày ${due.day}/${due.month}/${passed ? year + 1 : year}`;
    })
    .join(', ');
}

/** Obligations with a period (or on request) and no date: the coordinator sets the date. */
function undatedObligations(
  sentence: Sentence,
  kinds: (Period | 'adhoc')[],
  section: ProposedAgency | null,
  agencies: ProposedAgency[],
  meta: PlanMetadata,
): ProposedObligation[] {
  const notes: string[] = [];
  const { confidence, ...parties } = partiesOf(sentence, section, agencies, meta, notes);
  const all = [...kinds];
  if (!all.includes('adhoc') && ADHOC_ON_REQUEST.test(sentence.quote)) all.push('adhoc');
  return all.map((kind) =>
    kind === 'adhoc'
      ? { ...parties, quote: sentence.quote, position: sentence.position, recurrence: 'adhoc' as const, due: [], dueRule: 'đột xuất theo yêu cầu', needsDate: false, confidence: round(confidence - 0.05), notes: [...notes, 'Báo cáo đột xuất: hạn do người yêu cầu đặt (ad hoc: the date is set on request).'] }
      : { ...parties, quote: sentence.quote, position: sentence.position, recurrence: kind, due: [], dueRule: UNDATED_WORDS[kind], needsDate: true, confidence: round(confidence - 0.2), notes: [...notes, 'Văn bản nêu kỳ báo cáo nhưng không nêu hạn: cần đặt ngày (the period is stated without a date: set one).'] },
  );
}

const UNDATED_WORDS: Record<Period, string> = { annual: 'báo cáo năm', semiannual: 'báo cáo 6 tháng', quarterly: 'báo cáo quý', monthly: 'báo cáo tháng' };

function partiesOf(
  sentence: Sentence,
  section: ProposedAgency | null,
  agencies: ProposedAgency[],
  meta: PlanMetadata,
  notes: string[],
): Pick<ProposedObligation, 'reporter' | 'reporterKind' | 'reporters' | 'recipient' | 'via' | 'confidence'> {
  const text = sentence.quote;
  let confidence = 0.95;

  // Who reports: the sentence's own subject, else the agency whose duties hold the sentence.
  let reporter: string | null = null;
  const verb = SUBJECT_VERB.exec(text);
  if (verb) {
    const subject = text.slice(0, verb.index).replace(/^[-+•]\s*/u, '').trim();
    const name = agencyName(subject);
    if (/^(?:Thủ trưởng|Các|Ban|Sở|Phòng|Trạm|Trung tâm|Công an|Ủy ban|UBND|Văn phòng|Hội|Đoàn|Trường|Cơ quan|Lãnh đạo)/u.test(name) && name.length < 160) {
      reporter = name;
      notes.push('Đơn vị báo cáo là chủ ngữ của câu (reporter is the subject of the sentence).');
    }
  }
  if (!reporter && section) {
    reporter = section.name;
    notes.push(`Đơn vị báo cáo theo mục nhiệm vụ "${section.name}" (reporter from the duties heading).`);
  }
  if (!reporter) {
    reporter = 'Các cơ quan, đơn vị';
    confidence -= 0.3;
    notes.push('Không thấy đơn vị báo cáo; tạm coi là các cơ quan, đơn vị (reporter not found; assumed every agency).');
  }
  const reporterKind = agencyKind(reporter);

  // To whom, via whom.
  const viaMatch = VIA.exec(text);
  const via = viaMatch ? viaMatch[1]!.trim() : null;
  const recipientMatch = RECIPIENT.exec(text);
  let recipient = recipientMatch ? withPlace(fixTypos(recipientMatch[1]!.trim()), meta.issuer) : null;
  if (!recipient) {
    recipient = meta.issuer ?? 'Cơ quan ban hành kế hoạch';
    confidence -= 0.15;
    notes.push('Nơi nhận báo cáo không ghi trong câu; lấy cơ quan ban hành kế hoạch (recipient inferred: the issuer).');
  }
  const viaOrStanding = via ?? (recipientMatch ? null : meta.standingBody);
  if (!via && viaOrStanding) notes.push(`Qua cơ quan thường trực ${viaOrStanding} (via the standing body).`);

  // A group reporter stands for every agency the plan names, except those it reports to
  // (the recipient, the body it reports via, and the issuer's own committee).
  const excluded = [viaOrStanding, recipient, meta.issuer].filter((n): n is string => Boolean(n)).map(simplify);
  const isExcluded = (name: string) => excluded.some((e) => e.startsWith(simplify(name)) || simplify(name).startsWith(e));
  const reporters =
    reporterKind === 'generic' ? agencies.filter((a) => a.kind === 'specific' && !isExcluded(a.name)).map((a) => a.name) : [reporter];
  if (reporterKind === 'generic' && reporters.length === 0) notes.push('Kế hoạch không liệt kê đơn vị cụ thể (the plan names no agencies to expand to).');

  return { reporter, reporterKind, reporters, recipient, via: viaOrStanding, confidence };
}

/** "Ủy ban nhân xã" (a common slip in plans) is "Ủy ban nhân dân xã". */
function fixTypos(name: string): string {
  return name.replace(/^(Ủy|Uỷ) ban nhân (xã|tỉnh|huyện|phường)/u, 'Ủy ban nhân dân $2');
}

/** "Ủy ban nhân dân xã" in a plan issued by "Ủy ban nhân dân xã Bình Lư" is that commune's. */
function withPlace(name: string, issuer: string | null): string {
  const level = /\s(xã|phường|huyện|tỉnh)$/u.exec(name);
  if (!level || !issuer) return name;
  const place = new RegExp(`\\s${level[1]}\\s+(\\p{Lu}.*)$`, 'u').exec(issuer);
  return place ? `${name} ${place[1]}` : name;
}

function simplify(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[–-]/gu, '-').replace(/\s+/gu, ' ').trim();
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}
