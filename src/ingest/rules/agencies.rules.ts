import { buildOutline, quoted, sectionBody, wholeParagraph, type Outline } from '../outline';
import type { PlanText } from '../plan-text';
import type { AgencyKind, Goal, IndicatorRef, ProposedAgency } from '../proposal';

// The duties section ("TỔ CHỨC THỰC HIỆN", "Trách nhiệm ...") lists agencies as numbered
// headings with their duties below; goals ("Mục tiêu 2: ...") list numbered indicators
// ("Chỉ tiêu 3: ..."); an agency owns indicators by saying "chỉ tiêu 3 của mục tiêu 2".

const DUTIES_SECTION = /^(?:tổ chức thực hiện|trách nhiệm (?:thực hiện|của các)|phân công (?:nhiệm vụ|trách nhiệm))/iu;
/** How an agency's name starts in Vietnamese administration. */
const AGENCY_START =
  /^(?:Thủ trưởng|Phòng|Trạm|Trung tâm|Công an|Văn phòng|Ủy ban|Uỷ ban|UBND|Ban|Sở|Hội|Đoàn|Các|Trường|Quân sự|Ban Chỉ huy|Bảo hiểm|Chi cục|Kho bạc|Bệnh viện|Đài|Liên đoàn|Cục|Viện|Thanh tra|Hạt|Ngân hàng|Chi nhánh|Đảng ủy|Mặt trận|Cơ quan|Tòa án|Viện kiểm sát|Lãnh đạo|Người đứng đầu)(?=[\s,]|$)/iu;
/** Headings under the duties section that are not agencies. */
const NOT_AGENCY = /^(?:chế độ|kinh phí|thời gian|tiến độ|khen thưởng|tổ chức thực hiện|điều khoản|hiệu lực|trách nhiệm của một số)/iu;
/** A group meaning "every agency": reports from it are expanded to the agencies named. */
const GENERIC =
  /(?:các|mọi)\s+(?:cơ quan|sở|đơn vị|phòng)[\s,]+(?:ban|đơn vị|ngành|chuyên môn)|ban,?\s*ngành,?\s*đoàn thể|cơ quan,?\s*đơn vị|các\s+(?:cơ quan|đơn vị)(?=[\s,]|$)(?!\s+nhà nước có thẩm quyền)/iu;

export interface AgencyReading {
  agencies: ProposedAgency[];
  /** For each paragraph index, the agency (index in agencies) whose section it is in. */
  sectionOf: Map<number, number>;
  outline: Outline;
}

/** Cleans a heading into an agency name: no number, no "Đề nghị", no "Trách nhiệm của". */
export function agencyName(title: string): string {
  const name = title
    .replace(/^(?:Đề nghị|Giao|Trách nhiệm của|Nhiệm vụ của)\s+/iu, '')
    .replace(/[:.;]\s*$/u, '')
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function agencyKind(name: string): AgencyKind {
  return GENERIC.test(name) ? 'generic' : 'specific';
}

export function readAgencies(plan: PlanText, goals: Goal[]): AgencyReading {
  const outline = buildOutline(plan);
  const agencies: ProposedAgency[] = [];
  const sectionOf = new Map<number, number>();
  const dutyRoots = outline.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.level > 0 && DUTIES_SECTION.test(n.title));
  for (const root of dutyRoots) {
    for (const i of sectionBody(outline, root.i)) {
      const node = outline.nodes[i]!;
      if (node.level === 0) continue;
      const name = agencyName(node.title);
      const body = sectionBody(outline, i);
      const hasSubHeadings = body.some((j) => outline.nodes[j]!.level > 0);
      if (hasSubHeadings || NOT_AGENCY.test(name) || !AGENCY_START.test(name)) continue;
      const agency: ProposedAgency = {
        name,
        kind: agencyKind(name),
        duties: [],
        indicators: [],
        reportingDuties: [],
        ...quoted(node.paragraph, node.paragraph.text.length - node.title.length, node.paragraph.text.length),
      };
      for (const j of body) {
        const p = outline.nodes[j]!.paragraph;
        sectionOf.set(j, agencies.length);
        const duty = wholeParagraph(p);
        agency.duties.push(duty);
        agency.indicators.push(...indicatorsIn(p.text, goals));
        if (/báo cáo/iu.test(p.text) && !/mục tiêu\s*\d/iu.test(p.text) && !/(?:trước|chậm nhất)\s+(?:ngày\s+)?\d/iu.test(p.text)) {
          agency.reportingDuties.push(duty);
        }
      }
      sectionOf.set(i, agencies.length);
      agencies.push(agency);
    }
  }
  return { agencies, sectionOf, outline };
}

