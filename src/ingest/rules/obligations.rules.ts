import { parseDueRule, recurrenceOf, type DueRule } from '../../domain/due-rule';
import { DomainError } from '../../domain/errors';
import { wholeWords, WORD_END } from '../../domain/word-boundary';
import { sentencesOf, type Sentence } from '../outline';
import type { PlanMetadata, ProposedAgency, ProposedObligation, UpwardReport } from '../proposal';
import { agencyKind, agencyName, type AgencyReading } from './agencies.rules';

// A reporting obligation is a sentence that asks for a report ("báo cáo") and gives a due
// day ("trước ngày 05/11", "chậm nhất ngày 15/6", "trước ngày 15 tháng 11"). Who reports is
// the sentence's subject or the agency whose duties it is in; to whom follows "về"/"gửi";
// via whom is "(qua ...)". A report asked for without a day is an upward report.

const DATE = String.raw`\d{1,2}\s*(?:[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)`;
const DUE_PHRASE = new RegExp(
  String.raw`(?:trước|chậm nhất(?:\s+là)?|trong|đến hết|không quá|hạn chót(?:\s+là)?)\s+(?:ngày\s+)?${DATE}` +
    // Monthly and quarterly rules give only the day: "trước ngày 15 của tháng cuối quý",
    // "trước ngày 15 tháng cuối quý", "chậm nhất ngày 25 hằng tháng", "chậm nhất ngày 20 tháng sau".
    String.raw`|(?:trước|chậm nhất(?:\s+là)?|không quá)\s+ngày\s+\d{1,2}(?=\s+(?:của\s+tháng|tháng\s+(?:cuối|đầu)\s+quý|hằng tháng|hàng tháng|mỗi tháng|tháng sau|tháng kế tiếp|tháng tiếp theo)${WORD_END})`,
  'giu',
);
/** Recurrence words just before a due phrase belong to the rule ("báo cáo 6 tháng trước ngày 5/6"). */
const LEAD_IN = /(?:(?:báo cáo\s+)?(?:định kỳ\s+)?(?:6 tháng|sáu tháng|năm|quý|tháng|hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng)\s*,?\s*)$/iu;
/** Recurrence words right after the last due phrase: "hằng năm", "của tháng cuối quý", "tháng đầu quý sau". */
const TAIL = new RegExp(
  String.raw`^\s*(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng)${WORD_END}` +
    String.raw`|^\s*(?:của\s+)?(?:năm|quý|tháng)(?:\s+(?:cuối|đầu)\s+quý(?:\s+(?:sau|kế tiếp|tiếp theo))?|\s+(?:sau|kế tiếp|tiếp theo))${WORD_END}`,
  'iu',
);
const ADHOC = /đột xuất|theo yêu cầu/iu;
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
  for (const [index, node] of outline.nodes.entries()) {
    const section = sectionOf.has(index) ? agencies[sectionOf.get(index)!]! : null;
    for (const sentence of sentencesOf(node.paragraph)) {
      if (!/báo cáo/iu.test(sentence.quote)) continue;
      const dues = [...sentence.quote.matchAll(DUE_PHRASE)];
      if (dues.length > 0) {
        const read = readObligation(sentence, dues, section, agencies, meta);
        if ('unread' in read) unread.push(read.unread);
        else obligations.push(...read.obligations);
      } else {
        const up = section?.kind === 'specific' ? UPWARD_RECIPIENT.exec(sentence.quote) : null;
        if (section && up && /\s(?:tỉnh|huyện|xã|Nội vụ|cấp trên)|Sở|Bộ/u.test(up[1]!)) {
          upwardReports.push({ reporter: section.name, recipient: up[1]!.trim(), quote: sentence.quote, position: sentence.position });
          unread.push(`Báo cáo không nêu hạn (no due date): ${sentence.quote}`);
        } else if (node.level === 0 && PERIODIC_WORDS.test(sentence.quote)) {
          // A periodic report with no day the rules can read ("cuối năm", "trong quý IV"):
          // the coordinator must see it rather than lose it.
          unread.push(`Báo cáo định kỳ chưa đọc được hạn (periodic report, no readable date): ${sentence.quote}`);
        }
      }
    }
  }
  return { obligations, upwardReports, unread };
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
  let confidence = 0.95;

  // The rule: from the recurrence words before the first due phrase to the end of the last,
  // plus "hằng năm" right after it.
  const first = dues[0]!;
  const last = dues[dues.length - 1]!;
  let from = first.index!;
  const lead = LEAD_IN.exec(text.slice(Math.max(0, from - 40), from));
  if (lead) from -= lead[0].length;
  let to = last.index! + last[0].length;
  const tail = TAIL.exec(text.slice(to));
  if (tail) to += tail[0].length;
  const ruleWords = text.slice(from, to).replace(/^[(\s]+|[)\s]+$/gu, '');
  const adhoc = ADHOC.test(text);
  let rule: DueRule;
  try {
    rule = parseDueRule(adhoc ? `${ruleWords} hoặc đột xuất` : ruleWords);
  } catch (err) {
    if (err instanceof DomainError) return { unread: `${err.messageVi}: ${text}` };
    throw err;
  }
  if (rule.schedules.length === 0) return { unread: `Không đọc được hạn (no due date read): ${text}` };
  if (rule.schedules.some((s) => s.kind === 'once')) {
    notes.push('Hạn một lần, có năm cụ thể (a one-off date with a year).');
  }

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

  const base = { reporter, reporterKind, reporters, recipient, via: viaOrStanding, quote: text, position: sentence.position };
  const obligations: ProposedObligation[] = [
    {
      ...base,
      recurrence: recurrenceOf({ ...rule, schedules: rule.schedules }),
      due: rule.schedules.flatMap((s) => ('due' in s ? [s.due] : s.kind === 'once' ? [{ day: s.date.day, month: s.date.month, inclusive: s.inclusive }] : [])),
      dueRule: ruleWords,
      confidence: round(confidence),
      notes,
    },
  ];
  if (rule.adhoc) {
    obligations.push({ ...base, recurrence: 'adhoc', due: [], dueRule: 'đột xuất theo yêu cầu', confidence: round(confidence - 0.05), notes: [...notes, 'Báo cáo đột xuất: hạn do người yêu cầu đặt (ad hoc: the date is set on request).'] });
  }
  return { obligations };
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
