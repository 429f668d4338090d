import { sentencesOf } from '../outline';
import type { PlanText } from '../plan-text';
import type { ProposedAgency, ProposedCampaign, Quoted } from '../proposal';
import type { AgencyReading } from './agencies.rules';

// Campaigns are named periods ("Tháng hành động ... (từ ngày 15/11 đến ngày 15/12)",
// "Tháng hành động quốc gia ... (tháng 6/2024)") and observance days a campaign is tied to
// ("nhân ngày Gia đình Việt Nam (28/6), ngày Quốc tế Phụ nữ (8/3)").

// A date range in every form the genre writes: "từ ngày 15/11 đến ngày 15/12", "(từ ngày
// 15/11 - 15/12)", "từ 31/12/2024 đến ngày 15/3/2025", "diễn ra từ ngày 15-4 đến 15-5"
// (a dash between day and month), and ranges inside one month: "15-22/5", "(từ ngày 15 -
// 22/5/2023)", "từ ngày 1 đến ngày 30/6/2022". The full form is tried first at each place, so
// "15-4 đến 15-5" is two dates, not "4 đến 15-5".
const SEP = String.raw`\s*[/.-]\s*`;
const TO = String.raw`\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?`;
const RANGE = new RegExp(
  String.raw`(?:từ\s+)?(?:ngày\s+)?(\d{1,2})${SEP}(\d{1,2})(?:${SEP}(\d{4}))?${TO}(\d{1,2})${SEP}(\d{1,2})(?:${SEP}(\d{4}))?(?![/.-]?\d)` +
    String.raw`|(?:từ\s+)?(?:ngày\s+)?(\d{1,2})${TO}(\d{1,2})${SEP}(\d{1,2})(?:${SEP}(\d{4}))?(?![/.-]?\d)`,
  'giu',
);
const KEYWORD = String.raw`Tháng hành động|Tháng cao điểm|Tháng Thanh niên|Chiến dịch|Tuần lễ|Đợt cao điểm|Cao điểm|Đợt\s+\d+|Ngày hội`;
/** The name after the dates: "lấy tuần lễ từ ngày 15 - 22/5 làm Tuần lễ Quốc gia phòng, chống thiên tai". */
const NAME_AFTER = new RegExp(String.raw`^\s*(?:(?:hằng|hàng)\s+năm\s+)?(?:là|làm)\s+((?:${KEYWORD})[^;.(]*?)(?=\s*[;.(]|,\s*(?:với|nhằm|theo|để)\s|$)`, 'iu');
/** "Thời gian thực hiện: từ ngày ...": the dates of the document's own campaign or activity. */
const TIME_OF = /thời gian/iu;
/** "Thời gian trang trí, tuyên truyền:" on its own line, the dates in the lines under it. */
const TIME_HEADING = /^\W*thời gian[^.;]*:\s*$/iu;
/** What a dated period of a notice orders: hanging flags, decorating, a clean-up, a drive. */
const ACTIVITY = /treo cờ|trang trí|tuyên truyền|cổ động|ra quân|tổng vệ sinh|vệ sinh môi trường|tiêm|diệt|hưởng ứng|phát động|cao điểm/iu;
/** Figures counted over a window: "số liệu tính từ ngày 01/01 đến ngày 30/06" is no campaign. */
const DATA_WINDOW = /chốt số liệu|tính từ|số liệu/iu;
const MONTH = /\(\s*tháng\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*\)/giu;
const CAMPAIGN_NAME = new RegExp(String.raw`(?:${KEYWORD})`, 'giu');
const OBSERVANCE = /(ngày\s+\p{Lu}[^()]{2,50}?)\s*\(\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\)/gu;
const OBSERVANCE_CAMPAIGN = /(chiến dịch[^“"]*[“"][^”"]+[”"]|chiến dịch truyền thông[^,;.]*?)\s+nhân\s+(?:dịp\s+)?ngày/iu;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function readCampaigns(plan: PlanText, reading: AgencyReading): ProposedCampaign[] {
  const campaigns: ProposedCampaign[] = [];
  const seen = new Set<string>();
  const add = (c: ProposedCampaign) => {
    // One campaign per span of dates: a text names the same week twice ("từ ngày 15 – 22/5
    // hàng năm là Tuần lễ ...", "Tuần lễ ... năm 2023 diễn ra từ ngày 15-22/5").
    const key = `${c.start.day}/${c.start.month}-${c.end.day}/${c.end.month}`;
    if (seen.has(key)) return;
    seen.add(key);
    campaigns.push(c);
  };
  for (const p of plan.paragraphs) {
    for (const s of sentencesOf(p)) {
      const text = s.quote;
      const offset = s.position.start - p.start;
      for (const m of text.matchAll(RANGE)) {
        const full = m[1] !== undefined;
        const [d1, m1, y1, d2, m2, y2] = full ? [m[1], m[2], m[3], m[4], m[5], m[6]] : [m[7], m[9], m[10] ?? undefined, m[8], m[9], m[10]];
        const start = { day: Number(d1), month: Number(m1) };
        const end = { day: Number(d2), month: Number(m2) };
        if (!validDay(start) || !validDay(end) || (!full && start.day >= end.day)) continue;
        if (y1 && y2 && Math.abs(Number(y2) - Number(y1)) > 1) continue;
        const before = text.slice(0, m.index);
        if (DATA_WINDOW.test(before.split(/[;:]/u).pop()!)) continue;
        const name = nameAfter(text.slice(m.index! + m[0].length)) ?? nameBefore(before) ?? timedActivity(plan, p.index, before);
        if (!name) continue;
        const year = y1 ?? y2;
        add({
          name,
          kind: 'campaign',
          start,
          end,
          recurring: !year || /hằng năm|hàng năm/iu.test(text),
          year: year ? Number(year) : null,
          organiser: null,
          ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
        });
      }
      for (const m of text.matchAll(MONTH)) {
        const name = nameBefore(text.slice(0, m.index));
        if (!name) continue;
        const month = Number(m[1]);
        add({
          name,
          kind: 'campaign',
          start: { day: 1, month },
          end: { day: DAYS_IN_MONTH[month - 1] ?? 30, month },
          recurring: !m[2],
          year: m[2] ? Number(m[2]) : null,
          organiser: null,
          ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
        });
      }
      const owner = OBSERVANCE_CAMPAIGN.exec(text);
      if (owner) {
        const campaignName = owner[1]!.replace(/^chiến dịch truyền thông\s*/iu, '').replace(/[“”"]/gu, '').trim();
        for (const m of text.matchAll(OBSERVANCE)) {
          const day = Number(m[2]);
          const month = Number(m[3]);
          add({
            name: `${campaignName} – ${m[1]!.trim()}`,
            kind: 'observance',
            start: { day, month },
            end: { day, month },
            recurring: true,
            year: null,
            organiser: null,
            ...sub(p, offset + m.index!, offset + m.index! + m[0].length, s),
          });
        }
      }
    }
  }
  for (const c of campaigns) c.organiser = organiserOf(c, reading.agencies);
  return campaigns.sort((a, b) => a.position.start - b.position.start);
}

/**
 * The campaign's name: from the last campaign word before its dates ("Tháng hành động",
 * "Tuần lễ", "Chiến dịch", "Đợt 2") up to a colon, a parenthesis or the dates, without the
 * filler words that lead to the dates ("diễn ra", "dự kiến", "từ").
 */
function nameBefore(before: string): string | null {
  const near = before.slice(-200);
  let last: RegExpMatchArray | undefined;
  for (const m of near.matchAll(CAMPAIGN_NAME)) last = m;
  if (!last) return null;
  const name = near
    .slice(last.index!)
    .split(/[:;(“”"]/u)[0]!
    .replace(/[\s,]*(?:(?:diễn ra|dự kiến|được tổ chức|tổ chức|bắt đầu|trọng tâm|thời gian)\s*)*(?:từ\s*)?(?:ngày\s*)?$/iu, '')
    .trim();
  return name.length >= 5 ? name.charAt(0).toUpperCase() + name.slice(1) : null;
}

/** The name right after the dates: "... từ ngày 15 - 22/5 làm Tuần lễ Quốc gia ...". */
function nameAfter(after: string): string | null {
  const m = NAME_AFTER.exec(after.slice(0, 160));
  return m ? m[1]!.trim() : null;
}

/**
 * A period under "Thời gian" (in the sentence, or a heading line right above it): the
 * activity it dates ("treo cờ Tổ quốc từ ngày 18/8 đến hết ngày 20/8") when it names one,
 * else the document's own campaign or plan. "Thời gian tiếp công dân" dates no campaign.
 */
function timedActivity(plan: PlanText, index: number, before: string): string | null {
  // The heading may sit above several bullet lines, each with its own dates.
  let above = index - 1;
  while (above > 0 && /^\s*[-+*•]/u.test(plan.paragraphs[above]!.text)) above -= 1;
  const heading = above >= 0 && TIME_HEADING.test(plan.paragraphs[above]!.text) ? plan.paragraphs[above]!.text : null;
  if (!TIME_OF.test(before) && !heading) return null;
  if (ACTIVITY.test(`${heading ?? ''} ${before}`)) {
    // "Thời gian treo cờ Tổ quốc: từ ..." names it before the colon, a bullet after it.
    const parts = /^(?:.*?thời gian\s*([^:]*):)?(.*)$/isu.exec(before)!;
    const words = (/\p{L}{2,}.*\p{L}{2,}/u.test(parts[2]!.replace(/(?:^|\s)(?:bắt đầu|từ|ngày)(?=\s|$)/giu, ' ')) ? parts[2]! : (parts[1] ?? ''))
      .replace(/\([^)]*\)/gu, ' ')
      .replace(/^[\s\-+*•]+/u, '')
      .replace(/[\s:,]*(?:(?:bắt đầu|diễn ra|dự kiến)\s*)*(?:từ\s*)?(?:ngày\s*)?$/iu, '')
      .replace(/\s+/gu, ' ')
      .trim();
    if (words.split(' ').length >= 2) return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return documentCampaign(plan, index);
}

/** The campaign the document is about: the first campaign named before `index`, else its plan title. */
function documentCampaign(plan: PlanText, index: number): string | null {
  for (const p of plan.paragraphs.slice(0, index)) {
    const first = /(?:Tháng hành động|Tháng cao điểm|Chiến dịch|Tuần lễ|Đợt cao điểm)[^:;(“”".]*/iu.exec(p.text);
    if (first) return first[0].trim().slice(0, 160);
  }
  const title = plan.paragraphs.slice(0, index).find((p) => /^(?:KẾ HOẠCH|Kế hoạch)\s+\S/u.test(p.text));
  return title ? title.text.slice(0, 160).trim() : null;
}

function validDay(d: { day: number; month: number }): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= (DAYS_IN_MONTH[d.month - 1] ?? 0);
}

/** A whole sentence as the quote, with the match's exact place. */
function sub(p: PlanText['paragraphs'][number], from: number, to: number, s: Quoted): Quoted {
  return { quote: s.quote, position: { start: p.start + from, end: p.start + to, paragraph: p.index } };
}

/** The specific agency whose duties name the campaign (its first six words). */
function organiserOf(c: ProposedCampaign, agencies: ProposedAgency[]): string | null {
  const key = c.name.split(/\s+/u).slice(0, 6).join(' ').toLowerCase();
  const found = agencies.find((a) => a.kind === 'specific' && a.duties.some((d) => d.quote.toLowerCase().includes(key) && /tổ chức|triển khai|chủ trì/iu.test(d.quote)));
  return found?.name ?? null;
}