const NUMBER_LIST = String.raw`\d+(?:\s*(?:,|và|-|–)\s*\d+)*`;
const INDICATORS_OF_GOAL = new RegExp(String.raw`(?:các\s+)?chỉ tiêu\s*(${NUMBER_LIST})?\s*(?:\([^)]*\)\s*)?của\s+mục tiêu\s*(\d+)`, 'giu');
const WHOLE_GOAL = /mục tiêu\s*(\d+)/giu;

/**
 * "Mục tiêu 1; chỉ tiêu 1, 2 của mục tiêu 2; các chỉ tiêu của mục tiêu 4" -> one entry per
 * indicator. A whole goal is expanded to its indicators when the plan lists them.
 */
export function indicatorsIn(text: string, goals: Goal[]): IndicatorRef[] {
  const found: IndicatorRef[] = [];
  let rest = text;
  for (const m of text.matchAll(INDICATORS_OF_GOAL)) {
    const goal = Number(m[2]);
    const numbers = m[1] ? expandNumbers(m[1]) : null;
    found.push(...refs(goal, numbers, m[0], goals));
    rest = rest.replace(m[0], ' '.repeat(m[0].length));
  }
  // "Mục tiêu 1" on its own (not "của mục tiêu") in a sentence that assigns results.
  if (/trách nhiệm|báo cáo kết quả|theo dõi/iu.test(text)) {
    for (const m of rest.matchAll(WHOLE_GOAL)) found.push(...refs(Number(m[1]), null, m[0], goals));
  }
  return found;
}

function expandNumbers(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(/\s*(?:,|và)\s*/u)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/u.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) out.push(n);
    else if (/^\d+$/u.test(part)) out.push(Number(part));
  }
  return out;
}

function refs(goal: number, numbers: number[] | null, quote: string, goals: Goal[]): IndicatorRef[] {
  if (numbers) return numbers.map((indicator) => ({ goal, indicator, quote }));
  const known = goals.find((g) => g.number === goal);
  if (known && known.indicators.length > 0) return known.indicators.map((i) => ({ goal, indicator: i.number, quote }));
  return [{ goal, indicator: null, quote }];
}

const GOAL_HEADING = /^(?:\d+(?:\.\d+)*\.\s*)?Mục tiêu\s*(\d+)\s*[:.–-]\s*(.*)$/u;
const INDICATOR = /^[-+]?\s*Chỉ tiêu\s*(\d+)?\s*[:.]\s*(.*)$/u;

/** Goals with numbered indicators ("2.2. Mục tiêu 2: ..." then "Chỉ tiêu 1: ..."). */
export function readGoals(plan: PlanText): Goal[] {
  const goals: Goal[] = [];
  let current: Goal | null = null;
  for (const p of plan.paragraphs) {
    const g = GOAL_HEADING.exec(p.text);
    if (g) {
      current = { number: Number(g[1]), title: g[2]!.trim(), indicators: [], ...wholeParagraph(p) };
      goals.push(current);
      continue;
    }
    const ind = INDICATOR.exec(p.text);
    if (ind && current) {
      // "Chỉ tiêu: ..." alone under a goal is its one indicator.
      current.indicators.push({ number: ind[1] ? Number(ind[1]) : current.indicators.length + 1, text: ind[2]!.trim() });
      continue;
    }
    if (current && /^(?:[IVX]+\.|\d+\.\s)/u.test(p.text)) current = null;
  }
  return goals;
}
